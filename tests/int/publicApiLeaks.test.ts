import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'
import { testBackends } from './support/backends'
import { publicViewerIn } from './support/fixtures'
import { payloadFor, type TestPayload } from './support/payloadFor'

type Id = number
type Catalog = 'films' | 'series' | 'seasons' | 'episodes'

/** Every title the DE viewer must never learn about carries this in its title. */
const HIDDEN = 'HIDDEN'

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
const nextYear = new Date().getUTCFullYear() + 1

/**
 * "Public API hardening", items 1, 2, 3 and 7: a viewer in DE reads the catalog over real HTTP
 * (Payload's REST handlers and its GraphQL schema) and through the Local API; hidden titles
 * (US-only, licensed from next year, hard-held-back, unlicensed seasons and episodes of a
 * visible series) must not appear, not as content, not as ids, not as counts.
 */
describe.each(testBackends)('public API leaks on $kind', (backend) => {
  let ctx: TestPayload
  let payload: Payload
  let http: PayloadHttpServer
  let apiKey: string
  const ids = {} as Record<string, Id>
  const hidden: Record<Catalog, Set<Id>> = {
    films: new Set(),
    series: new Set(),
    seasons: new Set(),
    episodes: new Set(),
  }
  const visible: Record<Catalog, Set<Id>> = {
    films: new Set(),
    series: new Set(),
    seasons: new Set(),
    episodes: new Set(),
  }

  const licence = async (data: Record<string, unknown>) =>
    payload.create({
      collection: 'licences',
      data: { kind: 'grant', licenceType: 'svod', contractId: crypto.randomUUID(), ...data } as never,
    })
  const on = (relationTo: Catalog, value: Id) => [{ relationTo, value }]

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    for (const [code, timeZone] of [
      ['DE', 'Europe/Berlin'],
      ['US', 'America/New_York'],
    ]) {
      await payload.create({
        collection: 'regions',
        data: { code, kind: 'country', name: code, timeZone },
      })
    }
    const published = { _status: 'published' as const }
    const film = async (key: string, title: string, data: Record<string, unknown> = {}) => {
      const doc = await payload.create({
        collection: 'films',
        data: { title, tagline: `${title} tagline`, ...published, ...data },
      })
      ids[key] = doc.id
      return doc.id
    }
    // Visible in DE now.
    const shown = await film('shown', 'Shown film')
    const shownOther = await film('shownOther', 'Other shown film')
    await licence({ content: on('films', shown), territories: ['DE'], start: '2020-01-01' })
    await licence({ content: on('films', shownOther), territories: ['DE'], start: '2020-01-01' })
    // Hidden in DE now, each relating to the visible film (whose rows are in force).
    const usOnly = await film('usOnly', `${HIDDEN} US only`, { relatedFilms: [shown] })
    await licence({ content: on('films', usOnly), territories: ['US'], start: '2020-01-01' })
    const future = await film('future', `${HIDDEN} next year`, { relatedFilms: [shown] })
    await licence({ content: on('films', future), territories: ['DE'], start: `${nextYear}-06-01` })
    const heldBack = await film('heldBack', `${HIDDEN} held back`, { relatedFilms: [shown] })
    await licence({ content: on('films', heldBack), territories: ['DE'], start: '2020-01-01' })
    await licence({
      content: on('films', heldBack),
      kind: 'holdback',
      holdbackStrength: 'hard',
      territories: ['DE'],
      start: '2020-01-01',
    })
    const neverLicensed = await film('neverLicensed', `${HIDDEN} never licensed`)
    // The visible film relates to a hidden one and to a visible one.
    await payload.update({
      collection: 'films',
      id: shownOther,
      data: { relatedFilms: [usOnly, shown] },
    })
    hidden.films = new Set([usOnly, future, heldBack, neverLicensed])
    visible.films = new Set([shown, shownOther])

    // A series visible through one licensed episode; its other season and episode are not.
    const series = await payload.create({
      collection: 'series',
      data: { title: 'Shown series', ...published },
    })
    const seasonA = await payload.create({
      collection: 'seasons',
      data: { series: series.id, seasonNumber: 1, title: 'Shown season', ...published },
    })
    const seasonB = await payload.create({
      collection: 'seasons',
      data: { series: series.id, seasonNumber: 2, title: `${HIDDEN} season`, ...published },
    })
    const episode = async (season: Id, episodeNumber: number, title: string) =>
      (
        await payload.create({
          collection: 'episodes',
          data: { season, episodeNumber, title, ...published },
        })
      ).id
    const shownEpisode = await episode(seasonA.id, 1, 'Shown episode')
    const hiddenEpisodeA = await episode(seasonA.id, 2, `${HIDDEN} episode A2`)
    const hiddenEpisodeB = await episode(seasonB.id, 1, `${HIDDEN} episode B1`)
    await licence({ content: on('episodes', shownEpisode), territories: ['DE'], start: '2020-01-01' })
    const hiddenSeries = await payload.create({
      collection: 'series',
      data: { title: `${HIDDEN} series`, ...published },
    })
    Object.assign(ids, {
      series: series.id,
      hiddenSeries: hiddenSeries.id,
      seasonA: seasonA.id,
      seasonB: seasonB.id,
      shownEpisode,
      hiddenEpisodeA,
      hiddenEpisodeB,
    })
    visible.series = new Set([series.id])
    hidden.series = new Set([hiddenSeries.id])
    visible.seasons = new Set([seasonA.id])
    hidden.seasons = new Set([seasonB.id])
    visible.episodes = new Set([shownEpisode])
    hidden.episodes = new Set([hiddenEpisodeA, hiddenEpisodeB])

    const consumer = await payload.create({
      collection: 'users',
      data: {
        email: `frontend-${crypto.randomUUID()}@example.test`,
        password: 'correct horse battery',
        roles: [],
        enableAPIKey: true,
        apiKey: crypto.randomUUID(),
      },
    })
    apiKey = consumer.apiKey ?? ''
    http = await servePayloadOverHttp(payload)
  })
  afterAll(async () => {
    await http?.close()
    await ctx?.destroy()
  })

  const run = it.skipIf(!backend.serverUrl)

  type Reader = 'public' | 'apiKey'
  const headersFor = (reader: Reader): Record<string, string> => ({
    'x-viewer-territory': 'DE',
    ...(reader === 'apiKey' ? { authorization: `users API-Key ${apiKey}` } : {}),
  })

  const get = async (path: string, reader: Reader = 'public') => {
    const response = await fetch(`${http.url}${path}`, { headers: headersFor(reader) })
    return { status: response.status, headers: response.headers, body: await response.json() }
  }

  /** The same read as a form-encoded POST with the method override Payload honours. */
  const postAsGet = async (path: string, reader: Reader = 'public') => {
    const [pathname, search = ''] = path.split('?')
    const response = await fetch(`${http.url}${pathname}`, {
      method: 'POST',
      headers: {
        ...headersFor(reader),
        'content-type': 'application/x-www-form-urlencoded',
        'x-payload-http-method-override': 'GET',
      },
      body: search,
    })
    return { status: response.status, headers: response.headers, body: await response.json() }
  }

  const graphql = async (query: string, reader: Reader = 'public') => {
    const response = await fetch(`${http.url}/api/graphql`, {
      method: 'POST',
      headers: { ...headersFor(reader), 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    })
    return { status: response.status, headers: response.headers, body: await response.json() }
  }

  /** Every catalog id an answer carries, top-level and nested, by collection where known. */
  const idsIn = (body: unknown): Set<Id> => {
    const found = new Set<Id>()
    const walk = (value: unknown) => {
      if (Array.isArray(value)) return value.forEach(walk)
      if (typeof value === 'number') return void found.add(value)
      if (value && typeof value === 'object') {
        for (const [key, entry] of Object.entries(value)) {
          if (key === 'id' && typeof entry === 'number') found.add(entry)
          else if (key !== 'totalDocs' && key !== 'limit' && key !== 'page') walk(entry)
        }
      }
    }
    walk(body)
    return found
  }

  const expectNothingHidden = (body: unknown) => {
    expect(JSON.stringify(body)).not.toContain(HIDDEN)
  }

  const expectRefusedOrClean = (
    answer: { status: number; body: unknown },
    collection: Catalog,
    path: string,
  ) => {
    expect(answer.status, JSON.stringify(answer.body)).not.toBeGreaterThanOrEqual(500)
    expectNothingHidden(answer.body)
    if (answer.status === 400) {
      expect(JSON.stringify(answer.body)).toContain(path)
      return
    }
    expect(answer.status).toBe(200)
    const docs = (answer.body as { docs?: { id: Id }[] }).docs ?? []
    for (const doc of docs) expect(hidden[collection].has(doc.id)).toBe(false)
  }

  describe('item 1: a where through a relationship path keeps the viewer filter', () => {
    const cases: [Catalog, string][] = [
      ['films', '/api/films?where[relatedFilms.slug][exists]=true&depth=2'],
      ['films', '/api/films?where[relatedFilms.title][like]=Shown'],
      ['seasons', '/api/seasons?where[series.title][like]=Shown'],
      ['episodes', '/api/episodes?where[season.title][like]=Shown'],
      ['episodes', '/api/episodes?where[season.seasonNumber][equals]=1'],
      ['episodes', '/api/episodes?where[season.series.title][like]=Shown'],
    ]
    for (const reader of ['public', 'apiKey'] as const) {
      run.each(cases)(`%s %s (${reader})`, async (collection, path) => {
        expectRefusedOrClean(await get(path, reader), collection, path.split('[')[1].split(']')[0])
        expectRefusedOrClean(
          await postAsGet(path, reader),
          collection,
          path.split('[')[1].split(']')[0],
        )
      })
    }

    run('count through a relationship path counts no hidden film', async () => {
      const answer = await get('/api/films/count?where[relatedFilms.title][like]=Shown')
      expect(answer.status).not.toBeGreaterThanOrEqual(500)
      if (answer.status === 200) expect(answer.body.totalDocs).toBe(0)
      else expect(JSON.stringify(answer.body)).toContain('relatedFilms.title')
    })

    run('GraphQL where through a relationship path', async () => {
      const answer = await graphql(
        '{ Films(where: { relatedFilms__title: { like: "Shown" } }) { docs { id title } totalDocs } }',
      )
      expectNothingHidden(answer.body)
      const docs = (answer.body.data?.Films?.docs ?? []) as { id: Id }[]
      for (const doc of docs) expect(hidden.films.has(doc.id)).toBe(false)
    })

    run('Local API with overrideAccess false', async () => {
      const read = payload.find({
        collection: 'films',
        where: { 'relatedFilms.title': { like: 'Shown' } },
        ...publicViewerIn('DE'),
      })
      const result = await read.catch((error: { status?: number }) => error)
      if ('docs' in result) {
        for (const doc of result.docs) expect(hidden.films.has(doc.id)).toBe(false)
      } else expect(result.status).toBe(400)
    })
  })

  describe('item 2: joins with a where', () => {
    run('a series lists no unlicensed season through joins[seasons][where]', async () => {
      const path = `/api/series/${ids.series}?joins[seasons][where][series.title][like]=Shown`
      const answer = await get(path)
      expect(answer.status).not.toBeGreaterThanOrEqual(500)
      expectNothingHidden(answer.body)
      expect(idsIn(answer.body).has(ids.seasonB)).toBe(false)
    })

    run('a season lists no unlicensed episode through joins[episodes][where]', async () => {
      const path = `/api/seasons/${ids.seasonA}?joins[episodes][where][season.title][like]=Shown`
      const answer = await get(path)
      expect(answer.status).not.toBeGreaterThanOrEqual(500)
      expectNothingHidden(answer.body)
      expect(idsIn(answer.body).has(ids.hiddenEpisodeA)).toBe(false)
    })
  })

  describe('item 3: hidden ids behave like ids that never existed', () => {
    run('relatedFilms equals a hidden id answers like a never-used id', async () => {
      const neverUsed = 987_654
      for (const operator of ['equals', 'not_equals', 'in', 'not_in', 'contains']) {
        const ask = (id: Id) => get(`/api/films?where[relatedFilms][${operator}]=${id}&limit=100`)
        const forHidden = await ask(ids.usOnly)
        const forNever = await ask(neverUsed)
        expect(forHidden.status, operator).toBe(forNever.status)
        expect(forHidden.body, operator).toEqual(forNever.body)
      }
    })
  })

  describe('item 7: max-age is bounded by every title the answer contains', () => {
    run('a film whose related film ends in ~148 s is cached for at most 148 s', async () => {
      const soon = await payload.create({
        collection: 'films',
        data: { title: 'Ending soon', _status: 'published' },
      })
      await licence({
        content: on('films', soon.id),
        territories: ['DE'],
        start: '2020-01-01T00:00:00Z',
        end: iso(Date.now() + 148_000),
      })
      const host = await payload.create({
        collection: 'films',
        data: { title: 'Host film', _status: 'published', relatedFilms: [soon.id] },
      })
      await licence({ content: on('films', host.id), territories: ['DE'], start: '2020-01-01' })
      const maxAge = (header: string | null) => Number(/max-age=(\d+)/.exec(header ?? '')?.[1])
      for (const depth of [0, 1, 2]) {
        const answer = await get(`/api/films/${host.id}?depth=${depth}`)
        expect(answer.status).toBe(200)
        expect(maxAge(answer.headers.get('cache-control')), `depth ${depth}`).toBeLessThanOrEqual(
          148,
        )
      }
      const list = await get(`/api/films?where[id][equals]=${host.id}&depth=1`)
      expect(maxAge(list.headers.get('cache-control'))).toBeLessThanOrEqual(148)
      const gql = await graphql(`{ Film(id: ${host.id}) { id relatedFilms { id title } } }`)
      expect(maxAge(gql.headers.get('cache-control'))).toBeLessThanOrEqual(148)
    })
  })
})
