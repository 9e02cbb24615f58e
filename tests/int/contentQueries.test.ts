import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'
import { testBackends } from './support/backends'
import { createCountries, createGrant, imageFile } from './support/fixtures'
import { payloadFor, type TestPayload } from './support/payloadFor'

type Id = number
const day = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

/** Every title the DE viewer must never see carries this in its title. */
const HIDDEN = 'Hidden'

const summary = 'availability { territory licenceTypes formats validUntil }'
const image = 'poster { id url }'
const hitFields = `id collection title slug sortTitle ${image} ${summary} match { tier locale }`
const searchFields = `docs { ${hitFields} } totalDocs limit totalPages page pagingCounter
  hasPrevPage hasNextPage prevPage nextPage`
const cardFields = `id title slug tagline releaseYear ${image} backdrop { id url } ${summary}
  availableFrom availableUntil playback { trailer { videoId playbackId hls } }`
const itemFields = `relationTo value { ${cardFields} }`
const railFields = `kind territory locale days limit items { ${itemFields} }`

type Json = Record<string, unknown>

/** A populated image as the GraphQL selection above has it. */
const imageAsSelected = (value: unknown) =>
  value && typeof value === 'object' ? { id: (value as Json).id, url: (value as Json).url } : null

/** A REST card with every member GraphQL selects (REST leaves some out on coming-soon cards). */
const cardAsSelected = (card: Json): Json => {
  const playback = card.playback as { trailer: Json | null } | null | undefined
  return {
    id: card.id,
    title: card.title ?? null,
    slug: card.slug ?? null,
    tagline: card.tagline ?? null,
    releaseYear: card.releaseYear ?? null,
    poster: imageAsSelected(card.poster),
    backdrop: imageAsSelected(card.backdrop),
    availability: card.availability ?? null,
    availableFrom: card.availableFrom ?? null,
    availableUntil: card.availableUntil ?? null,
    playback: playback
      ? {
          trailer: playback.trailer
            ? {
                videoId: playback.trailer.videoId,
                playbackId: playback.trailer.playbackId,
                hls: playback.trailer.hls,
              }
            : null,
        }
      : null,
  }
}
const itemsAsSelected = (items: { relationTo: string; value: Json }[]) =>
  items.map((item) => ({ relationTo: item.relationTo, value: cardAsSelected(item.value) }))

const railAsSelected = (rail: Json): Json => ({
  kind: rail.kind,
  territory: rail.territory,
  locale: rail.locale ?? null,
  days: rail.days ?? null,
  limit: rail.limit,
  items: itemsAsSelected(rail.items as { relationTo: string; value: Json }[]),
})

const searchAsSelected = (page: Json): Json => ({
  ...page,
  docs: (page.docs as Json[]).map((hit) => ({ ...hit, poster: imageAsSelected(hit.poster) })),
})

/**
 * GraphQL `Search` and `AutomaticRail`, and the typed `items` of `Rails`: the same answers as
 * REST (`/api/search`, `/api/rails/:kind`, `/api/rails`) for the same viewer, the same viewer
 * filter, the same errors for bad input (as GraphQL errors naming the field).
 */
