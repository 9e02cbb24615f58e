import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'
import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'
import { createCountries, createGrant, createKeyUser } from './support/fixtures'

type Id = number
const day = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

type Cell = {
  territory: string
  state: string
  date: string | null
  reasons: string[]
  announcedAt: string | null
}
type Row = { collection: string; id: string; title: string; published: boolean; cells: Cell[] }
type Matrix = {
  at: string
  territories: string[]
  timeZones: Record<string, string | null>
  collection: string
  rows: Row[]
  page: number
  limit: number
  totalDocs: number
  totalPages: number
}
type Answer = {
  status: number
  body: Matrix & { errors?: { message: string; data?: { errors: { path: string }[] } }[] }
}

/**
 * GET /api/availability/matrix over HTTP: a small catalog with one film per state (available,
 * upcoming, expired, held back, gated in China, none), filters, pages and refusals.
 */
describe.each(testBackends)('availability matrix on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)
  let ctx: TestPayload
  let payload: Payload
  let http: PayloadHttpServer
  const keys = { licensing: '', editor: '', admin: '' }
  const ids = {} as Record<string, Id>
  const now = Date.now()

  const licence = (key: string, data: Record<string, unknown>, relationTo = 'films') =>
    createGrant(payload, { relationTo, value: ids[key] }, data)

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    await createCountries(payload, ['DE', 'US', 'CN', 'FR'], ['CN'])
    await payload.create({
      collection: 'regions',
      data: { code: 'DACH', kind: 'group', name: 'DACH' },
    })
    const film = async (key: string, title: string, data: Record<string, unknown> = {}) => {
      const doc = await payload.create({
        collection: 'films',
        data: { title, _status: 'published', ...data },
      })
      ids[key] = doc.id
    }
    await film('available', 'Alpha available')
    await licence('available', {
      start: iso(now - 10 * day),
      end: iso(now + 100 * day),
      formats: ['hd'],
    })
    await film('upcoming', 'Bravo upcoming')
    await licence('upcoming', { start: iso(now + 20 * day), announceAt: iso(now - day) })
    await film('expired', 'Charlie expired')
    await licence('expired', { start: iso(now - 30 * day), end: iso(now - 2 * day) })
    await film('heldBack', 'Delta held back')
    await licence('heldBack', { start: iso(now - 10 * day) })
    await licence('heldBack', {
      kind: 'holdback',
      holdbackStrength: 'hard',
      start: iso(now - day),
      end: iso(now + 5 * day),
    })
    await film('gated', 'Echo gated in China')
    await licence('gated', { start: iso(now - 10 * day), territories: ['DE', 'CN', 'US'] })
    await film('none', 'Foxtrot without rights')
    await film('article', 'The Bravo remake')
    await film('avod', 'Golf AVOD in UHD')
    await licence('avod', { licenceType: 'avod', formats: ['uhd'], start: iso(now - 10 * day) })
    const series = await payload.create({
      collection: 'series',
      data: { title: 'Hotel series', _status: 'published' },
    })
    ids.series = series.id
    const season = await payload.create({
      collection: 'seasons',
      data: { series: series.id, seasonNumber: 1, title: 'Hotel S1', _status: 'published' },
    })
    await payload.create({
      collection: 'episodes',
      data: { season: season.id, episodeNumber: 1, title: 'Hotel pilot', _status: 'published' },
    })
    await licence('series', { start: iso(now - day), territories: ['FR'] }, 'series')

    for (const role of ['licensing', 'editor', 'admin'] as const) {
      keys[role] = crypto.randomUUID()
      await createKeyUser(payload, [role], keys[role])
    }
    http = await servePayloadOverHttp(payload)
  }, 300_000)
  afterAll(async () => {
    await http?.close()
    await ctx?.destroy()
  })

  const matrix = async (query: string, key: string | null = keys.licensing): Promise<Answer> => {
    const response = await fetch(`${http.url}/api/availability/matrix${query}`, {
      headers: key ? { authorization: `users API-Key ${key}` } : {},
    })
    return { status: response.status, body: await response.json() }
  }
  const cellOf = (body: Matrix, title: string, territory: string) => {
    const row = body.rows.find((candidate) => candidate.title === title)
    return row?.cells.find((cell) => cell.territory === territory)
  }
  const statesIn = (body: Matrix, territory: string) =>
    Object.fromEntries(
      body.rows.map((row) => [row.title, cellOf(body, row.title, territory)?.state]),
    )

  run('answers each title by its sort title in the launch territories with its state', async () => {
    const { status, body } = await matrix('')
    expect(status).toBe(200)
    expect(body.territories).toEqual(['CN', 'US', 'DE'])
    expect(body.timeZones).toEqual({
      CN: 'Asia/Shanghai',
      US: 'America/New_York',
      DE: 'Europe/Berlin',
    })
    expect(body.collection).toBe('films')
    expect(body.rows.map((row) => row.title)).toEqual([
      'Alpha available',
      'The Bravo remake',
      'Bravo upcoming',
      'Charlie expired',
      'Delta held back',
      'Echo gated in China',
      'Foxtrot without rights',
      'Golf AVOD in UHD',
    ])
    expect(statesIn(body, 'DE')).toEqual({
      'Alpha available': 'available',
      'The Bravo remake': 'none',
      'Bravo upcoming': 'upcoming',
      'Charlie expired': 'expired',
      'Delta held back': 'heldBack',
      'Echo gated in China': 'available',
      'Foxtrot without rights': 'none',
      'Golf AVOD in UHD': 'available',
    })
    expect(cellOf(body, 'Echo gated in China', 'CN')).toMatchObject({
      state: 'gated',
      reasons: ['POLICY_GATE'],
    })
    expect(cellOf(body, 'Echo gated in China', 'US')?.state).toBe('available')
    expect(cellOf(body, 'Alpha available', 'CN')).toMatchObject({
      state: 'none',
      reasons: ['NO_GRANT', 'POLICY_GATE'],
    })
    // The dates that go with the states.
    const dateOf = (title: string) => Date.parse(cellOf(body, title, 'DE')?.date ?? '')
    expect(dateOf('Alpha available')).toBe(Date.parse(iso(now + 100 * day)))
    expect(dateOf('Bravo upcoming')).toBe(Date.parse(iso(now + 20 * day)))
    expect(Date.parse(cellOf(body, 'Bravo upcoming', 'DE')?.announcedAt ?? '')).toBe(
      Date.parse(iso(now - day)),
    )
    expect(dateOf('Charlie expired')).toBe(Date.parse(iso(now - 2 * day)))
    expect(dateOf('Delta held back')).toBe(Date.parse(iso(now + 5 * day)))
    expect(cellOf(body, 'Delta held back', 'DE')?.reasons).toEqual(['HOLDBACK'])
    expect(body.rows[0]).toMatchObject({
      collection: 'films',
      id: String(ids.available),
      published: true,
    })
  })

  run('moves with the instant', async () => {
    const before = (await matrix(`?at=${iso(now - 20 * day)}`)).body
    expect(statesIn(before, 'DE')).toMatchObject({
      'Alpha available': 'upcoming',
      'Charlie expired': 'available',
      'Delta held back': 'upcoming',
    })
    expect(Date.parse(cellOf(before, 'Alpha available', 'DE')?.date ?? '')).toBe(
      Date.parse(iso(now - 10 * day)),
    )
    const later = (await matrix(`?at=${iso(now + 30 * day)}`)).body
    expect(statesIn(later, 'DE')).toMatchObject({
      'Bravo upcoming': 'available',
      'Delta held back': 'available',
    })
  })

  run('filters by licence type, format, title and collection', async () => {
    const avod = (await matrix('?licenceType=avod&territories=DE')).body
    expect(statesIn(avod, 'DE')).toMatchObject({
      'Alpha available': 'none',
      'Golf AVOD in UHD': 'available',
    })
    const uhd = (await matrix('?format=uhd&territories=DE')).body
    expect(statesIn(uhd, 'DE')).toMatchObject({
      'Alpha available': 'none',
      'Golf AVOD in UHD': 'available',
    })
    const hd = (await matrix('?format=HD&licenceType=SVOD&territories=DE')).body
    expect(cellOf(hd, 'Alpha available', 'DE')?.state).toBe('available')
    const searched = (await matrix('?q=echo')).body
    expect(searched.rows.map((row) => row.title)).toEqual(['Echo gated in China'])
    expect(searched.totalDocs).toBe(1)
    const series = (await matrix('?collection=series&territories=FR,DE')).body
    expect(series.rows.map((row) => row.title)).toEqual(['Hotel series'])
    expect(series.territories).toEqual(['FR', 'DE'])
    expect(statesIn(series, 'FR')).toEqual({ 'Hotel series': 'available' })
    expect(statesIn(series, 'DE')).toEqual({ 'Hotel series': 'none' })
    const episodes = (await matrix('?collection=episodes&territories=FR')).body
    expect(episodes.rows.map((row) => [row.title, row.cells[0].state])).toEqual([
      ['Hotel pilot', 'available'],
    ])
  })

  run('pages by name, with the limit capped', async () => {
    const second = (await matrix('?limit=3&page=2')).body
    expect(second).toMatchObject({ page: 2, limit: 3, totalDocs: 8, totalPages: 3 })
    expect(second.rows.map((row) => row.title)).toEqual([
      'Charlie expired',
      'Delta held back',
      'Echo gated in China',
    ])
    const huge = await matrix('?limit=100000')
    expect(huge.status).toBe(200)
    expect(huge.body.limit).toBe(100)
    expect(huge.body.rows).toHaveLength(8)
  })

  run('answers 400 naming the parameter for bad input', async () => {
    const cases: [string, string][] = [
      ['?at=yesterday', 'at'],
      ['?at=', 'at'],
      ['?licenceType=cinema', 'licenceType'],
      ['?format=8k', 'format'],
      ['?collection=people', 'collection'],
      ['?page=0', 'page'],
      ['?page=two', 'page'],
      ['?limit=-5', 'limit'],
      ['?territories=XX', 'territories'],
      ['?territories=DE,DACH', 'territories'],
      ['?territories=,', 'territories'],
    ]
    for (const [query, path] of cases) {
      const { status, body } = await matrix(query)
      expect([query, status]).toEqual([query, 400])
      expect(body.errors?.[0]?.data?.errors[0]?.path).toBe(path)
    }
  })

  run('is for licensing staff and admins only', async () => {
    expect((await matrix('', keys.editor)).status).toBe(403)
    expect((await matrix('', null)).status).toBe(401)
    const asAdmin = await matrix('?territories=de', keys.admin)
    expect(asAdmin.status).toBe(200)
    expect(asAdmin.body.territories).toEqual(['DE'])
  })
})
