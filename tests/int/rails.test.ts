import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'
import { parsePublicCacheControl } from '../../src/http/publicCacheControl'
import { auditCatalog } from '../../src/rights/audit'
import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'
import { createCountries, createGrant, createKeyUser } from './support/fixtures'

type Id = number
const day = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

type Card = {
  id: Id
  title?: string
  availability?: { validUntil: string | null } | null
  availableFrom?: string | null
  availableUntil?: string | null
  playback?: Record<string, { playbackId?: string } | null> | null
}
type Item = { relationTo: 'films' | 'series'; value: Card }

/**
 * Rails for the home page: automatic rails (`/api/rails/:kind`), curated rails (the `rails`
 * collection over REST and GraphQL) and coming soon, read as a DE viewer over HTTP.
 */
describe.each(testBackends)('rails on $kind', (backend) => {
  let ctx: TestPayload
  let payload: Payload
  let http: PayloadHttpServer
  const ids = {} as Record<string, Id>
  const now = Date.now()
  let editorKey = ''

  const licence = (film: Id, data: Record<string, unknown>, relationTo = 'films') =>
    createGrant(payload, { relationTo, value: film }, data)

  beforeAll(async () => {
    if (!backend.serverUrl) return
    // A small public page, so that a long curated rail has to be read in pages.
    ctx = await payloadFor(backend, { PUBLIC_MAX_LIMIT: '30' })
    payload = ctx.payload
    await createCountries(payload, ['DE', 'US', 'AT'])
    const drama = await payload.create({ collection: 'genres', data: { name: 'Drama' } })
    ids.drama = drama.id
    const video = async (playbackId: string) =>
      (
        await payload.db.create({
          collection: 'videos',
          data: {
            title: playbackId,
            status: 'ready',
            playbackPolicy: 'public',
            playbackIds: [
              { id: crypto.randomBytes(12).toString('hex'), playbackId, policy: 'public' },
            ],
          },
        })
      ).id as Id
    const film = async (key: string, title: string, data: Record<string, unknown> = {}) => {
      const doc = await payload.create({
        collection: 'films',
        data: { title, _status: 'published', genres: [drama.id], ...data },
      })
      ids[key] = doc.id
      return doc.id
    }
    // Available for 100 days; a second offer 5 days ago splits its rows but it is not new.
    const old = await film('old', 'Old film')
    await licence(old, { start: iso(now - 100 * day) })
    await licence(old, { licenceType: 'avod', start: iso(now - 5 * day) })
    // New 3 days ago, leaving in 10 days.
    const fresh = await film('fresh', 'Fresh film')
    await licence(fresh, { start: iso(now - 3 * day), end: iso(now + 10 * day) })
    // Announced 2 days ago, starts in 20 days: coming soon only.
    const announced = await film('announced', 'Announced film', {
      video: await video('main-video-playback'),
      trailer: await video('trailer-playback'),
    })
    await licence(announced, {
      start: iso(now + 20 * day),
      announceAt: iso(now - 2 * day),
    })
    // Announced only from next week on.
    const later = await film('later', 'Announced later')
    await licence(later, { start: iso(now + 30 * day), announceAt: iso(now + 7 * day) })
    // Hidden for other reasons.
    const draft = await film('draft', 'Draft film', { _status: 'draft' })
    await licence(draft, { start: iso(now - 1 * day) })
    const expired = await film('expired', 'Expired film')
    await licence(expired, { start: iso(now - 30 * day), end: iso(now - 2 * day) })
    const usOnly = await film('usOnly', 'US only film')
    await licence(usOnly, { start: iso(now - 1 * day), territories: ['US'] })
    const announcedDraft = await film('announcedDraft', 'Announced draft', { _status: 'draft' })
    await licence(announcedDraft, { start: iso(now + 5 * day), announceAt: iso(now - 1 * day) })
    // A series new in DE through its episode.
    const series = await payload.create({
      collection: 'series',
      data: { title: 'New series', _status: 'published', genres: [drama.id] },
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
    await licence(series.id, { start: iso(now - 1 * day) }, 'series')

    editorKey = crypto.randomUUID()
    await createKeyUser(payload, ['editor'], editorKey)
    http = await servePayloadOverHttp(payload)
  }, 300_000)
  afterAll(async () => {
    await http?.close()
    await ctx?.destroy()
  })

  const run = it.skipIf(!backend.serverUrl)

  const get = async (path: string, territory: string | null = 'DE') => {
    const response = await fetch(`${http.url}${path}`, {
      headers: territory ? { 'x-viewer-territory': territory } : {},
    })
    return { status: response.status, headers: response.headers, body: await response.json() }
  }
  const asEditor = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${http.url}${path}`, {
      ...init,
      headers: {
        authorization: `users API-Key ${editorKey}`,
        'content-type': 'application/json',
        ...(init.headers ?? {}),
      },
    })
    return { status: response.status, body: await response.json() }
  }
  const titlesOf = (items: Item[]) => items.map((item) => item.value.title)

  run('stores announced rows apart from available ones, and the audit agrees', async () => {
    const { docs } = await payload.find({
      collection: 'availability-windows',
      where: { contentKey: { equals: `films/${ids.announced}` } },
      sort: 'start',
      overrideAccess: true,
    })
    // Announced until it starts, then available (rows are materialised ahead of time).
    expect(docs.map((row) => row.state)).toEqual(['announced', 'available'])
    expect(docs[0].end).toBe(docs[1].start)
    expect(Date.parse(docs[0].availableFrom ?? '')).toBe(Date.parse(iso(now + 20 * day)))
    expect(Date.parse(docs[0].start)).toBe(Date.parse(iso(now - 2 * day)))
    const audit = await auditCatalog(payload)
    expect(audit.differing).toBe(0)
    expect(audit.checked).toBeGreaterThan(5)
  })

  run('new: available for less than N days, newest first, not split old titles', async () => {
    const { status, body, headers } = await get('/api/rails/new?locale=en')
    expect(status).toBe(200)
    expect(body).toMatchObject({ kind: 'new', territory: 'DE', days: 30 })
    expect(titlesOf(body.items)).toEqual(['New series', 'Fresh film'])
    expect(body.items[1].value.availability).toMatchObject({ territory: 'DE' })
    expect(headers.get('cache-control')).toMatch(/^public, max-age=\d+/)
    const wider = await get('/api/rails/new?days=200')
    expect(titlesOf(wider.body.items)).toEqual(['New series', 'Fresh film', 'Old film'])
    // The largest page the public may ask for (titles are read in pages within the limits).
    expect((await get('/api/rails/new?limit=30&days=365')).status).toBe(200)
    const limited = await get('/api/rails/new?limit=1')
    expect(titlesOf(limited.body.items)).toEqual(['New series'])
    expect(titlesOf((await get('/api/rails/new', 'US')).body.items)).toEqual(['US only film'])
  })

  run('leaving-soon: the stretch ends within N days, with the end date', async () => {
    const { body } = await get('/api/rails/leaving-soon')
    expect(body.days).toBe(14)
    expect(titlesOf(body.items)).toEqual(['Fresh film'])
    expect(Date.parse(body.items[0].value.availableUntil)).toBe(Date.parse(iso(now + 10 * day)))
    expect(titlesOf((await get('/api/rails/leaving-soon?days=5')).body.items)).toEqual([])
  })

  run('coming-soon: announced titles with start date and trailer only', async () => {
    const { status, body } = await get('/api/rails/coming-soon')
    expect(status).toBe(200)
    expect(titlesOf(body.items)).toEqual(['Announced film'])
    const card: Card = body.items[0].value
    expect(card.id).toBe(ids.announced)
    expect(Date.parse(card.availableFrom ?? '')).toBe(Date.parse(iso(now + 20 * day)))
    expect(Object.keys(card.playback ?? {})).toEqual(['trailer'])
    expect(card.playback?.trailer?.playbackId).toBe('trailer-playback')
    expect(JSON.stringify(body)).not.toContain('main-video-playback')
    expect(card).not.toHaveProperty('availability')
    // Nowhere else: not in lists, not by id, not in other rails.
    const list = await get('/api/films?limit=30')
    expect(list.body.docs.map((doc: Card) => doc.id)).not.toContain(ids.announced)
    expect((await get(`/api/films/${ids.announced}`)).status).toBe(404)
    for (const kind of ['new', 'leaving-soon', 'genre:drama']) {
      const rail = await get(`/api/rails/${kind}?days=365`)
      expect(rail.body.items.map((item: Item) => item.value.id)).not.toContain(ids.announced)
    }
    // Not in the US, and not before its announce instant.
    expect((await get('/api/rails/coming-soon', 'US')).body.items).toEqual([])
    expect(titlesOf(body.items)).not.toContain('Announced later')
  })

  run('moving a licence announce instant moves the title into coming soon', async () => {
    const { docs } = await payload.find({
      collection: 'licences',
      where: { contentKeys: { contains: `films/${ids.later}` } },
      overrideAccess: true,
    })
    await payload.update({
      collection: 'licences',
      id: docs[0].id,
      data: { announceAt: iso(now - 3_600_000) },
    })
    const { body } = await get('/api/rails/coming-soon')
    expect(titlesOf(body.items)).toEqual(['Announced film', 'Announced later'])
    const staff = await asEditor(`/api/availability?content=films/${ids.later}&territory=DE`)
    expect(staff.body).toMatchObject({ available: false, consistent: true })
    expect(Date.parse(staff.body.announced.availableFrom)).toBe(Date.parse(iso(now + 30 * day)))
    const overview = await asEditor(`/api/availability/overview?content=films/${ids.later}`)
    const de = overview.body.territories.find(
      (state: { territory: string }) => state.territory === 'DE',
    )
    expect(de).toMatchObject({ state: 'upcoming', consistent: true })
    expect(Date.parse(de.announcedAt)).toBe(Date.parse(iso(now - 3_600_000)))
    await payload.update({ collection: 'licences', id: docs[0].id, data: { announceAt: null } })
    expect(titlesOf((await get('/api/rails/coming-soon')).body.items)).toEqual(['Announced film'])
  })

  run('coming soon is cached no longer than until the next announcement', async () => {
    const { docs } = await payload.find({
      collection: 'licences',
      where: { contentKeys: { contains: `films/${ids.later}` } },
      overrideAccess: true,
    })
    const inTwoMinutes = Date.now() + 120_000
    await payload.update({
      collection: 'licences',
      id: docs[0].id,
      data: { announceAt: new Date(inTwoMinutes).toISOString() },
    })
    try {
      const { body, headers } = await get('/api/rails/coming-soon')
      expect(titlesOf(body.items)).toEqual(['Announced film'])
      const left = Math.ceil((inTwoMinutes - Date.now()) / 1000)
      const { maxAge, staleWhileRevalidate, staleIfError } = parsePublicCacheControl(
        headers.get('cache-control'),
      ) ?? { maxAge: Infinity, staleWhileRevalidate: 0, staleIfError: 0 }
      // Without the bound the answer would be cached for the full 300 s.
      expect(maxAge).toBeLessThanOrEqual(left)
      expect(maxAge + staleWhileRevalidate).toBeLessThanOrEqual(left)
      expect(maxAge + staleIfError).toBeLessThanOrEqual(left)
    } finally {
      await payload.update({ collection: 'licences', id: docs[0].id, data: { announceAt: null } })
    }
  })

  run('genre:<slug>: the visible titles of the genre by title; unknown genre 404', async () => {
    const { body } = await get('/api/rails/genre:drama')
    expect(titlesOf(body.items)).toEqual(['Fresh film', 'New series', 'Old film'])
    const missing = await get('/api/rails/genre:western')
    expect(missing.status).toBe(404)
  })

  run('bad kinds and parameters are 400 naming the field; no territory is 400', async () => {
    for (const [path, field] of [
      ['/api/rails/popular', 'kind'],
      ['/api/rails/genre:', 'kind'],
      ['/api/rails/new?days=0', 'days'],
      ['/api/rails/new?days=abc', 'days'],
      ['/api/rails/leaving-soon?days=9999', 'days'],
      ['/api/rails/coming-soon?days=3', 'days'],
      ['/api/rails/new?limit=31', 'limit'],
      ['/api/rails/new?locale=xx', 'locale'],
    ] as const) {
      const { status, body } = await get(path)
      expect(status, path).toBe(400)
      expect(body.errors[0].data.errors[0].path, path).toBe(field)
    }
    const anonymous = await get('/api/rails/new', null)
    expect(anonymous.status).toBe(400)
    expect(JSON.stringify(anonymous.body)).toContain('territory')
  })

  run('curated rails: editors write, the public reads visible titles in order', async () => {
    const created = await asEditor('/api/rails', {
      method: 'POST',
      body: JSON.stringify({
        title: 'Editors pick',
        kind: 'curated',
        order: 1,
        titles: [
          { relationTo: 'films', value: ids.old },
          { relationTo: 'films', value: ids.draft },
          { relationTo: 'films', value: ids.announced },
          { relationTo: 'series', value: ids.series },
          { relationTo: 'films', value: ids.expired },
          { relationTo: 'films', value: ids.fresh },
        ],
      }),
    })
    expect(created.status).toBe(201)
    // Only hidden titles: omitted from the page.
    await payload.create({
      collection: 'rails',
      data: {
        title: 'Nothing to see',
        kind: 'curated',
        order: 2,
        titles: [{ relationTo: 'films', value: ids.expired }],
      },
    })
    const at = await payload.find({ collection: 'regions', where: { code: { equals: 'AT' } } })
    await payload.create({
      collection: 'rails',
      data: {
        title: 'Austria only',
        kind: 'curated',
        territories: [at.docs[0].id],
        titles: [{ relationTo: 'films', value: ids.old }],
      },
    })
    await payload.create({
      collection: 'rails',
      data: {
        title: 'Next month',
        kind: 'curated',
        from: iso(now + 30 * day),
        titles: [{ relationTo: 'films', value: ids.old }],
      },
    })
    await payload.create({
      collection: 'rails',
      data: {
        title: 'Last month',
        kind: 'curated',
        until: iso(now - 1 * day),
        titles: [{ relationTo: 'films', value: ids.old }],
      },
    })
    await payload.create({
      collection: 'rails',
      data: { title: 'Coming soon', kind: 'coming-soon', order: 3 },
    })
    await payload.create({
      collection: 'rails',
      data: { title: 'Drama', kind: 'genre', genre: ids.drama, order: 4, limit: 2 },
    })

    const page = await get('/api/rails?locale=en')
    expect(page.status).toBe(200)
    expect(page.body.docs.map((rail: { title: string }) => rail.title)).toEqual([
      'Editors pick',
      'Coming soon',
      'Drama',
    ])
    expect(page.body.totalDocs).toBe(3)
    const [pick, soon, drama] = page.body.docs as { items: Item[]; titles?: unknown }[]
    expect(titlesOf(pick.items)).toEqual(['Old film', 'New series', 'Fresh film'])
    expect(pick.items[0].value.availability).toMatchObject({ territory: 'DE' })
    expect(pick).not.toHaveProperty('titles')
    expect(pick).not.toHaveProperty('territories')
    expect(titlesOf(soon.items)).toEqual(['Announced film'])
    expect(titlesOf(drama.items)).toEqual(['Fresh film', 'New series'])
    expect(page.headers.get('cache-control')).toMatch(/^public, max-age=\d+/)

    // Austria sees its own rail; a hidden rail is 404 by id.
    const austria = await get('/api/rails', 'AT')
    expect(austria.body.docs.map((rail: { title: string }) => rail.title)).toEqual([])
    const hiddenRail = await payload.find({
      collection: 'rails',
      where: { title: { equals: 'Nothing to see' } },
    })
    expect((await get(`/api/rails/${hiddenRail.docs[0].id}`)).status).toBe(404)
    expect((await get(`/api/rails/${created.body.doc.id}`)).body.items).toHaveLength(3)

    // GraphQL reads the same rails.
    const response = await fetch(`${http.url}/api/graphql`, {
      method: 'POST',
      headers: { 'x-viewer-territory': 'DE', 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ Rails { docs { title items { relationTo value { id title } } } totalDocs } }',
      }),
    })
    const graph = (await response.json()) as {
      data: { Rails: { docs: { title: string; items: Item[] }[]; totalDocs: number } }
    }
    expect(graph.data.Rails.docs.map((rail) => rail.title)).toEqual([
      'Editors pick',
      'Coming soon',
      'Drama',
    ])
    expect(titlesOf(graph.data.Rails.docs[0].items)).toEqual([
      'Old film',
      'New series',
      'Fresh film',
    ])

    // The public cannot write; staff read everything.
    const write = await fetch(`${http.url}/api/rails`, {
      method: 'POST',
      headers: { 'x-viewer-territory': 'DE', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Mine', kind: 'curated' }),
    })
    expect(write.status).toBe(403)
    const staff = await asEditor('/api/rails?limit=100')
    expect(staff.body.totalDocs).toBe(7)
  })

  run('a curated rail longer than a public page is read in pages', async () => {
    const unlicensed = []
    for (let index = 0; index < 35; index += 1) {
      const doc = await payload.create({
        collection: 'films',
        data: { title: `Unlicensed ${index}`, _status: 'published' },
      })
      unlicensed.push({ relationTo: 'films' as const, value: doc.id })
    }
    const rail = await payload.create({
      collection: 'rails',
      data: {
        title: 'Long',
        kind: 'curated',
        titles: [...unlicensed, { relationTo: 'films', value: ids.fresh }],
      },
    })
    const answer = await get(`/api/rails/${rail.id}`)
    expect(answer.status).toBe(200)
    expect(titlesOf(answer.body.items)).toEqual(['Fresh film'])
    await payload.delete({ collection: 'rails', id: rail.id })
  })

  run(
    'a genre rail without a genre and a schedule ending before it starts are refused',
    async () => {
      const noGenre = await asEditor('/api/rails', {
        method: 'POST',
        body: JSON.stringify({ title: 'Genre', kind: 'genre' }),
      })
      expect(noGenre.status).toBe(400)
      const backwards = await asEditor('/api/rails', {
        method: 'POST',
        body: JSON.stringify({
          title: 'Backwards',
          kind: 'curated',
          from: iso(now + 2 * day),
          until: iso(now + day),
        }),
      })
      expect(backwards.status).toBe(400)
    },
  )
})
