import type { Endpoint } from 'payload'

import { isCatalogCollection } from '../rights/catalogGraph'
import { loadTitleTimeline } from '../rights/titleTimeline'
import { isStaffUser, type RoleBearer } from '../roles'

const badRequest = (message: string) => Response.json({ errors: [{ message }] }, { status: 400 })

/** An optional instant parameter: absent, an instant, or the message naming what is wrong. */
const instantParameter = (
  name: string,
  text: string | null,
): { instant?: Date; problem?: string } => {
  if (text === null || text === '') return {}
  const instant = new Date(text)
  return Number.isNaN(instant.getTime())
    ? { problem: `${name}: ${text} is not an ISO 8601 instant` }
    : { instant }
}

/**
 * GET /api/availability/timeline?content=films/12&from=<ISO>&until=<ISO>
 * Staff only: the title's licence windows per territory and licence type as timeline lanes.
 */
export const titleTimelineEndpoint: Endpoint = {
  path: '/availability/timeline',
  method: 'get',
  handler: async (req) => {
    if (!isStaffUser(req.user as RoleBearer)) {
      return Response.json({ errors: [{ message: 'Staff only.' }] }, { status: 403 })
    }
    const [collection, id, ...rest] = (req.searchParams.get('content') ?? '').split('/')
    if (!collection || !id || rest.length > 0 || !isCatalogCollection(collection)) {
      return badRequest('content must be <collection>/<id> (films, series, seasons, episodes)')
    }
    if (req.payload.db.name !== 'mongoose' && !/^\d+$/.test(id)) {
      return badRequest(`content: ${id} is not an id`)
    }
    const from = instantParameter('from', req.searchParams.get('from'))
    const until = instantParameter('until', req.searchParams.get('until'))
    const problem = from.problem ?? until.problem
    if (problem) return badRequest(problem)
    if (from.instant && until.instant && until.instant <= from.instant) {
      return badRequest('until must be after from')
    }
    const timeline = await loadTitleTimeline(
      req.payload,
      { collection, id },
      { range: { from: from.instant, until: until.instant }, now: new Date() },
      req,
    )
    if (!timeline) return Response.json({ errors: [{ message: 'not found' }] }, { status: 404 })
    return Response.json(
      { content: `${collection}/${id}`, ...timeline },
      { headers: { 'Cache-Control': 'private, no-store' } },
    )
  },
}
