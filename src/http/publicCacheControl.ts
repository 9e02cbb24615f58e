/**
 * `Cache-Control` of public catalog answers, which may not be used past the first instant at
 * which they could change (`validUntil`, ../shared/spec/availability.md "Caches must not
 * outlive it"). A cache may serve a response for `max-age` seconds, then for
 * `stale-while-revalidate` more seconds while it refetches, or for `stale-if-error` more
 * seconds while the origin fails: so `max-age` plus either stale window stays within the time
 * left until the answer changes, and near a change there is no stale window at all.
 */
export type PublicCacheLifetime = {
  maxAge: number
  staleWhileRevalidate: number
  staleIfError: number
}

/** How long a CDN may keep an answer at most, and its stale windows at most. */
export const publicCacheCeilings: PublicCacheLifetime = {
  maxAge: 300,
  staleWhileRevalidate: 60,
  staleIfError: 300,
}

/** The lifetime for an answer given at `at` whose content next changes at `nextChange` (ms). */
export const lifetimeUntil = (
  atMs: number,
  nextChangeMs: number,
  ceilings: PublicCacheLifetime = publicCacheCeilings,
): PublicCacheLifetime => {
  const left = Math.max(0, Math.floor((nextChangeMs - atMs) / 1000))
  const maxAge = Math.min(ceilings.maxAge, left)
  const afterMaxAge = left - maxAge
  return {
    maxAge,
    staleWhileRevalidate: Math.min(ceilings.staleWhileRevalidate, afterMaxAge),
    staleIfError: Math.min(ceilings.staleIfError, afterMaxAge),
  }
}

export const formatPublicCacheControl = ({
  maxAge,
  staleWhileRevalidate,
  staleIfError,
}: PublicCacheLifetime): string =>
  [
    'public',
    `max-age=${maxAge}`,
    ...(staleWhileRevalidate > 0 ? [`stale-while-revalidate=${staleWhileRevalidate}`] : []),
    ...(staleIfError > 0 ? [`stale-if-error=${staleIfError}`] : []),
  ].join(', ')

const directive = (header: string, name: string): number | undefined => {
  const match = new RegExp(`(?:^|,)\\s*${name}=(\\d+)`).exec(header)
  return match ? Number(match[1]) : undefined
}

/** A public `Cache-Control` value read back; undefined for anything else (private, no-store). */
export const parsePublicCacheControl = (
  header: string | null | undefined,
): PublicCacheLifetime | undefined => {
  if (!header || !/^\s*public\b/.test(header)) return undefined
  const maxAge = directive(header, 'max-age')
  if (maxAge === undefined) return undefined
  return {
    maxAge,
    staleWhileRevalidate: directive(header, 'stale-while-revalidate') ?? 0,
    staleIfError: directive(header, 'stale-if-error') ?? 0,
  }
}

/**
 * Two limits on one answer (e.g. its own titles and a related title's window, or a signed
 * playback token): each directive takes the smaller value, so the result respects both (a
 * directive one of them lacks counts as 0). `private` values always win.
 */
export const stricterCacheControl = (previous: string | null | undefined, next: string): string => {
  if (previous?.trim().startsWith('private')) return previous
  if (next.trim().startsWith('private')) return next
  const before = parsePublicCacheControl(previous)
  const after = parsePublicCacheControl(next)
  if (!before) return next
  if (!after) return previous as string
  return formatPublicCacheControl({
    maxAge: Math.min(before.maxAge, after.maxAge),
    staleWhileRevalidate: Math.min(before.staleWhileRevalidate, after.staleWhileRevalidate),
    staleIfError: Math.min(before.staleIfError, after.staleIfError),
  })
}
