import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'
import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'
import { createCountries, createGrant, createKeyUser } from './support/fixtures'

type Bar = {
  licenceId: string
  contractId: string | null
  kind: string
  holdbackStrength: string | null
  start: string
  end: string | null
  firstLocalDay: string
  lastLocalDay: string | null
  left: number
  width: number
  row: number
  inConflict: boolean
  via: string | null
  description: string
}
type Lane = {
  territory: string
  licenceType: string
  timeZone: string
  rows: number
  bars: Bar[]
  conflicts: {
    licenceIds: string[]
    overlapStart: string
    overlapEnd: string | null
    left: number
  }[]
}
type Timeline = {
  content: string
  from: string
  until: string
  today: { at: string; left: number } | null
  months: { start: string; label: string; left: number }[]
  lanes: Lane[]
  errors?: { message: string }[]
}

const from = '2026-01-01T00:00:00.000Z'
const until = '2028-01-01T00:00:00.000Z'
const span = Date.parse(until) - Date.parse(from)
const fraction = (iso: string) => (Date.parse(iso) - Date.parse(from)) / span

/**
 * GET /api/availability/timeline over HTTP: a film with two overlapping exclusive grants in DE
 * (a recorded conflict), a hard holdback, a TVOD grant in the US, and a series licence reaching
 * an episode; lanes, bar positions, refusals.
 */
