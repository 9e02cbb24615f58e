import type { CollectionBeforeOperationHook } from 'payload'

import { isStaffUser, type RoleBearer } from '../../src/roles'
import { viewerTerritoryOf } from '../../src/rights/viewerTerritory'

const publicReads = new Set(['read', 'count', 'readDistinct'])

/**
 * A public read must say where the viewer is (400 otherwise), and never reads drafts:
 * `?draft=true` would make Payload read the newest version instead of the published one.
 */
export const requireViewerTerritory: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (!publicReads.has(operation) || isStaffUser(req.user as RoleBearer)) return args
  if ((args as { overrideAccess?: boolean }).overrideAccess === true) return args
  await viewerTerritoryOf(req)
  if (operation !== 'read') return args
  // The availability rows are for staff; the public gets the `availability` summary instead.
  const joins = (args as { joins?: Record<string, unknown> | false }).joins
  return {
    ...args,
    draft: false,
    joins: joins === false ? false : { ...joins, availabilityWindows: false },
  }
}
