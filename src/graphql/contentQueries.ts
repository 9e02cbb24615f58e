import type * as GraphQL from 'graphql'
import {
  APIError,
  type GraphQLInfo,
  isolateObjectProperty,
  type PayloadRequest,
  type TypedLocale,
} from 'payload'

import type { AutomaticRail, SearchResults } from '../payload-types'
import { missingGenreMessage, railOfKind, railProblemMessage } from '../rails/railOfKind'
import { answerSearch } from '../search/publicSearch'
import type { ListTypes } from './listTypes'

type GraphQLModule = typeof GraphQL
type Context = { req: PayloadRequest }

type SearchArgs = {
  q: string
  locale?: TypedLocale | null
  page?: number | null
  limit?: number | null
}
type AutomaticRailArgs = {
  kind: string
  locale?: TypedLocale | null
  limit?: number | null
  days?: number | null
}

/** A bad argument, reported like REST's 400: the field and the reason in `extensions.data`. */
const badArgument = (field: string, message: string) =>
  new APIError(message, 400, { errors: [{ path: field, message }] }, true)

/**
 * The public content queries that are not collection reads: `Search` (as `GET /api/search`)
 * and `AutomaticRail` (as `GET /api/rails/:kind`). Each runs the same function as its REST
 * endpoint, so the answers, the viewer filter, the territory rules and the errors are the same.
 * The home page's rails are Payload's own `Rails` query (as `GET /api/rails`).
 */
export const contentQueries = (
  graphQL: GraphQLModule,
  info: GraphQLInfo,
  types: ListTypes,
): {
  Search: GraphQL.GraphQLFieldConfig<unknown, Context, SearchArgs>
  AutomaticRail: GraphQL.GraphQLFieldConfig<unknown, Context, AutomaticRailArgs>
} => {
  const locale: GraphQL.GraphQLFieldConfigArgumentMap = info.types.localeInputType
    ? { locale: { type: info.types.localeInputType } }
    : {}
  return {
    Search: {
      type: new graphQL.GraphQLNonNull(types.SearchResults),
      description:
        'Films and series whose title in any locale matches `q`, ranked, answered in `locale`; ' +
        'only titles the viewer may see now.',
      args: {
        q: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
        ...locale,
        page: { type: graphQL.GraphQLInt },
        limit: { type: graphQL.GraphQLInt },
      },
      resolve: (_source, args, { req }): Promise<SearchResults> => answerSearch(req, args),
    },
    AutomaticRail: {
      type: new graphQL.GraphQLNonNull(types.AutomaticRail),
      description:
        'An automatic rail for the viewer: new, leaving-soon, coming-soon or genre:<slug>.',
      args: {
        kind: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
        ...locale,
        limit: { type: graphQL.GraphQLInt },
        days: { type: graphQL.GraphQLInt },
      },
      resolve: async (_source, args, context): Promise<AutomaticRail> => {
        // The cards are read in the request's locale: this field's own, as Payload's queries do.
        const req = isolateObjectProperty(context.req, ['locale'])
        if (args.locale) req.locale = args.locale
        const answer = await railOfKind(req, {
          kind: args.kind,
          days: args.days,
          limit: args.limit,
          locale: args.locale,
        })
        if ('problem' in answer) {
          throw badArgument(answer.problem.field, railProblemMessage(answer.problem))
        }
        if ('missingGenre' in answer) {
          throw new APIError(missingGenreMessage(answer.missingGenre), 404, null, true)
        }
        return answer.rail
      },
    },
  }
}
