import type { Endpoint } from 'payload'

import { answerSearch } from '../search/publicSearch'

/**
 * GET /api/search?q=..&locale=..&page=..&limit=.. (the territory as for every public read:
 * the edge's header, or `territory=` where ALLOW_TERRITORY_QUERY allows it). Films and series
 * whose title in any locale matches, ranked, only those the viewer may see now. GraphQL's
 * `Search` answers the same (src/graphql/contentQueries.ts).
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) =>
    Response.json(
      await answerSearch(req, {
        q: req.searchParams.get('q'),
        locale: req.searchParams.get('locale'),
        page: req.searchParams.get('page'),
        limit: req.searchParams.get('limit'),
      }),
    ),
}
