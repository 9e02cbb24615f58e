import type { PayloadRequest } from 'payload'

import { hasRole, type RoleBearer } from '../roles'

/** Request-level checks that are not collection access (jobs endpoints): administrators only. */
export const isAdminRequest = ({ req }: { req: PayloadRequest }): boolean =>
  hasRole(req.user as RoleBearer, ['admin'])
