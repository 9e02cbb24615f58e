/**
 * SQLite's "another connection holds the lock" errors (`SQLITE_BUSY`, `SQLITE_LOCKED` and their
 * extended codes), however they reach us: as libsql's `LibsqlError` (`code`, `rawCode`), wrapped
 * by drizzle (`DrizzleQueryError` with the libsql error as `cause`), wrapped by Payload into a
 * plain `Error` whose message keeps the original text, or inside a GraphQL error
 * (`originalError`).
 */
const busyCodes = /^SQLITE_(BUSY|LOCKED)(_|$)/
const busyMessages = /\bSQLITE_(BUSY|LOCKED)\b|database is locked|database table is locked/i
// Primary result codes: SQLITE_BUSY = 5, SQLITE_LOCKED = 6 (extended codes keep them in the low byte).
const busyRawCodes = new Set([5, 6])

type ErrorLike = {
  code?: unknown
  rawCode?: unknown
  message?: unknown
  cause?: unknown
  originalError?: unknown
}

const isBusyItself = (error: ErrorLike): boolean =>
  (typeof error.code === 'string' && busyCodes.test(error.code)) ||
  (typeof error.rawCode === 'number' && busyRawCodes.has(error.rawCode & 0xff)) ||
  (typeof error.message === 'string' && busyMessages.test(error.message))

export const isDatabaseBusy = (error: unknown): boolean => {
  const seen = new Set<unknown>()
  const pending: unknown[] = [error]
  while (pending.length > 0) {
    const candidate = pending.pop()
    if (typeof candidate !== 'object' || candidate === null || seen.has(candidate)) continue
    seen.add(candidate)
    const errorLike = candidate as ErrorLike
    if (isBusyItself(errorLike)) return true
    pending.push(errorLike.cause, errorLike.originalError)
  }
  return false
}

/** Seconds a client is asked to wait before retrying a request the busy database refused. */
export const databaseBusyRetryAfterSeconds = 1

export const databaseBusyMessage = 'The database is busy with another writer. Retry in a moment.'
