import { type Client, type Config, createClient } from '@libsql/client'

import { isDatabaseBusy } from './databaseBusy'

export type SqliteClientOptions = {
  /** How long a statement waits for another connection's lock before SQLITE_BUSY (ms). */
  busyTimeoutMs: number
}

/** What the SQLite adapter would set with `wal: true`: journal at most 64 MiB, fsync per commit. */
const walJournalSizeLimit = 64 * 1024 * 1024

/** Settings SQLite keeps per connection (the journal mode is kept in the file). */
const configureConnection = async (client: Client, { busyTimeoutMs }: SqliteClientOptions) => {
  await client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
  await client.execute(`PRAGMA journal_size_limit = ${walJournalSizeLimit}`)
  await client.execute('PRAGMA synchronous = FULL')
}

/**
 * libsql (0.4, and upstream still: tursodatabase/libsql-client-ts#352) leaves a statement that
 * failed with SQLITE_BUSY in progress until the garbage collector finalises it. Meanwhile the
 * connection never commits again: its next writes stay in an open transaction that holds the
 * write lock, so every other process waits and fails, and this one's writes are not durable.
 * The connection is therefore retired after a busy error: `transaction()` takes it away from
 * the client (which opens a fresh one for its next statement) and the hand-off is rolled back,
 * leaving the old connection nothing but a read snapshot until it is collected.
 */
const retireConnection = async (client: Client, options: SqliteClientOptions) => {
  const handOff = await client.transaction('deferred').catch(async () => {
    // The failed statement was inside an explicit transaction (a batch): end it first.
    await client.execute('ROLLBACK').catch(() => {})
    return client.transaction('deferred')
  })
  handOff.close()
  await configureConnection(client, options)
}

const guardedMethods = new Set<PropertyKey>([
  'execute',
  'batch',
  'migrate',
  'executeMultiple',
  'transaction',
])

/**
 * The libsql client Payload's SQLite adapter uses, for a database file shared by several
 * processes: WAL (readers never wait for the writer), a busy timeout (a writer waits for
 * another's lock), and a connection that survives a busy error.
 */
export const openSqliteClient = async (
  config: Config,
  options: SqliteClientOptions,
): Promise<Client> => {
  const client = createClient(config)
  await configureConnection(client, options)
  const { rows } = await client.execute('PRAGMA journal_mode')
  if (rows[0]?.journal_mode !== 'wal') await client.execute('PRAGMA journal_mode = WAL')

  let retiring: Promise<void> | null = null
  const retireOnce = () => {
    retiring ??= retireConnection(client, options).finally(() => (retiring = null))
    return retiring
  }
  return new Proxy(client, {
    get(target, property) {
      // libsql's client keeps its connection in private fields: call its methods on itself.
      const value: unknown = Reflect.get(target, property, target)
      if (typeof value !== 'function') return value
      const method = value as (...args: unknown[]) => unknown
      if (!guardedMethods.has(property)) return method.bind(target)
      return async (...args: unknown[]) => {
        try {
          return await method.apply(target, args)
        } catch (error) {
          // The busy error is what the caller gets (and answers 503 for), retired or not.
          if (isDatabaseBusy(error)) await retireOnce().catch(() => {})
          throw error
        }
      }
    },
  })
}
