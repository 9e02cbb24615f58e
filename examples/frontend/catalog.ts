/**
 * A small catalog page as a frontend would build it, typed end to end against the generated
 * contract (src/payload-types.ts; schema.graphql for GraphQL): REST through @payloadcms/sdk,
 * GraphQL through graphql-request. CI type-checks it (`npm run typecheck`) and runs it against a
 * production server (tests/e2e/frontendExample.test.ts).
 *
 *   REELHOUSE_API_URL=http://localhost:3000/api VIEWER_TERRITORY=DE \
 *     node --import tsx examples/frontend/catalog.ts [filmId] [search words]
 *
 * Prints one JSON object: the films the territory may see (REST and GraphQL), the film with
 * `filmId` (or its 404), a GraphQL search for the words (default "harbour"), and what the API
 * answers a request without a territory and a search without words.
 */
// `@payloadcms/sdk` 3.90.1 (there is no 3.90.2), installed under an alias: Payload's start-up
// check refuses any `@payloadcms/*` package whose version differs from payload's (3.90.2). A
// frontend, which does not install payload itself, imports '@payloadcms/sdk'.
import { PayloadSDK, PayloadSDKError } from '@reelhouse/payload-sdk'
import { ClientError, gql, GraphQLClient } from 'graphql-request'

import type {
  AvailabilitySummary,
  Config,
  Film,
  PlaybackInfo,
  SearchHit,
  SearchResults,
} from '../../src/payload-types'

const apiUrl = process.env.REELHOUSE_API_URL ?? 'http://localhost:3000/api'
const territory = process.env.VIEWER_TERRITORY ?? 'DE'
// In production the CDN sets this header; a frontend server forwards the viewer's.
const territoryHeader = process.env.VIEWER_TERRITORY_HEADER ?? 'x-viewer-territory'
const filmId = process.argv[2] ? Number(process.argv[2]) : undefined
const searchWords = process.argv[3] ?? 'harbour'

// A plain object: the SDK drops headers given as a `Headers` instance.
const headers: Record<string, string> = { [territoryHeader]: territory }

const sdk = new PayloadSDK<Config>({ baseURL: apiUrl, baseInit: { headers } })
const graphql = new GraphQLClient(`${apiUrl}/graphql`, { headers })

/** What a catalog tile needs, from either API. */
type Tile = {
  id: number
  title: string
  availableUntil: string | null
  formats: string[]
  playable: boolean
}

const tileOf = (film: {
  id: number
  title: string
  availability?: AvailabilitySummary | null
  playback?: { video?: Pick<PlaybackInfo, 'hls'> | null } | null
}): Tile => ({
  id: film.id,
  title: film.title,
  // Typed: `validUntil` is when this answer may change (null: open-ended).
  availableUntil: film.availability?.validUntil ?? null,
  formats: film.availability?.formats ?? [],
  playable: Boolean(film.playback?.video?.hls),
})

const restTiles = async (): Promise<Tile[]> => {
  const page = await sdk.find({
    collection: 'films',
    locale: 'de',
    limit: 24,
    depth: 0,
    sort: 'id',
    select: { title: true, availability: true, playback: true },
  })
  return page.docs.map(tileOf)
}

type CatalogQuery = {
  Films: {
    docs: Array<
      Pick<Film, 'id' | 'title'> & {
        availability: AvailabilitySummary | null
        playback: { video: Pick<PlaybackInfo, 'hls'> | null } | null
      }
    >
  }
}

// The locale enum spells zh-Hans as zh_Hans (GraphQL names cannot hold a hyphen).
const catalogQuery = gql`
  query Catalog($locale: LocaleInputType) {
    Films(limit: 24, sort: "id", locale: $locale) {
      docs {
        id
        title
        availability {
          territory
          licenceTypes
          formats
          validUntil
        }
        playback {
          video {
            hls
          }
        }
      }
    }
  }
`

