import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { ContentCollection } from '../../src/availability'
import { idOf } from '../../src/rights/ids'
import { rematerializeAvailability } from '../../src/rights/materialize'

type ParentFields = { series?: unknown; season?: unknown }

/**
 * Publishing, unpublishing, moving or gating a title changes what viewers may see of it, of
 * its container and of everything under it: recompute their availability rows.
 */
export const refreshTitleAvailability =
  (collection: ContentCollection): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const previous = (previousDoc ?? {}) as ParentFields
    const roots = [{ collection, id: String(doc.id) }]
    const oldSeason = idOf(previous.season)
    const oldSeries = idOf(previous.series)
    if (oldSeason && oldSeason !== idOf((doc as ParentFields).season)) {
      roots.push({ collection: 'seasons', id: oldSeason })
    }
    if (oldSeries && oldSeries !== idOf((doc as ParentFields).series)) {
      roots.push({ collection: 'series', id: oldSeries })
    }
    await rematerializeAvailability(req.payload, roots, req)
    return doc
  }

export const refreshAvailabilityAfterTitleDelete =
  (collection: ContentCollection): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    const parents = []
    const season = idOf((doc as ParentFields).season)
    const series = idOf((doc as ParentFields).series)
    if (season) parents.push({ collection: 'seasons' as const, id: season })
    if (series) parents.push({ collection: 'series' as const, id: series })
    await req.payload.db.deleteMany({
      collection: 'availability-windows',
      where: { contentKey: { equals: `${collection}/${doc.id}` } },
      req,
    })
    await rematerializeAvailability(req.payload, parents, req)
    return doc
  }
