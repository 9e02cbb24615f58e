import type { Access } from 'payload'

import { visibleRailIds } from '../rails/homeRails'
import { availabilityInstantOf } from '../rights/viewerTerritory'
import { isStaffUser, type RoleBearer } from '../roles'

/**
 * Staff read every rail; the public only the rails of its home page: in their schedule, for
 * the viewer's territory, and showing at least one title the viewer may see.
 */
export const railsForViewer: Access = async ({ req }) => {
  if (isStaffUser(req.user as RoleBearer)) return true
  const ids = await visibleRailIds(req, availabilityInstantOf(req))
  if (ids === null) return false
  return { id: { in: ids } }
}
