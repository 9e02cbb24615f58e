import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  formatPublicCacheControl,
  lifetimeUntil,
  parsePublicCacheControl,
  publicCacheCeilings,
  stricterCacheControl,
} from '../../../src/http/publicCacheControl'
import { cacheControlFor } from '../../../src/rights/summary'

const at = '2026-06-01T12:00:00.000Z'
const inSeconds = (seconds: number) => new Date(Date.parse(at) + seconds * 1000).toISOString()

describe('public Cache-Control: stale windows bounded by validUntil', () => {
  it('gives the full windows when nothing changes, none when the change is within max-age', () => {
    expect(cacheControlFor(at, [null])).toBe(
      'public, max-age=300, stale-while-revalidate=60, stale-if-error=300',
    )
    expect(cacheControlFor(at, [inSeconds(120)])).toBe('public, max-age=120')
    expect(cacheControlFor(at, [inSeconds(330), inSeconds(3600)])).toBe(
      'public, max-age=300, stale-while-revalidate=30, stale-if-error=30',
    )
    expect(cacheControlFor(at, [inSeconds(-5)])).toBe('public, max-age=0')
  })

  it('never lets max-age plus a stale window reach past the next change (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100_000 }), (seconds) => {
        const lifetime = lifetimeUntil(0, seconds * 1000)
        const left = Math.max(0, seconds)
        expect(lifetime.maxAge + lifetime.staleWhileRevalidate).toBeLessThanOrEqual(left)
        expect(lifetime.maxAge + lifetime.staleIfError).toBeLessThanOrEqual(left)
        expect(lifetime.maxAge).toBeLessThanOrEqual(publicCacheCeilings.maxAge)
        expect(parsePublicCacheControl(formatPublicCacheControl(lifetime))).toEqual(lifetime)
      }),
    )
  })

  it('combines two limits directive by directive, so the result respects both', () => {
    // Same max-age, different stale windows: the shorter ones must win (comparing max-age
    // alone would keep the first value's 300 s of stale-if-error).
    const openEnded = cacheControlFor(at, [null])
    const endingSoon = cacheControlFor(at, [inSeconds(400)])
    expect(stricterCacheControl(openEnded, endingSoon)).toBe(
      'public, max-age=300, stale-while-revalidate=60, stale-if-error=100',
    )
    expect(stricterCacheControl(endingSoon, openEnded)).toBe(
      stricterCacheControl(openEnded, endingSoon),
    )
    // A signed token's cap has no stale window: none survives.
    expect(stricterCacheControl(openEnded, 'public, max-age=450')).toBe('public, max-age=300')
    expect(stricterCacheControl(null, endingSoon)).toBe(endingSoon)
    expect(stricterCacheControl('private, no-store', openEnded)).toBe('private, no-store')
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        (first, second) => {
          const merged = parsePublicCacheControl(
            stricterCacheControl(
              cacheControlFor(at, [inSeconds(first)]),
              cacheControlFor(at, [inSeconds(second)]),
            ),
          )
          const left = Math.min(first, second)
          expect(merged).toBeDefined()
          if (!merged) return
          expect(merged.maxAge + merged.staleWhileRevalidate).toBeLessThanOrEqual(left)
          expect(merged.maxAge + merged.staleIfError).toBeLessThanOrEqual(left)
        },
      ),
    )
  })
})
