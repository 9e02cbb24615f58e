import type { FieldHook } from 'payload'

import { railsForViewer } from '../../src/rails/homeRails'
import type { RailItem } from '../../src/rails/railItems'
import { isStaffUser, type RoleBearer } from '../../src/roles'
import { availabilityInstantOf } from '../../src/rights/viewerTerritory'

/**
 * The virtual `items` of a rail on public reads: the titles the viewer may see, in order,
 * with their availability summaries (coming-soon: start date and trailer only). Staff edit
 * `titles` instead and get none.
 */
export const fillRailItems: FieldHook = async ({
  originalDoc,
  req,
}): Promise<RailItem[] | null> => {
  if (isStaffUser(req.user as RoleBearer)) return null
  const id = (originalDoc as { id?: unknown } | undefined)?.id
  if (id === undefined) return null
  const computed = await railsForViewer(req, availabilityInstantOf(req))
  return computed?.answers.get(String(id))?.items ?? []
}
