import type { CollectionBeforeOperationHook } from 'payload'

import { isStaffUser, type RoleBearer } from '../../src/roles'

/**
 * `?draft=true` makes Payload read the newest version instead of the published document;
 * the public never sees drafts, so for them the flag is ignored.
 */
export const readPublishedVersionsOnly: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || isStaffUser(req.user as RoleBearer)) return args
  return { ...args, draft: false }
}
