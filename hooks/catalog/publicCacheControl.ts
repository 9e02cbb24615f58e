import type { PayloadRequest } from 'payload'

import type { ContentCollection } from '../../src/availability'
import { stricterCacheControl } from '../../src/http/publicCacheControl'
import { cacheControlFor, nextAppearance, summariesFor } from '../../src/rights/summary'
import { availabilityInstantOf, viewerTerritoryOf } from '../../src/rights/viewerTerritory'

/** Narrows the response's public caching to `value`'s (never widens it; staff stay private). */
export const limitPublicCache = (req: PayloadRequest, value: string) => {
  req.responseHeaders ??= new Headers()
  const previous = req.responseHeaders.get('Cache-Control')
  req.responseHeaders.set('Cache-Control', stricterCacheControl(previous, value))
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
  const appearing = await nextAppearance(req.payload, collection, territory, at, req, { ids })
  limitPublicCache(req, cacheControlFor(at, [appearing]))
}
