import type { Access } from 'payload'

import { hasRole, isStaffUser, type RoleBearer } from '../roles'

/**
 * Admins manage every account; other staff only their own. An API consumer (a user without a
 * staff role, e.g. a frontend's key) has no account to manage: it gets no `users` access at all.
 */
export const selfOrAdmin: Access = ({ req }) => {
  const user = req.user as RoleBearer
  if (!req.user || !isStaffUser(user)) return false
  if (hasRole(user, ['admin'])) return true
  return { id: { equals: req.user.id } }
}
