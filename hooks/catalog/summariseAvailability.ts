import type { CollectionAfterOperationHook, PayloadRequest } from 'payload'

import type { ContentCollection } from '../../src/availability'
import { type CatalogLink, catalogLinksOf } from '../../src/catalog/publicQueryPaths'
import { isStaffUser, type RoleBearer } from '../../src/roles'
import {
  type AvailabilitySummary,
  cacheControlFor,
  nextAppearance,
  summariesFor,
} from '../../src/rights/summary'
import { availabilityInstantOf, viewerTerritoryOf } from '../../src/rights/viewerTerritory'
import { limitCacheToAppearances, limitCacheToTitles, limitPublicCache } from './publicCacheControl'
import { idOf } from '../../src/rights/ids'

type Id = string | number
type Doc = { id: Id; availability?: AvailabilitySummary | null } & Record<string, unknown>

/** The ids a relationship or join value holds: `3`, `[3, {id: 4}]`, `{ docs: [...] }`. */
const idsIn = (value: unknown): Id[] => {
  if (Array.isArray(value)) return value.flatMap(idsIn)
  if (value && typeof value === 'object' && 'docs' in value) return idsIn(value.docs)
  const id = idOf(value)
  return id === undefined ? [] : [id]
}

/**
 * Titles the documents hold (ids or populated) bound the cache like the documents themselves;
 * for joins, so do children hidden now that will appear later.
 */
const limitCacheToLinkedTitles = async (req: PayloadRequest, link: CatalogLink, docs: Doc[]) => {
  await limitCacheToTitles(
    req,
    link.target,
    docs.flatMap((doc) => idsIn(doc[link.name])),
  )
  if (!link.joinOn || docs.length === 0) return
  const { docs: children } = await req.payload.find({
    collection: link.target,
    where: { [link.joinOn]: { in: docs.map((doc) => doc.id) } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: {},
    req,
  })
  await limitCacheToAppearances(
    req,
    link.target,
    children.map((child) => child.id),
  )
}

/**
 * Public reads: each title carries what the viewer may do with it in their territory, and the
 * response may be cached only until the earliest change of any title on it — the documents,
 * the titles they relate to or list (at any depth: populated documents pass here too), and a
 * new title appearing in a list. Staff responses are never cached.
 */
export const summariseAvailability =
  (collection: ContentCollection): CollectionAfterOperationHook =>
  async ({ args, operation, req, result }) => {
    if (operation !== 'find' && operation !== 'findByID') return result
    const { overrideAccess, currentDepth } = args as {
      overrideAccess?: boolean
      currentDepth?: number
    }
    if (overrideAccess === true) return result
    if (isStaffUser(req.user as RoleBearer)) {
      req.responseHeaders ??= new Headers()
      req.responseHeaders.set('Cache-Control', 'private, no-store')
      return result
    }
    const territory = await viewerTerritoryOf(req)
    const at = availabilityInstantOf(req)
    const docs: Doc[] =
      operation === 'find'
        ? ((result as { docs?: Doc[] }).docs ?? [])
        : result
          ? [result as Doc]
          : []
    const summaries = await summariesFor(
      req.payload,
      collection,
      docs.map((doc) => doc.id),
      territory,
      at,
      req,
    )
    // Populated documents (relations, joins, at any depth) carry theirs too; they come through
    // here already filtered by the same read access. `select` may have left it out.
    for (const doc of docs) {
      if ('availability' in doc) doc.availability = summaries.get(String(doc.id)) ?? null
    }
    const topLevel = (currentDepth ?? 0) === 0
    const appearing =
      operation === 'find' && topLevel
        ? await nextAppearance(req.payload, collection, territory, at, req)
        : null
    limitPublicCache(
      req,
      cacheControlFor(at, [
        ...[...summaries.values()].map((summary) => summary.validUntil),
        appearing,
      ]),
    )
    for (const link of catalogLinksOf(req.payload.config, collection)) {
      await limitCacheToLinkedTitles(req, link, docs)
    }
    return result
  }
