import type { Access, FieldAccess } from 'payload'

import { hasRole, type RoleBearer, type StaffRole } from '../roles'

/** Collection access granted to users holding any of the given roles. */
export const allowRoles =
  (...roles: StaffRole[]): Access =>
  ({ req }) =>
    hasRole(req.user as RoleBearer, roles)

/** Field access granted to users holding any of the given roles. */
export const allowRolesOnField =
  (...roles: StaffRole[]): FieldAccess =>
  ({ req }) =>
    hasRole(req.user as RoleBearer, roles)
