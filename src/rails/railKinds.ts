/**
 * Rail kinds and their parameters, parsed from a request (`/api/rails/:kind?days=..&limit=..`)
 * or a curated rail's settings. Pure: the endpoint and the `rails` collection share it.
 */
const automaticRailKinds = ['new', 'leaving-soon', 'coming-soon', 'genre'] as const

/** Every kind a `rails` document may have: picked by hand, or one of the automatic ones. */
export const railKinds = ['curated', ...automaticRailKinds] as const

/** What one rail lists. `days` only for `new` and `leaving-soon`, `genre` only for genre rails. */
export type RailSpec =
  | { kind: 'new'; days: number; limit: number }
  | { kind: 'leaving-soon'; days: number; limit: number }
  | { kind: 'coming-soon'; limit: number }
  | { kind: 'genre'; genre: string; limit: number }

export type RailProblem = { field: string; reason: string }

/** Defaults: `new` lists titles available for less than 30 days, `leaving-soon` ending within 14. */
export const railDefaults = { newDays: 30, leavingSoonDays: 14, limit: 20, maxDays: 365 }

const wholeNumber = (
  field: string,
  text: string | null | undefined,
  fallback: number,
  max: number,
): number | RailProblem => {
  if (text === null || text === undefined || text.trim() === '') return fallback
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > max) {
    return { field, reason: `must be a whole number from 1 to ${max}` }
  }
  return value
}

const isProblem = (value: unknown): value is RailProblem =>
  typeof value === 'object' && value !== null && 'reason' in value

const genreSlug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * `new`, `leaving-soon`, `coming-soon` or `genre:<slug>`, with `days` (new, leaving-soon) and
 * `limit` (at most `maxLimit`, the public API's largest page).
 */
export const parseRailSpec = (
  kindText: string,
  params: { days?: string | null; limit?: string | null },
  maxLimit: number,
): RailSpec | RailProblem => {
  const limit = wholeNumber('limit', params.limit, Math.min(railDefaults.limit, maxLimit), maxLimit)
  if (isProblem(limit)) return limit
  const [kind, ...rest] = kindText.split(':')
  const argument = rest.join(':')
  if (kind === 'genre') {
    if (!genreSlug.test(argument)) {
      return { field: 'kind', reason: 'genre rails are genre:<slug>, e.g. genre:drama' }
    }
    return { kind, genre: argument, limit }
  }
  if (rest.length > 0 || !(automaticRailKinds as readonly string[]).includes(kind)) {
    return {
      field: 'kind',
      reason: 'must be one of new, leaving-soon, coming-soon or genre:<slug>',
    }
  }
  if (kind === 'coming-soon') {
    if (params.days) return { field: 'days', reason: 'coming-soon takes no days' }
    return { kind, limit }
  }
  const fallback = kind === 'new' ? railDefaults.newDays : railDefaults.leavingSoonDays
  const days = wholeNumber('days', params.days, fallback, railDefaults.maxDays)
  if (isProblem(days)) return days
  return kind === 'new' ? { kind, days, limit } : { kind: 'leaving-soon', days, limit }
}

export const isRailProblem = isProblem
