import type { CollectionAfterOperationHook } from 'payload'

import { railsForViewer } from '../../src/rails/homeRails'
import { isStaffUser, type RoleBearer } from '../../src/roles'
import { cacheControlFor } from '../../src/rights/summary'
import { availabilityInstantOf } from '../../src/rights/viewerTerritory'
import { limitPublicCache } from '../catalog/publicCacheControl'

/**
 * Public rail answers may be cached until the first change of anything on them: a title's
 * window, a title joining or leaving an automatic rail, a rail's schedule.
 */
export const limitRailsCache: CollectionAfterOperationHook<'rails'> = async ({
  operation,
  req,
  result,
}) => {
  if (operation !== 'find' && operation !== 'findByID') return result
  if (isStaffUser(req.user as RoleBearer)) {
    req.responseHeaders ??= new Headers()
    req.responseHeaders.set('Cache-Control', 'private, no-store')
    return result
  }
  const at = availabilityInstantOf(req)
  const computed = await railsForViewer(req, at)
  if (!computed) return result
  const changes = [
    ...computed.scheduleChanges,
    ...[...computed.answers.values()].flatMap((answer) => answer.changes),
  ]
  limitPublicCache(req, cacheControlFor(at, changes))
  return result
}
