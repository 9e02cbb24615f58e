import crypto from 'node:crypto'

import type { FlattenedField, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'
import { testBackends } from './support/backends'
import { createCountries, publicViewerIn } from './support/fixtures'
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
      data: {
        kind: 'grant',
        licenceType: 'svod',
        contractId: crypto.randomUUID(),
        ...data,
      } as never,
    })
  const on = (relationTo: Catalog, value: Id) => [{ relationTo, value }]

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    await createCountries(payload, ['DE', 'US'])
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
    const onlyHiddenRelated = await film('onlyHiddenRelated', 'Relates to hidden only', {
      relatedFilms: [future],
    })
    await licence({
      content: on('films', onlyHiddenRelated),
      territories: ['DE'],
      start: '2020-01-01',
    })
    // For search: licensed in DE, but a draft; licensed in DE, but the window has ended.
    const draftFilm = await payload.create({
      collection: 'films',
      data: { title: `${HIDDEN} draft`, _status: 'draft' },
      draft: true,
    })
    ids.draft = draftFilm.id
    await licence({ content: on('films', draftFilm.id), territories: ['DE'], start: '2020-01-01' })
    const expired = await film('expired', `${HIDDEN} expired`)
    await licence({
      content: on('films', expired),
      territories: ['DE'],
      start: '2020-01-01',
      end: '2021-01-01',
    })
    hidden.films = new Set([usOnly, future, heldBack, neverLicensed, draftFilm.id, expired])
    visible.films = new Set([shown, shownOther, onlyHiddenRelated])

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
    await licence({
      content: on('episodes', shownEpisode),
      territories: ['DE'],
      start: '2020-01-01',
    })
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

  /** 400 with Payload's error shape, naming the refused path; nothing hidden in the body. */
  const expectRefused = (answer: { status: number; body: unknown }, path: string) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(400)
    expectNothingHidden(answer.body)
    expect(answer.body).toMatchObject({
      errors: [
        {
          message: expect.stringContaining(path),
          data: { errors: expect.arrayContaining([expect.objectContaining({ path })]) },
        },
      ],
    })
  }

  const docIds = (body: unknown) => ((body as { docs?: { id: Id }[] }).docs ?? []).map((d) => d.id)

  describe('item 1: a where through a relationship path keeps the viewer filter', () => {
    const cases: [string, string][] = [
      ['/api/films?where[relatedFilms.slug][exists]=true&depth=2', 'relatedFilms.slug'],
      ['/api/films?where[relatedFilms.title][like]=Shown', 'relatedFilms.title'],
      ['/api/films/count?where[relatedFilms.title][like]=Shown', 'relatedFilms.title'],
      ['/api/films?sort=-relatedFilms.title', 'relatedFilms.title'],
      ['/api/seasons?where[series.title][like]=Shown', 'series.title'],
      ['/api/episodes?where[season.title][like]=Shown', 'season.title'],
      ['/api/episodes?where[season.seasonNumber][equals]=1', 'season.seasonNumber'],
      ['/api/episodes?where[season.series.title][like]=Shown', 'season.series.title'],
      ['/api/episodes?where[or][0][season.title][like]=Shown', 'season.title'],
      ['/api/films?where[relatedFilms][contains][title][like]=Shown', 'relatedFilms'],
      [
        '/api/films?where[availabilityWindows.territory][equals]=US',
        'availabilityWindows.territory',
      ],
    ]
    for (const reader of ['public', 'apiKey'] as const) {
      run.each(cases)(
        `%s is refused naming %s (${reader}, GET and POST override)`,
        async (path, named) => {
          expectRefused(await get(path, reader), named)
          expectRefused(await postAsGet(path, reader), named)
        },
      )
    }

    run('paths through people, genres and images stay allowed', async () => {
      const answer = await get('/api/films?where[credits.person.name][exists]=false&limit=100')
      expect(answer.status).toBe(200)
      expectNothingHidden(answer.body)
      expect(docIds(answer.body)).toContain(ids.shown)
    })

    run(
      'GraphQL: relationship paths are not in the schema; sorting through one is refused',
      async () => {
        const where = await graphql(
          '{ Films(where: { relatedFilms__title: { like: "Shown" } }) { docs { id title } } }',
        )
        expect(where.body.data?.Films ?? null).toBeNull()
        expect(JSON.stringify(where.body.errors)).toContain('relatedFilms__title')
        const sorted = await graphql('{ Films(sort: "relatedFilms.title") { docs { id title } } }')
        expectNothingHidden(sorted.body)
        expect(sorted.body.data?.Films ?? null).toBeNull()
        expect(JSON.stringify(sorted.body.errors)).toContain('relatedFilms.title')
      },
    )

    run('Local API with overrideAccess false', async () => {
      await expect(
        payload.find({
          collection: 'films',
          where: { 'relatedFilms.title': { like: 'Shown' } },
          ...publicViewerIn('DE'),
        }),
      ).rejects.toMatchObject({ status: 400 })
      await expect(
        payload.count({
          collection: 'episodes',
          where: { 'season.series.title': { like: 'Shown' } },
          ...publicViewerIn('DE'),
        }),
      ).rejects.toMatchObject({ status: 400 })
      for (const field of ['relatedFilms.title', 'relatedFilms'] as const) {
        await expect(
          payload.findDistinct({ collection: 'films', field, ...publicViewerIn('DE') }),
        ).rejects.toMatchObject({ status: 400 })
      }
    })

    run('a title id that cannot exist answers 404, not 500', async () => {
      expect((await get('/api/films/distinct')).status).toBe(404)
      expect((await get('/api/episodes/12abc')).status).toBe(404)
    })

    run('staff may still filter through relationships', async () => {
      const staff = await payload.find({
        collection: 'films',
        where: { 'relatedFilms.title': { like: 'Shown' } },
        pagination: false,
      })
      expect(staff.docs.map((doc) => doc.id)).toEqual(expect.arrayContaining([ids.usOnly]))
    })
  })

  describe('item 2: joins with a where', () => {
    run('a series lists no unlicensed season through joins[seasons][where]', async () => {
      const path = `/api/series/${ids.series}?joins[seasons][where][series.title][like]=Shown`
      expectRefused(await get(path), 'joins.seasons.where.series.title')
      const sorted = await get(`/api/series/${ids.series}?joins[seasons][sort]=-series.title`)
      expectRefused(sorted, 'joins.seasons.sort.series.title')
    })

    run('a season lists no unlicensed episode through joins[episodes][where]', async () => {
      const path = `/api/seasons/${ids.seasonA}?joins[episodes][where][season.title][like]=Shown`
      expectRefused(await get(path), 'joins.episodes.where.season.title')
      const listed = await get(`/api/seasons?joins[episodes][where][season.title][like]=Shown`)
      expectRefused(listed, 'joins.episodes.where.season.title')
    })

    run('joins list visible children only, also with a where on their own fields', async () => {
      const answer = await get(
        `/api/seasons/${ids.seasonA}?joins[episodes][where][episodeNumber][greater_than]=0`,
      )
      expect(answer.status).toBe(200)
      expectNothingHidden(answer.body)
      expect(idsIn(answer.body.episodes)).toEqual(new Set([ids.shownEpisode]))
    })
  })

  describe('item 3: hidden ids behave like ids that never existed', () => {
    const neverUsed = 987_654
    const operators = ['equals', 'not_equals', 'in', 'not_in', 'contains', 'all', 'like']
    const relationCases: [string, string, () => Id][] = [
      ['films', 'relatedFilms', () => ids.usOnly],
      ['seasons', 'series', () => ids.hiddenSeries],
      ['episodes', 'season', () => ids.seasonB],
      ['series', 'seasons', () => ids.seasonB],
      ['seasons', 'episodes', () => ids.hiddenEpisodeA],
    ]
    run.each(relationCases)(
      '%s where[%s] with a hidden id',
      async (collection, field, hiddenId) => {
        for (const operator of operators) {
          const ask = (id: Id) =>
            get(`/api/${collection}?where[${field}][${operator}]=${id}&limit=100&depth=0`)
          const forHidden = await ask(hiddenId())
          const forNever = await ask(neverUsed)
          expect(forHidden.status, `${field} ${operator}`).toBeLessThan(500)
          expect(forHidden.status, operator).toBe(forNever.status)
          expect(forHidden.body, operator).toEqual(forNever.body)
          const count = (id: Id) =>
            get(`/api/${collection}/count?where[${field}][${operator}]=${id}`)
          expect((await count(hiddenId())).body, operator).toEqual((await count(neverUsed)).body)
        }
      },
    )

    run('visible ids still match; exists asks for visible titles only', async () => {
      const related = await get(`/api/films?where[relatedFilms][equals]=${ids.shown}&limit=100`)
      expect(docIds(related.body)).toEqual([ids.shownOther])
      const withSome = await get('/api/films?where[relatedFilms][exists]=true&limit=100')
      expect(docIds(withSome.body)).toEqual([ids.shownOther])
      const withNone = await get('/api/films?where[relatedFilms][exists]=false&limit=100')
      expect(docIds(withNone.body).sort()).toEqual([ids.shown, ids.onlyHiddenRelated].sort())
      const seasons = await get(`/api/series?where[seasons][in]=${ids.seasonB},${ids.seasonA}`)
      expect(docIds(seasons.body)).toEqual([ids.series])
    })

    run('GraphQL: a hidden id answers like a never-used id', async () => {
      const ask = (id: Id) =>
        graphql(`{ Films(where: { relatedFilms: { in: [${id}] } }) { docs { id } totalDocs } }`)
      expect((await ask(ids.usOnly)).body).toEqual((await ask(neverUsed)).body)
    })

    run('Local API: a hidden id answers like a never-used id', async () => {
      const ask = (id: Id) =>
        payload.find({
          collection: 'films',
          where: { relatedFilms: { contains: id } },
          depth: 0,
          ...publicViewerIn('DE'),
        })
      expect((await ask(ids.usOnly)).docs).toEqual((await ask(neverUsed)).docs)
    })
  })

  describe('generated from the schema: every relationship, upload and join of the catalog', () => {
    type Link = {
      collection: Catalog
      path: string
      target: string
      join: boolean
      /** One value per locale (a market's poster): the SQL adapters fail on paths through it. */
      localized: boolean
    }
    const catalog: Catalog[] = ['films', 'series', 'seasons', 'episodes']

    /** Every relationship/upload/join field, through groups, arrays and tabs, by its path. */
    const linksOf = (collection: Catalog): Link[] => {
      const walk = (fields: FlattenedField[], prefix: string): Link[] =>
        fields.flatMap((field) => {
          const path = `${prefix}${field.name}`
          if (field.type === 'join') {
            return [
              { collection, path, target: String(field.collection), join: true, localized: false },
            ]
          }
          if (field.type === 'relationship' || field.type === 'upload') {
            return [field.relationTo].flat().map((target) => ({
              collection,
              path,
              target,
              join: false,
              localized: Boolean(field.localized),
            }))
          }
          return 'flattenedFields' in field ? walk(field.flattenedFields, `${path}.`) : []
        })
      return walk(payload.collections[collection].config.flattenedFields, '')
    }
    const reachesCatalog = (target: string) => [...catalog, 'availability-windows'].includes(target)

    run('the schema has the links the issue names', () => {
      const all = catalog.flatMap(linksOf).map((link) => `${link.collection}.${link.path}`)
      expect(all).toEqual(
        expect.arrayContaining([
          'films.relatedFilms',
          'seasons.series',
          'episodes.season',
          'series.seasons',
          'seasons.episodes',
          'films.credits.person',
          'films.poster',
        ]),
      )
      // Posters and backdrops differ per market.
      expect(linksOf('films').find((link) => link.path === 'poster')?.localized).toBe(true)
    })

    run(
      'where, sort and count through each link: refused into titles, clean elsewhere',
      async () => {
        let refused = 0
        for (const collection of catalog) {
          for (const link of linksOf(collection)) {
            const path = `${link.path}.createdAt`
            // A path through a localised link is refused for every reader, at the parameter.
            const reads = [
              [`/api/${collection}?where[${path}][exists]=true&depth=2&limit=100`, `where.${path}`],
              [`/api/${collection}/count?where[${path}][exists]=true`, `where.${path}`],
              [`/api/${collection}?sort=-${path}&depth=1&limit=100`, 'sort'],
            ]
            for (const [read, refusedAt] of reads) {
              const answer = await get(read)
              if (link.localized) {
                expectRefused(answer, refusedAt)
                refused += 1
              } else if (reachesCatalog(link.target)) {
                expectRefused(answer, path)
                refused += 1
              } else {
                expect(answer.status, read).toBe(200)
                expectNothingHidden(answer.body)
                for (const id of docIds(answer.body))
                  expect(hidden[collection].has(id), read).toBe(false)
              }
            }
          }
        }
        expect(refused).toBeGreaterThanOrEqual(5 * 3)
      },
    )

    run(
      'joins[x][where] and joins[x][sort] through each link of the joined collection',
      async () => {
        const visibleDoc: Partial<Record<Catalog, Id>> = {
          series: ids.series,
          seasons: ids.seasonA,
        }
        let checked = 0
        for (const collection of catalog) {
          for (const join of linksOf(collection).filter((link) => link.join)) {
            if (join.target === 'availability-windows') continue
            const owner = visibleDoc[collection]
            expect(owner, `${collection} has a visible document for ${join.path}`).toBeDefined()
            for (const link of linksOf(join.target as Catalog)) {
              const path = `${link.path}.createdAt`
              const base = `/api/${collection}/${owner}?depth=1&joins[${join.path}]`
              for (const [read, named] of [
                [`${base}[where][${path}][exists]=true`, `joins.${join.path}.where.${path}`],
                [`${base}[sort]=-${path}`, `joins.${join.path}.sort.${path}`],
              ]) {
                const answer = await get(read)
                checked += 1
                // Sorting a join through any relationship is refused (the SQL adapters fail on it).
                if (reachesCatalog(link.target) || link.localized || named.includes('.sort.')) {
                  // A join sorted by a localised field is refused first, at the join's sort.
                  const sortedByLocalised = link.localized && named.includes('.sort.')
                  expectRefused(answer, sortedByLocalised ? `joins.${join.path}.sort` : named)
                } else {
                  expect(answer.status, read).toBe(200)
                  expectNothingHidden(answer.body)
                }
              }
            }
          }
        }
        expect(checked).toBeGreaterThan(0)
      },
    )

    run(
      'direct conditions on each catalog link: a hidden id answers like a never-used one',
      async () => {
        const hiddenOf = (target: string) => [...(hidden[target as Catalog] ?? [])][0]
        for (const collection of catalog) {
          for (const link of linksOf(collection).filter((entry) =>
            catalog.includes(entry.target as Catalog),
          )) {
            if (link.path === 'availabilityWindows') continue
            const hiddenId = hiddenOf(link.target)
            for (const operator of ['equals', 'not_equals', 'in', 'not_in', 'exists']) {
              const ask = (id: Id | boolean) =>
                get(`/api/${collection}?where[${link.path}][${operator}]=${id}&depth=0&limit=100`)
              const value = (id: Id) => (operator === 'exists' ? true : id)
              const forHidden = await ask(value(hiddenId))
              const forNever = await ask(value(987_654))
              expect(forHidden.status, `${collection}.${link.path} ${operator}`).toBeLessThan(500)
              expect(forHidden.body, `${collection}.${link.path} ${operator}`).toEqual(
                forNever.body,
              )
              expectNothingHidden(forHidden.body)
              for (const id of docIds(forHidden.body))
                expect(hidden[collection].has(id)).toBe(false)
            }
          }
        }
      },
    )
  })

  describe('search: only what the viewer may see, never counted otherwise', () => {
    type SearchBody = {
      docs: { id: Id; collection: Catalog; title: string }[]
      totalDocs: number
    }
    const search = async (q: string, reader: Reader = 'public', territory = 'DE') => {
      const response = await fetch(`${http.url}/api/search?q=${encodeURIComponent(q)}&limit=100`, {
        headers: { ...headersFor(reader), 'x-viewer-territory': territory },
      })
      return { status: response.status, body: (await response.json()) as SearchBody }
    }
    /** The same search through GraphQL's `Search`. */
    const searchOverGraphQL = async (q: string, reader: Reader = 'public', territory = 'DE') => {
      const response = await fetch(`${http.url}/api/graphql`, {
        method: 'POST',
        headers: {
          ...headersFor(reader),
          'x-viewer-territory': territory,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          query:
            'query($q: String!) { Search(q: $q, limit: 100) { docs { id collection title } totalDocs } }',
          variables: { q },
        }),
      })
      const answer = (await response.json()) as { data: { Search: SearchBody } | null }
      return { status: response.status, body: answer.data?.Search ?? { docs: [], totalDocs: -1 } }
    }
    const searches = { REST: search, GraphQL: searchOverGraphQL }

    run('hidden titles are in the index (so the checks below can fail)', async () => {
      const { docs } = await payload.find({
        collection: 'search-entries',
        where: { title: { like: HIDDEN } },
        pagination: false,
      })
      const indexedHidden = docs.filter((entry) => entry.title.includes(HIDDEN))
      // US only, next year, held back, never licensed, expired, the hidden series (a draft is
      // never indexed).
      expect(indexedHidden).toHaveLength(6)
    })

    for (const [api, searchWith] of Object.entries(searches))
      for (const reader of ['public', 'apiKey'] as const) {
        run(
          `a draft, an unlicensed, an expired title never appear (${api}, ${reader})`,
          async () => {
            for (const q of [
              HIDDEN,
              'hidden',
              'US only',
              'next year',
              'held back',
              'never licensed',
              'draft',
              'expired',
              'series',
              'en',
            ]) {
              const answer = await searchWith(q, reader)
              expect(answer.status, q).toBe(200)
              expectNothingHidden(answer.body)
              for (const doc of answer.body.docs) {
                expect(
                  hidden[doc.collection]?.has(doc.id),
                  `${q}: ${doc.collection}/${doc.id}`,
                ).toBe(false)
              }
              // Counted only among visible titles: the total is what the pages hold.
              expect(answer.body.totalDocs, q).toBe(answer.body.docs.length)
            }
          },
        )
      }

    for (const [api, searchWith] of Object.entries(searches)) {
      run(
        `visible titles are found; the same title shows where it is licensed (${api})`,
        async () => {
          const shown = await searchWith('shown')
          expect(shown.body.docs.map((doc) => `${doc.collection}/${doc.id}`).sort()).toEqual(
            [`films/${ids.shown}`, `films/${ids.shownOther}`, `series/${ids.series}`].sort(),
          )
          const inUs = await searchWith('US only', 'public', 'US')
          expect(inUs.body.docs.map((doc) => doc.id)).toEqual([ids.usOnly])
        },
      )
    }

    run('the index itself is closed to the public', async () => {
      expect((await get('/api/search-entries?where[title][like]=HIDDEN')).status).toBe(403)
      expect((await get('/api/search-entries/count')).status).toBe(403)
      expect((await get('/api/search-entries', 'apiKey')).status).toBe(403)
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

  describe('rails: no hidden title in any rail, coming soon without the main video', () => {
    const announcedTitle = 'Announced coming soon film'
    beforeAll(async () => {
      if (!backend.serverUrl) return
      const genre = await payload.create({ collection: 'genres', data: { name: 'Leak drama' } })
      const everyFilm = [...visible.films, ...hidden.films]
      for (const film of everyFilm) {
        await payload.update({ collection: 'films', id: film, data: { genres: [genre.id] } })
      }
      for (const series of [...visible.series, ...hidden.series]) {
        await payload.update({ collection: 'series', id: series, data: { genres: [genre.id] } })
      }
      // Announced in DE (coming soon only), with a main video that must never play.
      const mainVideo = await payload.db.create({
        collection: 'videos',
        data: {
          title: 'Main',
          status: 'ready',
          playbackPolicy: 'public',
          playbackIds: [
            {
              id: crypto.randomBytes(12).toString('hex'),
              playbackId: 'MAINVIDEO',
              policy: 'public',
            },
          ],
        },
      })
      const announced = await payload.create({
        collection: 'films',
        data: {
          title: announcedTitle,
          _status: 'published',
          genres: [genre.id],
          video: mainVideo.id as Id,
        },
      })
      ids.announced = announced.id
      await licence({
        content: on('films', announced.id),
        territories: ['DE'],
        start: iso(Date.now() + 40 * 86_400_000),
        announceAt: iso(Date.now() - 86_400_000),
      })
      // A draft announced: never listed, not even as coming soon.
      const announcedDraft = await payload.create({
        collection: 'films',
        data: { title: `${HIDDEN} announced draft`, _status: 'draft', genres: [genre.id] },
      })
      await licence({
        content: on('films', announcedDraft.id),
        territories: ['DE'],
        start: iso(Date.now() + 40 * 86_400_000),
        announceAt: iso(Date.now() - 86_400_000),
      })
      hidden.films.add(announcedDraft.id)
      const titles = [
        ...[...everyFilm, announced.id, announcedDraft.id].map((value) => ({
          relationTo: 'films' as const,
          value,
        })),
        ...[...visible.series, ...hidden.series].map((value) => ({
          relationTo: 'series' as const,
          value,
        })),
      ]
      await payload.create({
        collection: 'rails',
        data: { title: 'Everything', kind: 'curated', titles },
      })
      for (const kind of ['new', 'leaving-soon', 'coming-soon'] as const) {
        await payload.create({ collection: 'rails', data: { title: kind, kind, days: 365 } })
      }
      await payload.create({
        collection: 'rails',
        data: { title: 'Genre', kind: 'genre', genre: genre.id },
      })
      await payload.create({
        collection: 'rails',
        data: {
          title: `${HIDDEN} rail of hidden titles`,
          kind: 'curated',
          titles: [...hidden.films].map((value) => ({ relationTo: 'films' as const, value })),
        },
      })
    }, 120_000)

    type RailItem = { relationTo: 'films' | 'series'; value: { id: Id; title?: string } }
    const expectNoHidden = (items: RailItem[], where: string, comingSoon = false) => {
      for (const item of items) {
        expect(hidden[item.relationTo].has(item.value.id), `${where}: ${item.value.title}`).toBe(
          false,
        )
        if (!comingSoon) expect(item.value.id, where).not.toBe(ids.announced)
        else expect(item.value.id, where).toBe(ids.announced)
      }
    }

    run('automatic rail endpoints, every kind, public and API key', async () => {
      for (const reader of ['public', 'apiKey'] as const) {
        for (const kind of ['new', 'leaving-soon', 'coming-soon', 'genre:leak-drama']) {
          const path = `/api/rails/${kind}`
          const answer = await get(kind === 'coming-soon' ? path : `${path}?days=365`, reader)
          expect(answer.status, path).toBe(200)
          expectNoHidden(answer.body.items, path, kind === 'coming-soon')
          const text = JSON.stringify(answer.body)
          expect(text).not.toContain(HIDDEN)
          expect(text).not.toContain('MAINVIDEO')
          if (kind === 'coming-soon') expect(answer.body.items).toHaveLength(1)
        }
      }
    })

    run('GraphQL AutomaticRail, every kind, public and API key', async () => {
      for (const reader of ['public', 'apiKey'] as const) {
        for (const kind of ['new', 'leaving-soon', 'coming-soon', 'genre:leak-drama']) {
          const days = kind === 'coming-soon' ? '' : ', days: 365'
          const answer = await graphql(
            `{ AutomaticRail(kind: "${kind}"${days}) { items { relationTo value { id title slug ` +
              'playback { trailer { playbackId } } } } } }',
            reader,
          )
          expect(answer.body.errors, kind).toBeUndefined()
          const { items } = answer.body.data.AutomaticRail as { items: RailItem[] }
          expectNoHidden(items, kind, kind === 'coming-soon')
          const text = JSON.stringify(answer.body)
          expect(text).not.toContain(HIDDEN)
          expect(text).not.toContain('MAINVIDEO')
          const rest = await get(`/api/rails/${kind}${days ? '?days=365' : ''}`, reader)
          expect(items.map((item) => item.value.id)).toEqual(
            (rest.body.items as RailItem[]).map((item) => item.value.id),
          )
        }
      }
    })

    run('the rails collection over REST and GraphQL', async () => {
      const page = await get('/api/rails?limit=100&depth=2')
      expect(page.status).toBe(200)
      const titles = page.body.docs.map((rail: { title: string }) => rail.title)
      expect(titles).not.toContain(`${HIDDEN} rail of hidden titles`)
      for (const rail of page.body.docs as { title: string; kind: string; items: RailItem[] }[]) {
        expect(rail.items.length, rail.title).toBeGreaterThan(0)
        expectNoHidden(rail.items, rail.title, rail.kind === 'coming-soon')
        expect(rail).not.toHaveProperty('titles')
      }
      const text = JSON.stringify(page.body)
      expect(text).not.toContain(HIDDEN)
      expect(text).not.toContain('MAINVIDEO')
      const gql = await graphql(
        '{ Rails(limit: 10) { docs { title kind items { relationTo value { id title slug ' +
          'playback { trailer { playbackId } } } } } } }',
      )
      const gqlText = JSON.stringify(gql.body)
      expect(gqlText).not.toContain(HIDDEN)
      expect(gqlText).not.toContain('MAINVIDEO')
      const rails = gql.body.data.Rails.docs as { title: string; kind: string; items: RailItem[] }[]
      expect(rails.map((rail) => rail.title).sort()).toEqual([...titles].sort())
      // GraphQL spells the enum value coming_soon.
      for (const rail of rails) expectNoHidden(rail.items, rail.title, rail.kind === 'coming_soon')
      // Raw titles are for staff: GraphQL does not even offer them to the public.
      const raw = await graphql('{ Rails { docs { titles { value { ... on Film { id } } } } } }')
      expect(JSON.stringify(raw.body)).not.toContain(String([...hidden.films][0]))
    })

    run('announced titles stay out of every other public read', async () => {
      const list = await get('/api/films?limit=100')
      expect(list.body.docs.map((doc: { id: Id }) => doc.id)).not.toContain(ids.announced)
      expect((await get(`/api/films/${ids.announced}`)).status).toBe(404)
      const count = await get(`/api/films/count?where[id][equals]=${ids.announced}`)
      expect(count.body.totalDocs).toBe(0)
      const gql = await graphql(`{ Film(id: ${ids.announced}) { id title } }`)
      expect(JSON.stringify(gql.body)).not.toContain(announcedTitle)
    })

    run(
      'the availability rows behind rails stay unreachable for public where and sort',
      async () => {
        for (const path of [
          '/api/films?where[availabilityWindows.state][equals]=announced',
          '/api/films?sort=availabilityWindows.availableFrom',
          '/api/films?where[availabilityWindows.availableFrom][exists]=true',
        ]) {
          const answer = await get(path)
          expect(answer.status, path).toBe(400)
          expect(JSON.stringify(answer.body)).not.toContain(announcedTitle)
        }
      },
    )
  })
})
