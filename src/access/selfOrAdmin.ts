import type { Access } from 'payload'

import { hasRole, type RoleBearer } from '../roles'

/** Admins manage every account; everyone else only their own. */
export const selfOrAdmin: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user as RoleBearer, ['admin'])) return true
  return { id: { equals: req.user.id } }
}