const graphqlTiles = async (locale: 'en' | 'de' | 'zh_Hans'): Promise<Tile[]> => {
  const data = await graphql.request<CatalogQuery>(catalogQuery, { locale })
  return data.Films.docs.map(tileOf)
}

type SearchQuery = {
  Search: Pick<SearchResults, 'totalDocs' | 'hasNextPage'> & {
    docs: Array<
      Pick<SearchHit, 'id' | 'collection' | 'title' | 'slug' | 'match'> & {
        availability: Pick<AvailabilitySummary, 'validUntil'> | null
      }
    >
  }
}

// Search answers what GET /api/search answers: only titles the viewer may see, ranked.
const searchQuery = gql`
  query Find($q: String!, $locale: LocaleInputType, $limit: Int) {
    Search(q: $q, locale: $locale, limit: $limit) {
      totalDocs
      hasNextPage
      docs {
        id
        collection
        title
        slug
        match {
          tier
          locale
        }
        availability {
          validUntil
        }
      }
    }
  }
`

/** A search result line: typed by the generated SearchHit. */
type Hit = { id: number; kind: SearchHit['collection']; title: string; matched: string }

const searchTiles = async (q: string): Promise<{ hits: Hit[]; totalDocs: number }> => {
  const { Search } = await graphql.request<SearchQuery>(searchQuery, { q, locale: 'de', limit: 10 })
  return {
    totalDocs: Search.totalDocs,
    hits: Search.docs.map((hit) => ({
      id: hit.id,
      kind: hit.collection,
      title: hit.title ?? '',
      matched: `${hit.match.tier} (${hit.match.locale})`,
    })),
  }
}

/** REST errors: `{ errors: [{ message, data? }] }`, as PayloadSDKError with the status. */
const restError = (error: unknown) => {
  if (!(error instanceof PayloadSDKError)) throw error
  return { status: error.status, errors: error.errors }
}

type GraphQLErrorExtensions = {
  statusCode?: number
  data?: { errors?: { path: string; message: string }[] }
}

/** GraphQL errors: HTTP 200 (or 4xx), `errors[].extensions.statusCode` says what happened. */
const graphqlError = (error: unknown) => {
  if (!(error instanceof ClientError)) throw error
  return {
    status: error.response.status,
    errors: (error.response.errors ?? []).map((entry) => {
      const extensions = entry.extensions as GraphQLErrorExtensions | undefined
      return {
        message: entry.message,
        statusCode: extensions?.statusCode ?? null,
        // Bad input names the field and the reason, as REST's `data.errors` does.
        fields: extensions?.data?.errors ?? [],
      }
    }),
  }
}

const filmById = async (id: number) => {
  try {
    const film = await sdk.findByID({ collection: 'films', id, depth: 0 })
    return { found: tileOf(film) }
  } catch (error) {
    return { error: restError(error) }
  }
}

const withoutTerritory = async () => {
  const anonymous = new PayloadSDK<Config>({ baseURL: apiUrl })
  const rest = await anonymous.find({ collection: 'films', limit: 1 }).then(
    () => null,
    (error: unknown) => restError(error),
  )
  const gqlAnswer = await new GraphQLClient(`${apiUrl}/graphql`)
    .request<CatalogQuery>(catalogQuery, { locale: 'en' })
    .then(
      () => null,
      (error: unknown) => graphqlError(error),
    )
  return { rest, graphql: gqlAnswer }
}

/** One letter is not something to search for: a GraphQL error naming `q`. */
const searchWithoutWords = () =>
  graphql.request<SearchQuery>(searchQuery, { q: 'a' }).then(
    () => null,
    (error: unknown) => graphqlError(error),
  )

const main = async () => {
  const output = {
    territory,
    rest: await restTiles(),
    graphql: await graphqlTiles('de'),
    graphqlZhHans: await graphqlTiles('zh_Hans'),
    film: filmId === undefined ? null : await filmById(filmId),
    search: await searchTiles(searchWords),
    withoutTerritory: await withoutTerritory(),
    searchWithoutWords: await searchWithoutWords(),
  }
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
