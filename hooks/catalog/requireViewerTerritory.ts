import { type CollectionBeforeOperationHook, NotFound, type PayloadRequest } from 'payload'

import { guardPublicQuery, type PublicQueryArgs } from '../../src/catalog/guardPublicQuery'
import { isStaffUser, type RoleBearer } from '../../src/roles'
import { viewerTerritoryOf } from '../../src/rights/viewerTerritory'

const publicReads = new Set(['read', 'count', 'readDistinct'])

const isStoredIdShape = (req: PayloadRequest, id: unknown) =>
  req.payload.db.defaultIDType !== 'number' || /^\d{1,15}$/.test(String(id))

/**
 * A public read must say where the viewer is (400 otherwise), may not filter or sort through
 * relationships into titles (400 naming the path), only ever matches visible titles by id, and
 * never reads drafts: `?draft=true` would make Payload read the newest version instead of the
 * published one.
 */
export const requireViewerTerritory: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  const { id } = args as { id?: unknown }
  if (operation === 'read' && id !== undefined && !isStoredIdShape(req, id)) {
    // `/api/films/abc` on a database with numeric ids: no such title (the adapter would fail).
    throw new NotFound(req.t)
  }
  if (!publicReads.has(operation) || isStaffUser(req.user as RoleBearer)) return args
  if ((args as { overrideAccess?: boolean }).overrideAccess === true) return args
  await viewerTerritoryOf(req)
  const guarded = await guardPublicQuery(req, collection.slug, args as PublicQueryArgs)
  if (operation !== 'read') return { ...args, ...guarded }
  // The availability rows are for staff; the public gets the `availability` summary instead.
  const joins = guarded.joins
  return {
    ...args,
    ...guarded,
    draft: false,
    joins: joins === false ? false : { ...joins, availabilityWindows: false },
  }
}
