import type { Access, PayloadRequest, Where } from 'payload'

import type { ContentCollection } from '../availability'
import { isStaffUser, type RoleBearer } from '../roles'
import { rowsInForce } from '../rights/rowsInForce'
import { availabilityInstantOf, knownViewerTerritory } from '../rights/viewerTerritory'

/**
 * The content API's promise: a public reader (no user, or an API key of a user without a
 * staff role) gets only titles that are published AND available in their territory at this
 * instant. The condition is part of the database query, so totals and pagination are right.
 *
 * SQL adapters join the `availability-windows` rows once, so the territory and both bounds
 * are checked on the same row. MongoDB may match array conditions across different rows, so
 * there the matching ids are looked up first.
 */
export const publishedAndAvailable =
  (collection: ContentCollection): Access =>
  async ({ req }) => {
    if (isStaffUser(req.user as RoleBearer)) return true
    // Reads without a known territory were refused with a 400 before access is asked
    // (hooks/catalog/requireViewerTerritory.ts); anything else asking gets nothing.
    const territory = await knownViewerTerritory(req)
    if (!territory) return false
    const at = availabilityInstantOf(req)
    const published: Where = { _status: { equals: 'published' } }

    if (req.payload.db.name === 'mongoose') {
      const { docs } = await req.payload.find({
        collection: 'availability-windows',
        where: {
          and: [{ titleCollection: { equals: collection } }, ...rowsInForce(territory, at)],
        },
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: { contentKey: true },
        req,
      })
      const ids = docs.map((row) => row.contentKey.split('/')[1])
      return { and: [published, { id: { in: ids } }] }
    }

    return {
      and: [published, ...rowsInForce(territory, at, 'availabilityWindows.')],
    }
  }

/**
 * Which of these ids of a collection the reader may see: all of them for staff, else those the
 * public read access would return. The query is internal (access is applied by hand).
 */
export const visibleTitleIds = async (
  req: PayloadRequest,
  collection: ContentCollection,
  ids: readonly (string | number)[],
): Promise<Set<string>> => {
  if (ids.length === 0) return new Set()
  const access = await publishedAndAvailable(collection)({ req })
  if (access === false) return new Set()
  const byId: Where = { id: { in: [...new Set(ids.map(String))] } }
  const { docs } = await req.payload.find({
    collection,
    where: access === true ? byId : { and: [byId, access] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: {},
    req,
  })
  return new Set(docs.map((doc) => String(doc.id)))
}

/** Every title of a collection the reader may see now (for conditions with no id to check). */
export const allVisibleTitleIds = async (
  req: PayloadRequest,
  collection: ContentCollection,
): Promise<(string | number)[]> => {
  const access = await publishedAndAvailable(collection)({ req })
  if (access === false) return []
  const { docs } = await req.payload.find({
    collection,
    ...(access === true ? {} : { where: access }),
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: {},
    req,
  })
  return docs.map((doc) => doc.id)
}
