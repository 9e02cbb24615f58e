import type { FieldHook } from 'payload'

import type { ContentCollection } from '../../src/availability'
import { publishedAndAvailable } from '../../src/access/publishedAndAvailable'
import { isStaffUser, type RoleBearer } from '../../src/roles'

const isPopulated = (value: unknown) => typeof value === 'object' && value !== null

/**
 * A public reader must learn nothing of a title that is not available to them, not even that
 * it exists. Population already drops unavailable documents' contents; this also drops the
 * bare ids that remain (at depth 0, or where population was refused).
 */
export const hideUnavailableRelations =
  (target: ContentCollection): FieldHook =>
  async ({ value, req, overrideAccess }) => {
    if (
      overrideAccess ||
      isStaffUser(req.user as RoleBearer) ||
      value === null ||
      value === undefined
    ) {
      return value
    }
    const values = Array.isArray(value) ? value : [value]
    const bareIds = values.filter((entry) => !isPopulated(entry)) as (string | number)[]
    let visible = new Set<string>()
    if (bareIds.length > 0) {
      // The same condition the public read applies, run as a plain internal query.
      const access = await publishedAndAvailable(target)({ req })
      if (access === false) return Array.isArray(value) ? values.filter(isPopulated) : null
      const { docs } = await req.payload.find({
        collection: target,
        where:
          access === true ? { id: { in: bareIds } } : { and: [{ id: { in: bareIds } }, access] },
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: {},
        req,
      })
      visible = new Set(docs.map((doc) => String(doc.id)))
    }
    const kept = values.filter((entry) => isPopulated(entry) || visible.has(String(entry)))
    return Array.isArray(value) ? kept : (kept[0] ?? null)
  }
