import type { CollectionAfterOperationHook, PayloadRequest } from 'payload'

import type { ContentCollection } from '../../src/availability'
import { isStaffUser, type RoleBearer } from '../../src/roles'
import {
  type AvailabilitySummary,
  cacheControlFor,
  nextAppearance,
  summariesFor,
} from '../../src/rights/summary'
import { availabilityInstantOf, viewerTerritoryOf } from '../../src/rights/viewerTerritory'

type Doc = { id: string | number; availability?: AvailabilitySummary | null }

const setCacheControl = (req: PayloadRequest, value: string) => {
  req.responseHeaders ??= new Headers()
  const previous = req.responseHeaders.get('Cache-Control')
  const maxAge = (header: string | null) =>
    Number(/max-age=(\d+)/.exec(header ?? '')?.[1] ?? Infinity)
  if (previous?.startsWith('private')) return
  if (!previous || maxAge(value) < maxAge(previous)) req.responseHeaders.set('Cache-Control', value)
}

/**
 * Public reads: each title carries what the viewer may do with it in their territory, and the
 * response may be cached only until the earliest change on it (or a new title appearing).
 * Staff responses are never cached.
 */
export const summariseAvailability =
  (collection: ContentCollection): CollectionAfterOperationHook =>
  async ({ args, operation, req, result }) => {
    if (operation !== 'find' && operation !== 'findByID') return result
    const { overrideAccess, currentDepth } = args as {
      overrideAccess?: boolean
      currentDepth?: number
    }
    // Internal reads, and documents populated into another one, carry no summary of their own.
    if (overrideAccess === true || (currentDepth ?? 0) > 0) return result
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
    for (const doc of docs) doc.availability = summaries.get(String(doc.id)) ?? null
    const appearing =
      operation === 'find'
        ? await nextAppearance(req.payload, collection, territory, at, req)
        : null
    setCacheControl(
      req,
      cacheControlFor(at, [
        ...[...summaries.values()].map((summary) => summary.validUntil),
        appearing,
      ]),
    )
    return result
  }