describe.each(testBackends)('title timeline on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)
  let ctx: TestPayload
  let payload: Payload
  let http: PayloadHttpServer
  const keys = { licensing: '', editor: '', admin: '', consumer: '' }
  const ids = {} as Record<string, number>

  const licence = async (data: Record<string, unknown>) =>
    (await createGrant(payload, { relationTo: 'films', value: ids.film }, data)).id

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    await createCountries(payload, ['DE', 'US'])
    ids.film = (
      await payload.create({
        collection: 'films',
        data: { title: 'Timeline film', _status: 'published' },
      })
    ).id
    ids.spring = await licence({
      contractId: 'DE-SPRING',
      exclusive: true,
      formats: ['hd'],
      start: '2026-03-01',
      end: '2026-08-31',
    })
    ids.autumn = await licence({
      contractId: 'DE-AUTUMN',
      exclusive: true,
      start: '2026-07-01',
      end: '2026-12-31',
    })
    ids.holdback = await licence({
      contractId: 'DE-HOLD',
      kind: 'holdback',
      holdbackStrength: 'hard',
      start: '2026-05-01',
      end: '2026-05-31',
    })
    ids.us = await licence({
      contractId: 'US-TVOD',
      licenceType: 'tvod',
      formats: ['hd', 'uhd'],
      territories: ['US'],
      start: '2026-06-01',
    })
    const series = await payload.create({
      collection: 'series',
      data: { title: 'Timeline series', _status: 'published' },
    })
    const season = await payload.create({
      collection: 'seasons',
      data: { series: series.id, seasonNumber: 1, title: 'S1', _status: 'published' },
    })
    ids.series = series.id
    ids.episode = (
      await payload.create({
        collection: 'episodes',
        data: { season: season.id, episodeNumber: 1, title: 'Pilot', _status: 'published' },
      })
    ).id
    ids.seriesLicence = await licence({
      contractId: 'SERIES-DE',
      content: [{ relationTo: 'series', value: series.id }],
      start: '2026-02-01',
    })

    for (const role of ['licensing', 'editor', 'admin', 'consumer'] as const) {
      keys[role] = crypto.randomUUID()
      await createKeyUser(payload, role === 'consumer' ? [] : [role], keys[role])
    }
    http = await servePayloadOverHttp(payload)
  }, 300_000)
  afterAll(async () => {
    await http?.close()
    await ctx?.destroy()
  })

  const timeline = async (
    query: string,
    key: string | null = keys.licensing,
  ): Promise<{ status: number; body: Timeline }> => {
    const response = await fetch(`${http.url}/api/availability/timeline?${query}`, {
      headers: key ? { authorization: `users API-Key ${key}` } : {},
    })
    return { status: response.status, body: (await response.json()) as Timeline }
  }
  const range = `from=${from}&until=${until}`

  run('answers lanes per territory and licence type with positioned bars', async () => {
    const { status, body } = await timeline(`content=films/${ids.film}&${range}`)
    expect(status).toBe(200)
    expect(body.content).toBe(`films/${ids.film}`)
    expect(body.from).toBe(from)
    expect(body.until).toBe(until)
    expect(body.months).toHaveLength(24)
    expect(body.lanes.map((lane) => `${lane.territory}/${lane.licenceType}`)).toEqual([
      'DE/svod',
      'US/tvod',
    ])
    const [de, us] = body.lanes
    expect(de?.timeZone).toBe('Europe/Berlin')
    expect(de?.bars.map((bar) => [bar.contractId, bar.kind, bar.row])).toEqual([
      ['DE-SPRING', 'grant', 0],
      ['DE-HOLD', 'holdback', 1],
      ['DE-AUTUMN', 'grant', 1],
    ])
    const spring = de?.bars[0]
    // Date-only days are local midnights in Berlin; the end day is included.
    expect(spring).toMatchObject({
      licenceId: String(ids.spring),
      start: '2026-02-28T23:00:00.000Z',
      end: '2026-08-31T22:00:00.000Z',
      firstLocalDay: '2026-03-01',
      lastLocalDay: '2026-08-31',
      inConflict: true,
      via: null,
    })
    expect(spring?.left).toBeCloseTo(fraction('2026-02-28T23:00:00.000Z'), 9)
    expect(spring?.width).toBeCloseTo(
      fraction('2026-08-31T22:00:00.000Z') - fraction('2026-02-28T23:00:00.000Z'),
      9,
    )
    expect(spring?.description).toContain('Contract DE-SPRING')
    expect(spring?.description).toContain('DE from 2026-03-01 (Europe/Berlin), 2026-02-28T23:00Z')
    expect(de?.bars[1]).toMatchObject({ holdbackStrength: 'hard', inConflict: false })
    expect(us?.bars).toHaveLength(1)
    expect(us?.bars[0]).toMatchObject({
      contractId: 'US-TVOD',
      start: '2026-06-01T04:00:00.000Z',
      end: null,
      firstLocalDay: '2026-06-01',
    })
    expect((us?.bars[0]?.left ?? 0) + (us?.bars[0]?.width ?? 0)).toBeCloseTo(1, 9)
  })

  run('marks the recorded conflict of the two exclusive grants once', async () => {
    const { body } = await timeline(`content=films/${ids.film}&${range}`)
    const de = body.lanes.find((lane) => lane.territory === 'DE')
    expect(de?.conflicts).toHaveLength(1)
    expect(de?.conflicts[0]).toMatchObject({
      licenceIds: [String(ids.spring), String(ids.autumn)].sort(),
      overlapStart: '2026-06-30T22:00:00.000Z',
      overlapEnd: '2026-08-31T22:00:00.000Z',
    })
    expect(de?.conflicts[0]?.left).toBeCloseTo(fraction('2026-06-30T22:00:00.000Z'), 9)
    expect(body.lanes.find((lane) => lane.territory === 'US')?.conflicts).toEqual([])
  })

  run('shows a series licence on its episode, through the series', async () => {
    const { status, body } = await timeline(`content=episodes/${ids.episode}&${range}`)
    expect(status).toBe(200)
    expect(body.lanes).toHaveLength(1)
    expect(body.lanes[0]?.bars[0]).toMatchObject({
      contractId: 'SERIES-DE',
      via: `series/${ids.series}`,
    })
  })

  run('defaults to six months back and 18 ahead, widened to the windows', async () => {
    const { body } = await timeline(`content=films/${ids.film}`)
    const now = new Date()
    const sixMonthsBack = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6, 1))
    expect(Date.parse(body.from)).toBeLessThanOrEqual(sixMonthsBack.getTime())
    expect(Date.parse(body.from)).toBeLessThanOrEqual(Date.parse('2026-02-01T00:00:00.000Z'))
    expect(body.today?.at).toBeDefined()
    expect(body.lanes.map((lane) => lane.territory)).toEqual(['DE', 'US'])
  })

  run('every staff role may read it; the public and non-staff keys get 403', async () => {
    for (const key of [keys.editor, keys.admin, keys.licensing]) {
      expect((await timeline(`content=films/${ids.film}`, key)).status).toBe(200)
    }
    expect((await timeline(`content=films/${ids.film}`, null)).status).toBe(403)
    expect((await timeline(`content=films/${ids.film}`, keys.consumer)).status).toBe(403)
  })

  run('answers 400 naming the parameter, 404 for an unknown title', async () => {
    const cases: [string, RegExp][] = [
      ['', /content/],
      ['content=licences/1', /content/],
      ['content=films', /content/],
      ['content=films/abc', /content/],
      [`content=films/${ids.film}&from=yesterday`, /from/],
      [`content=films/${ids.film}&until=2026-13-45`, /until/],
      [`content=films/${ids.film}&from=${until}&until=${from}`, /until/],
    ]
    for (const [query, message] of cases) {
      const { status, body } = await timeline(query)
      expect({ query, status }).toEqual({ query, status: 400 })
      expect(body.errors?.[0]?.message).toMatch(message)
    }
    const missing = await timeline('content=films/999999')
    expect(missing.status).toBe(404)
  })
})