describe.each(testBackends)('GraphQL search and rails on $kind', (backend) => {
  let ctx: TestPayload
  let payload: Payload
  let http: PayloadHttpServer
  const ids = {} as Record<string, Id>
  const now = Date.now()

  const licence = (value: Id, data: Json, relationTo = 'films') =>
    createGrant(payload, { relationTo, value }, { start: iso(now - 3 * day), ...data })

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    await createCountries(payload, ['DE', 'US'])
    const drama = await payload.create({ collection: 'genres', data: { name: 'Drama' } })
    const poster = await payload.create({
      collection: 'images',
      data: { alt: 'Harbour poster', purpose: 'poster' },
      file: await imageFile('harbour.png'),
    })
    const trailer = await payload.db.create({
      collection: 'videos',
      data: {
        title: 'trailer',
        status: 'ready',
        playbackPolicy: 'public',
        playbackIds: [
          {
            id: crypto.randomBytes(12).toString('hex'),
            playbackId: 'trailer-id',
            policy: 'public',
          },
        ],
      },
    })
    const film = async (key: string, title: string, data: Json = {}) => {
      const doc = await payload.create({
        collection: 'films',
        data: { title, _status: 'published', genres: [drama.id], ...data },
      })
      ids[key] = doc.id
      return doc.id
    }
    await licence(
      await film('lights', 'Harbour Lights', { poster: poster.id, tagline: 'By the sea' }),
      { start: iso(now - 100 * day) },
    )
    await licence(await film('fresh', 'The Harbour Master', { releaseYear: 2024 }), {
      end: iso(now + 10 * day),
    })
    await licence(await film('usOnly', `${HIDDEN} Harbour in America`), { territories: ['US'] })
    await licence(await film('draft', `${HIDDEN} Harbour Draft`, { _status: 'draft' }), {})
    await licence(await film('expired', `${HIDDEN} Harbour Past`), {
      start: iso(now - 30 * day),
      end: iso(now - 2 * day),
    })
    await licence(await film('announced', 'Harbour to Come', { trailer: trailer.id as Id }), {
      start: iso(now + 20 * day),
      announceAt: iso(now - 2 * day),
    })
    await payload.update({
      collection: 'films',
      id: ids.lights,
      locale: 'de',
      data: { title: 'Hafenlichter' },
    })
    const series = await payload.create({
      collection: 'series',
      data: { title: 'Harbour Tales', _status: 'published', genres: [drama.id] },
    })
    ids.series = series.id
    const season = await payload.create({
      collection: 'seasons',
      data: { series: series.id, seasonNumber: 1, _status: 'published' },
    })
    await payload.create({
      collection: 'episodes',
      data: { season: season.id, episodeNumber: 1, title: 'Pilot', _status: 'published' },
    })
    await licence(series.id, {}, 'series')
    await payload.create({
      collection: 'rails',
      data: {
        title: 'Picks',
        kind: 'curated',
        order: 1,
        titles: [
          ...['usOnly', 'lights', 'draft', 'fresh', 'announced'].map((key) => ({
            relationTo: 'films' as const,
            value: ids[key],
          })),
          { relationTo: 'series' as const, value: series.id },
        ],
      },
    })
    await payload.create({ collection: 'rails', data: { title: 'New', kind: 'new', order: 2 } })
    await payload.create({
      collection: 'rails',
      data: { title: 'Soon', kind: 'coming-soon', order: 3 },
    })
    http = await servePayloadOverHttp(payload)
  }, 300_000)
  afterAll(async () => {
    await http?.close()
    await ctx?.destroy()
  })

  const run = it.skipIf(!backend.serverUrl)

  const headersOf = (territory: string | null) => ({
    ...(territory ? { 'x-viewer-territory': territory } : {}),
  })
  const get = async (path: string, territory: string | null = 'DE') => {
    const response = await fetch(`${http.url}${path}`, { headers: headersOf(territory) })
    return { status: response.status, headers: response.headers, body: await response.json() }
  }
  const graphql = async (query: string, variables: Json = {}, territory: string | null = 'DE') => {
    const response = await fetch(`${http.url}/api/graphql`, {
      method: 'POST',
      headers: { ...headersOf(territory), 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
    return { status: response.status, headers: response.headers, body: await response.json() }
  }
  const searchQuery = `query Find($q: String!, $locale: LocaleInputType, $page: Int, $limit: Int) {
    Search(q: $q, locale: $locale, page: $page, limit: $limit) { ${searchFields} }
  }`
  const railQuery = `query Rail($kind: String!, $locale: LocaleInputType, $limit: Int, $days: Int) {
    AutomaticRail(kind: $kind, locale: $locale, limit: $limit, days: $days) { ${railFields} }
  }`

  /** The error a GraphQL answer gives for a bad argument: 400, naming the field. */
  const expectBadArgument = (
    answer: { body: { data?: Json | null; errors?: Json[] } },
    field: string,
    statusCode = 400,
  ) => {
    expect(answer.body.errors, JSON.stringify(answer.body)).toHaveLength(1)
    const [error] = answer.body.errors ?? []
    expect(error).toMatchObject({ extensions: { statusCode } })
    if (statusCode === 400) {
      expect(error).toMatchObject({
        extensions: { data: { errors: [expect.objectContaining({ path: field })] } },
      })
    }
    expect(String(error.message)).not.toMatch(/something went wrong/i)
  }

  describe('Search', () => {
    const cases: {
      q: string
      locale?: string
      gqlLocale?: string
      page?: number
      limit?: number
    }[] = [
      { q: 'harbour' },
      { q: 'harbour', locale: 'de', gqlLocale: 'de' },
      { q: 'hafenlichter', locale: 'zh-Hans', gqlLocale: 'zh_Hans' },
      { q: 'harbour', limit: 2, page: 2 },
      { q: 'harbour', limit: 2, page: 9 },
      { q: 'nothing like it' },
    ]
    run.each(cases)('answers what REST answers: %o', async ({ gqlLocale, ...input }) => {
      const params = new URLSearchParams(
        Object.entries(input).map(([key, value]) => [key, String(value)]),
      )
      const rest = await get(`/api/search?${params}`)
      expect(rest.status).toBe(200)
      const answer = await graphql(searchQuery, {
        q: input.q,
        locale: gqlLocale,
        page: input.page,
        limit: input.limit,
      })
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined()
      expect(answer.body.data.Search).toEqual(searchAsSelected(rest.body))
      expect(answer.headers.get('cache-control')).toMatch(/^public, max-age=\d+/)
    })

    run('finds only titles the viewer may see: published, licensed here, now', async () => {
      const titlesIn = async (territory: string) => {
        const answer = await graphql(searchQuery, { q: 'harbour', limit: 10 }, territory)
        const page = answer.body.data.Search as { docs: { title: string }[]; totalDocs: number }
        return { titles: page.docs.map((hit) => hit.title), totalDocs: page.totalDocs }
      }
      const de = await titlesIn('DE')
      expect(de.titles.sort()).toEqual(['Harbour Lights', 'Harbour Tales', 'The Harbour Master'])
      expect(de.totalDocs).toBe(3)
      // The US viewer sees the US-only title: the filter is the territory's, not the title's.
      expect((await titlesIn('US')).titles).toEqual([`${HIDDEN} Harbour in America`])
    })

    run('hits are typed cards: the poster populated, the availability summary', async () => {
      const answer = await graphql(searchQuery, { q: 'hafenlichter', locale: 'de' })
      const [hit] = answer.body.data.Search.docs
      expect(hit).toMatchObject({
        id: ids.lights,
        collection: 'films',
        title: 'Hafenlichter',
        sortTitle: 'hafenlichter',
        poster: { id: expect.any(Number), url: expect.stringContaining('/api/images/file/') },
        availability: { territory: 'DE', licenceTypes: ['svod'] },
        match: { tier: 'exact', locale: 'de' },
      })
    })

    const refused: [Json, string][] = [
      [{ q: '' }, 'q'],
      [{ q: '   ' }, 'q'],
      [{ q: 'a'.repeat(101) }, 'q'],
      [{ q: '!!!' }, 'q'],
      [{ q: 'a' }, 'q'],
      [{ q: 'harbour', limit: 0 }, 'limit'],
      [{ q: 'harbour', limit: 101 }, 'limit'],
      [{ q: 'harbour', page: 0 }, 'page'],
      [{ q: 'harbour', page: -1 }, 'page'],
      [{ q: 'harbour', page: 10_001 }, 'page'],
    ]
    // Only the count: a full page of 101 hits would be refused by the query budget first.
    const countQuery = `query Count($q: String!, $page: Int, $limit: Int) {
      Search(q: $q, page: $page, limit: $limit) { totalDocs }
    }`
    run.each(refused)('%o is an error naming %s, as in REST', async (variables, field) => {
      const answer = await graphql(countQuery, variables)
      expect(answer.body.data).toBeNull()
      expectBadArgument(answer, field)
      const params = new URLSearchParams(
        Object.entries(variables).map(([key, value]) => [key, String(value)]),
      )
      const rest = await get(`/api/search?${params}`)
      expect(rest.status).toBe(400)
      expect(answer.body.errors[0].extensions.data).toEqual(rest.body.errors[0].data)
      expect(answer.body.errors[0].message).toBe(rest.body.errors[0].message)
    })

    run('without a territory, or an unknown one, an error naming territory', async () => {
      for (const territory of [null, 'XX']) {
        const answer = await graphql(searchQuery, { q: 'harbour' }, territory)
        expect(answer.body.data).toBeNull()
        expectBadArgument(answer, 'territory')
        expect(JSON.stringify(answer.body)).not.toContain('Harbour')
      }
    })
  })

  describe('AutomaticRail', () => {
    const cases: { kind: string; locale?: string; limit?: number; days?: number }[] = [
      { kind: 'new' },
      { kind: 'new', days: 200, limit: 2 },
      { kind: 'leaving-soon', locale: 'de' },
      { kind: 'coming-soon' },
      { kind: 'genre:drama', locale: 'de' },
    ]
    run.each(cases)('answers what REST answers: %o', async ({ kind, ...params }) => {
      const query = new URLSearchParams(
        Object.entries(params).map(([key, value]) => [key, String(value)]),
      )
      const rest = await get(`/api/rails/${kind}?${query}`)
      expect(rest.status).toBe(200)
      const answer = await graphql(railQuery, { kind, ...params })
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined()
      expect(answer.body.data.AutomaticRail).toEqual(railAsSelected(rest.body))
      expect(answer.body.data.AutomaticRail.items.length).toBeGreaterThan(0)
      expect(JSON.stringify(answer.body)).not.toContain(HIDDEN)
      expect(answer.headers.get('cache-control')).toMatch(/^public, max-age=\d+/)
    })

    run('cards are typed: summary, dates, the coming-soon trailer (never the video)', async () => {
      const fresh = await graphql(railQuery, { kind: 'new' })
      const card = fresh.body.data.AutomaticRail.items.find(
        (item: { value: { id: Id } }) => item.value.id === ids.fresh,
      )
      expect(card).toMatchObject({
        relationTo: 'films',
        value: { releaseYear: 2024, availability: { territory: 'DE' } },
      })
      expect(Date.parse(card.value.availableFrom)).toBe(Date.parse(iso(now - 3 * day)))
      const soon = await graphql(railQuery, { kind: 'coming-soon' })
      expect(soon.body.data.AutomaticRail.items).toEqual([
        {
          relationTo: 'films',
          value: expect.objectContaining({
            id: ids.announced,
            availability: null,
            playback: { trailer: expect.objectContaining({ playbackId: 'trailer-id' }) },
          }),
        },
      ])
      // The card's playback has no main video to select.
      const video = await graphql(
        '{ AutomaticRail(kind: "coming-soon") { items { value { playback { video { hls } } } } } }',
      )
      expect(video.status).toBe(400)
    })

    const refused: [Json, string, number][] = [
      [{ kind: 'bogus' }, 'kind', 400],
      [{ kind: 'genre:' }, 'kind', 400],
      [{ kind: 'new', days: 0 }, 'days', 400],
      [{ kind: 'new', days: 366 }, 'days', 400],
      [{ kind: 'coming-soon', days: 3 }, 'days', 400],
      [{ kind: 'new', limit: 0 }, 'limit', 400],
      [{ kind: 'new', limit: 101 }, 'limit', 400],
      [{ kind: 'genre:no-such-genre' }, 'kind', 404],
    ]
    run.each(refused)(
      '%o is an error naming %s (%i), as in REST',
      async (variables, field, code) => {
        const answer = await graphql(railQuery, variables)
        expect(answer.body.data).toBeNull()
        expectBadArgument(answer, field, code)
        const { kind, ...params } = variables
        const query = new URLSearchParams(
          Object.entries(params).map(([key, value]) => [key, String(value)]),
        )
        const rest = await get(`/api/rails/${String(kind)}?${query}`)
        expect(rest.status).toBe(code)
        expect(answer.body.errors[0].message).toBe(rest.body.errors[0].message)
      },
    )

    run('without a territory, an error naming territory', async () => {
      const answer = await graphql(railQuery, { kind: 'new' }, null)
      expect(answer.body.data).toBeNull()
      expectBadArgument(answer, 'territory')
    })
  })

  describe('Rails: the home page with typed items', () => {
    run('answers what GET /api/rails answers', async () => {
      const rest = await get('/api/rails?locale=de')
      expect(rest.status).toBe(200)
      const answer = await graphql(`{ Rails(locale: de, limit: 5) { totalDocs docs { id title
        items { relationTo value { id title ${image} availability { territory validUntil } } } } } }`)
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined()
      const rails = answer.body.data.Rails
      expect(rails.totalDocs).toBe(rest.body.totalDocs)
      expect(rails.docs).toEqual(
        (rest.body.docs as Json[]).map((rail) => ({
          id: rail.id,
          title: rail.title,
          items: (rail.items as { relationTo: string; value: Json }[]).map(
            ({ relationTo, value }) => {
              const availability = value.availability as Json | null | undefined
              return {
                relationTo,
                value: {
                  id: value.id,
                  title: value.title,
                  poster: imageAsSelected(value.poster),
                  availability: availability
                    ? { territory: availability.territory, validUntil: availability.validUntil }
                    : null,
                },
              }
            },
          ),
        })),
      )
      expect(rails.docs).toHaveLength(3)
      const picks = rails.docs.find((rail: { title: string }) => rail.title === 'Picks')
      expect(picks.items.map((item: { value: { title: string } }) => item.value.title)).toEqual([
        'Hafenlichter',
        'The Harbour Master',
        'Harbour Tales',
      ])
      expect(JSON.stringify(answer.body)).not.toContain(HIDDEN)
    })
  })
})
