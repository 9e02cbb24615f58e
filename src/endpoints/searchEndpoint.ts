import { type Endpoint, type PayloadRequest, ValidationError } from 'payload'

import type { ApiLimits } from '../api/limits'
import { viewerTerritoryOf } from '../rights/viewerTerritory'
import { isStaffUser, type RoleBearer } from '../roles'
import { queryNeedlesOf } from '../search/ranking'
import { hasHan } from '../text/fold'
import { searchTitles } from '../search/searchTitles'

/** Longest query, in characters. */
export const searchQueryMaxLength = 100

const badRequest = (path: string, message: string) =>
  new ValidationError({ errors: [{ path, message }] })

const wholeNumber = (req: PayloadRequest, name: string, fallback: number, max: number) => {
  const text = req.searchParams.get(name)
  if (text === null) return fallback
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1 || value > max) {
    throw badRequest(name, `must be a whole number from 1 to ${max}`)
  }
  return value
}

/**
 * GET /api/search?q=..&locale=..&page=..&limit=.. (the territory as for every public read:
 * the edge's header, or `territory=` where ALLOW_TERRITORY_QUERY allows it). Films and series
 * whose title in any locale matches, ranked, only those the viewer may see now.
 */
export const searchEndpoint = (limits: ApiLimits): Endpoint => ({
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const q = req.searchParams.get('q')?.trim() ?? ''
    if (q === '') throw badRequest('q', 'missing: give the words to search for')
    if ([...q].length > searchQueryMaxLength) {
      throw badRequest('q', `must be at most ${searchQueryMaxLength} characters`)
    }
    const needles = queryNeedlesOf(q)
    if (needles.length === 0) throw badRequest('q', 'has no letters or digits')
    // One Latin letter matches nearly every title; one Chinese character is a word.
    if (!hasHan(q) && Math.max(...needles.map((needle) => needle.length)) < 2) {
      throw badRequest('q', 'needs at least 2 letters or digits (or 1 Chinese character)')
    }
    const localization = req.payload.config.localization
    const codes = localization ? localization.localeCodes : ['en']
    const locale =
      req.searchParams.get('locale') ?? (localization ? localization.defaultLocale : 'en')
    if (!codes.includes(locale)) {
      throw badRequest('locale', `unknown locale "${locale}"; use one of ${codes.join(', ')}`)
    }
    const limit = wholeNumber(req, 'limit', 10, limits.publicMaxLimit)
    const page = wholeNumber(req, 'page', 1, 10_000)
    // The same territory rules as every public read (400 naming `territory` otherwise).
    const staff = isStaffUser(req.user as RoleBearer)
    if (!staff) await viewerTerritoryOf(req)
    const answer = await searchTitles(req, { q, locale, page, limit })
    return Response.json(answer, staff ? { headers: { 'Cache-Control': 'private, no-store' } } : {})
  },
})
