import type { Access } from 'payload'

import { isStaffUser, type RoleBearer } from '../roles'

/**
 * Staff read everything, drafts included; everyone else (no user, or an API key of a user
 * without a staff role) reads published documents only. Returning a Where keeps REST,
 * GraphQL and the Local API with `overrideAccess: false` filtered in the database query.
 */
export const publishedOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user as RoleBearer)) return true
  return { _status: { equals: 'published' } }
}
