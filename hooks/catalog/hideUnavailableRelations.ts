import type { FieldHook } from 'payload'

import type { ContentCollection } from '../../src/availability'
import { visibleTitleIds } from '../../src/access/publishedAndAvailable'
import { isStaffUser, type RoleBearer } from '../../src/roles'
import { limitCacheToAppearances } from './publicCacheControl'

const isPopulated = (value: unknown) => typeof value === 'object' && value !== null

/**
 * A public reader must learn nothing of a title that is not available to them, not even that
 * it exists. Population already drops unavailable documents' contents; this also drops the
 * bare ids that remain (at depth 0, or where population was refused). The answer may then be
 * cached only until the first dropped title becomes available.
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
    const visible = await visibleTitleIds(req, target, bareIds)
    await limitCacheToAppearances(
      req,
      target,
      bareIds.filter((id) => !visible.has(String(id))),
    )
    const kept = values.filter((entry) => isPopulated(entry) || visible.has(String(entry)))
    return Array.isArray(value) ? kept : (kept[0] ?? null)
  }
