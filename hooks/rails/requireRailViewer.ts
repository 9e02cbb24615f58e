import type { CollectionBeforeOperationHook } from 'payload'

import { isStaffUser, type RoleBearer } from '../../src/roles'
import { viewerTerritoryOf } from '../../src/rights/viewerTerritory'

const publicReads = new Set(['read', 'count'])

/** A public read of the rails must say where the viewer is (400 otherwise), as for titles. */
export const requireRailViewer: CollectionBeforeOperationHook<'rails'> = async ({
  args,
  operation,
  req,
}) => {
  if (!publicReads.has(operation) || isStaffUser(req.user as RoleBearer)) return args
  if ((args as { overrideAccess?: boolean }).overrideAccess === true) return args
  await viewerTerritoryOf(req)
  return args
}
