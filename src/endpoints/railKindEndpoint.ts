import type { Endpoint } from 'payload'

import { missingGenreMessage, railOfKind, railProblemMessage } from '../rails/railOfKind'

const badRequest = (field: string, message: string) =>
  Response.json(
    { errors: [{ message, data: { errors: [{ path: field, message }] } }] },
    { status: 400 },
  )

/**
 * GET /api/rails/:kind?territory=..&locale=..&limit=..&days=..
 * An automatic rail for the viewer: `new`, `leaving-soon`, `coming-soon` or `genre:<slug>`,
 * read through the content API's viewer filter (the territory as every public read takes it).
 * GraphQL's `AutomaticRail` answers the same. Numeric ids, `count` and `versions` stay
 * Payload's own routes.
 */
export const railKindEndpoint: Endpoint = {
  path: '/:kind((?!count$|versions$)[a-z][a-z0-9:_-]*)',
  method: 'get',
  handler: async (req) => {
    const answer = await railOfKind(req, {
      kind: String(req.routeParams?.kind ?? ''),
      days: req.searchParams.get('days'),
      limit: req.searchParams.get('limit'),
      locale: req.searchParams.get('locale'),
    })
    if ('problem' in answer) {
      return badRequest(answer.problem.field, railProblemMessage(answer.problem))
    }
    if ('missingGenre' in answer) {
      return Response.json(
        { errors: [{ message: missingGenreMessage(answer.missingGenre) }] },
        { status: 404 },
      )
    }
    return Response.json(answer.rail)
  },
}
