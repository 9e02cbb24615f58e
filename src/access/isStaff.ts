import type { Access, FieldAccess, PayloadRequest } from 'payload'

import { isStaffUser, type RoleBearer } from '../roles'

export const isStaff: Access = ({ req }) => isStaffUser(req.user as RoleBearer)

export const isStaffField: FieldAccess = ({ req }) => isStaffUser(req.user as RoleBearer)

/** Who may open the admin panel: staff only, never an API consumer account. */
export const canUseAdminPanel = ({ req }: { req: PayloadRequest }): boolean =>
  isStaffUser(req.user as RoleBearer)
