import type { PayloadRequest } from 'payload'

import { hasRole, type RoleBearer } from '../roles'
import type { RoleDashboard } from './cards'
import { loadEditorialCards } from './editorialCards'
import { loadLicensingCards } from './licensingCards'

/** The admin home's cards for the user's roles: licensing, editorial, or both for admins. */
export const loadRoleDashboard = async (req: PayloadRequest, days = 30): Promise<RoleDashboard> => {
  const user = req.user as RoleBearer
  const licensing = hasRole(user, ['admin', 'licensing'])
  const editorial = hasRole(user, ['admin', 'editor'])
  return {
    days,
    licensing: licensing ? await loadLicensingCards(req, days) : null,
    editorial: editorial ? await loadEditorialCards(req) : null,
  }
}
