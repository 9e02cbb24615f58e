import { Forbidden, type CollectionBeforeOperationHook, type CollectionSlug } from 'payload'

import { isStaffUser, type RoleBearer } from '../../src/roles'

const queries = new Set(['read', 'count', 'readDistinct'])

type QueryArgs = { overrideAccess?: boolean; currentDepth?: number; disableErrors?: boolean }

/**
 * Media is not a public listing: the public gets image files by URL (Payload's file route asks
 * `read` access, not this hook) and images and videos populated into titles it may read, never
 * a list, a count, a query or a document of its own choosing (a draft film's poster alt, the
 * title of a video only hidden titles use). Populated documents come through Payload's
 * dataloader: a find one level down in REST (`currentDepth` > 0) or, for GraphQL relationships,
 * a find with `disableErrors`; neither can be set by a client.
 */
export const refusePublicQueries = <TSlug extends CollectionSlug>({
  args,
  operation,
  req,
}: Parameters<CollectionBeforeOperationHook<TSlug>>[0]): void => {
  if (!queries.has(operation) || isStaffUser(req.user as RoleBearer)) return
  const { overrideAccess, currentDepth, disableErrors } = args as QueryArgs
  if (overrideAccess === true) return
  const populating = operation === 'read' && ((currentDepth ?? 0) > 0 || disableErrors === true)
  if (populating) return
  throw new Forbidden(req.t)
}
