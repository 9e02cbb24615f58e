import type { PayloadRequest } from 'payload'

import type { ContentCollection } from '../../src/availability'
import { cacheControlFor, nextAppearance, summariesFor } from '../../src/rights/summary'
import { availabilityInstantOf, viewerTerritoryOf } from '../../src/rights/viewerTerritory'

const maxAgeOf = (header: string | null) =>
  Number(/max-age=(\d+)/.exec(header ?? '')?.[1] ?? Infinity)

/** Lowers the response's public max-age to `value`'s (never raises it; staff stay private). */
export const limitPublicCache = (req: PayloadRequest, value: string) => {
  req.responseHeaders ??= new Headers()
  const previous = req.responseHeaders.get('Cache-Control')
  if (previous?.startsWith('private')) return
  if (!previous || maxAgeOf(value) < maxAgeOf(previous)) {
    req.responseHeaders.set('Cache-Control', value)
  }
}

/** The answer contains these visible titles: it may not be cached past their windows' ends. */
export const limitCacheToTitles = async (
  req: PayloadRequest,
  collection: ContentCollection,
  ids: readonly (string | number)[],
) => {
  if (ids.length === 0) return
  const territory = await viewerTerritoryOf(req)
  const at = availabilityInstantOf(req)
  const summaries = await summariesFor(req.payload, collection, ids, territory, at, req)
  limitPublicCache(
    req,
    cacheControlFor(
      at,
      [...summaries.values()].map((summary) => summary.validUntil),
    ),
  )
}

/**
 * The answer leaves these titles out because the viewer may not see them now: it may not be
 * cached past the moment the first of them becomes available.
 */
export const limitCacheToAppearances = async (
  req: PayloadRequest,
  collection: ContentCollection,
  ids: readonly (string | number)[],
) => {
  if (ids.length === 0) return
  const territory = await viewerTerritoryOf(req)
  const at = availabilityInstantOf(req)
  const appearing = await nextAppearance(req.payload, collection, territory, at, req, ids)
  limitPublicCache(req, cacheControlFor(at, [appearing]))
}
