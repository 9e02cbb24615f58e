import crypto from 'node:crypto'

import { parse } from 'csv-parse/sync'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'
import { loadRoleDashboard } from '../../src/dashboard/roleDashboard'
import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'
import { createCountries, createGrant, createKeyUser } from './support/fixtures'

const day = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

/**
 * GET /api/licences/reports over HTTP: a seeded conflict, a rights gap and a licence ending
 * soon, as CSV and JSON, and who may read them.
 */
describe.each(testBackends)('rights reports CSV on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)
  let ctx: TestPayload
  let payload: Payload
  let http: PayloadHttpServer
  const keys = { licensing: '', editor: '', viewer: '' }
  const ids: Record<string, number | string> = {}
  const now = Date.now()
  const endingAt = now + 10 * day

  const licence = (film: string, data: Record<string, unknown>) =>
    createGrant(
      payload,
      { relationTo: 'films', value: ids[film] },
      { territories: ['DE', 'US', 'CN'], ...data },
    )

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    await createCountries(payload, ['DE', 'US', 'CN'])
    for (const [key, title] of [
      ['clash', 'Clash of Grants'],
      ['gap', 'Gap Film'],
      ['ending', 'Ending Soon Film'],
    ]) {
      const doc = await payload.create({
        collection: 'films',
        data: { title, _status: 'published' },
      })
      ids[key] = doc.id
    }
    // Two exclusive SVOD grants of one film in DE whose windows overlap: a conflict.
    const first = await licence('clash', {
      contractId: 'CLASH-A',
      exclusive: true,
      territories: ['DE'],
      start: '2026-01-01',
      end: '2026-06-30',
    })
    const second = await licence('clash', {
      contractId: 'CLASH-B',
      exclusive: true,
      territories: ['DE'],
      start: '2026-03-01',
    })
    ids.first = first.id
    ids.second = second.id
    await licence('clash', {
      contractId: 'CLASH-WORLD',
      territories: ['US', 'CN'],
      start: iso(now - day),
    })
    // Gap Film has no licence anywhere. Ending Soon Film's DE window ends in ten days.
    await licence('ending', {
      contractId: 'ENDING-DE',
      territories: ['DE'],
      start: iso(now - 5 * day),
      end: iso(endingAt),
    })
    await licence('ending', {
      contractId: 'ENDING-REST',
      territories: ['US', 'CN'],
      start: iso(now - 5 * day),
    })

    for (const [role, roles] of [
      ['licensing', ['licensing']],
      ['editor', ['editor']],
      ['viewer', []],
    ] as const) {
      keys[role] = crypto.randomUUID()
      await createKeyUser(payload, [...roles], keys[role])
    }
    const draft = await payload.create({
      collection: 'films',
      draft: true,
      data: { title: 'Draft Without Video', _status: 'draft' },
    })
    ids.draft = draft.id
    // What the admin's "Schedule publish" drawer queues.
    await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(now + 3 * day),
      input: { type: 'publish', doc: { relationTo: 'films', value: draft.id } },
    })
    await payload.create({
      collection: 'avails-imports',
      data: { fileName: 'studio-avails.xlsx', status: 'applied' },
    })
    http = await servePayloadOverHttp(payload)
  }, 300_000)
  afterAll(async () => {
    await http?.close()
    await ctx?.destroy()
  })

  const get = (query: string, key: string | null = keys.licensing) =>
    fetch(`${http.url}/api/licences/reports${query}`, {
      headers: key ? { authorization: `users API-Key ${key}` } : {},
    })
  const csvOf = async (report: string) => {
    const response = await get(`?report=${report}&format=csv`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`attachment; filename="rights-${report}-\\d{4}-\\d{2}-\\d{2}\\.csv"`),
    )
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const [header, ...rows] = parse(await response.text()) as string[][]
    return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]])))
  }

  run('refuses anyone without a staff role with 403, the public too', async () => {
    expect((await get('?report=gaps&format=csv', keys.viewer)).status).toBe(403)
    expect((await get('?report=gaps&format=csv', null)).status).toBe(403)
    // Editors are staff: the reports are read-only.
    expect((await get('?report=gaps&format=csv', keys.editor)).status).toBe(200)
  })

  run('answers 400 naming the parameter for an unknown report, format or days', async () => {
    for (const [query, field] of [
      ['?report=everything&format=csv', 'report'],
      ['?report=gaps&format=xlsx', 'format'],
      ['?format=csv', 'report'],
      ['?report=endingSoon&days=0', 'days'],
    ]) {
      const response = await get(query)
      expect(response.status).toBe(400)
      const body = (await response.json()) as { errors: { data: { errors: { path: string }[] } }[] }
      expect(body.errors[0].data.errors[0].path).toBe(field)
    }
  })

  run(
    'writes the conflict once, with titles by name and UTC instants beside local days',
    async () => {
      const rows = await csvOf('conflicts')
      expect(rows).toEqual([
        {
          titles: 'Clash of Grants',
          titlesKeys: `films/${ids.clash}`,
          territory: 'DE',
          licenceType: 'SVOD',
          licence: 'CLASH-A',
          licenceId: String(ids.first),
          otherLicence: 'CLASH-B',
          otherLicenceId: String(ids.second),
          // 1 March in Berlin (CET) begins at 23:00 UTC the day before.
          overlapStartUtc: '2026-02-28T23:00:00.000Z',
          overlapStartLocalDate: '2026-03-01',
          overlapStartTimeZone: 'Europe/Berlin',
          // The end day 30 June is included: the window ends at midnight CEST.
          overlapEndUtc: '2026-06-30T22:00:00.000Z',
          overlapEndLocalDate: '2026-06-30',
          overlapEndTimeZone: 'Europe/Berlin',
        },
      ])
    },
  )

  run('lists every launch territory of a published film without a licence as a gap', async () => {
    const rows = await csvOf('gaps')
    expect(rows.filter((row) => row.titles === 'Gap Film').map((row) => row.territory)).toEqual([
      'CN',
      'US',
      'DE',
    ])
    expect(rows.find((row) => row.titles === 'Gap Film')).toMatchObject({
      titlesKeys: `films/${ids.gap}`,
      lastGrantEndUtc: '',
      lastGrantEndLocalDate: '',
    })
    // Licensed everywhere (in force or to come): no gap.
    expect(rows.map((row) => row.titles)).not.toContain('Clash of Grants')
    expect(rows.map((row) => row.titles)).not.toContain('Ending Soon Film')
  })

  run('lists the window ending within the days asked for, and not beyond', async () => {
    const rows = await csvOf('endingSoon')
    expect(rows).toEqual([
      {
        endUtc: new Date(Date.parse(iso(endingAt))).toISOString(),
        endLocalDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
          Date.parse(iso(endingAt)) - 1,
        ),
        endTimeZone: 'Europe/Berlin',
        daysLeft: expect.stringMatching(/^(10|11)$/),
        territory: 'DE',
        titles: 'Ending Soon Film',
        titlesKeys: `films/${ids.ending}`,
        licence: 'ENDING-DE',
        licenceId: expect.any(String),
        licenceType: 'SVOD',
        kind: 'grant',
      },
    ])
    const json = (await (await get('?report=endingSoon&days=5')).json()) as { rows: unknown[] }
    expect(json.rows).toEqual([])
  })

  run('answers every report as JSON without a report named', async () => {
    const response = await get('')
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      launchTerritories: string[]
      reports: Record<string, { rows: unknown[] }>
    }
    expect(body.launchTerritories).toEqual(['CN', 'US', 'DE'])
    expect(Object.keys(body.reports).sort()).toEqual(
      ['audit', 'conflicts', 'endingSoon', 'gaps', 'groupDrift', 'warnings'].sort(),
    )
    expect(body.reports.conflicts.rows).toHaveLength(1)
  })

  const dashboardOf = async (role: 'licensing' | 'editor' | 'admin') => {
    const user = await payload.create({
      collection: 'users',
      data: {
        email: `${role}-${crypto.randomUUID()}@example.test`,
        password: 'correct horse battery',
        roles: [role],
      },
    })
    return loadRoleDashboard(
      await createLocalReq({ user: { ...user, collection: 'users' } }, payload),
    )
  }
  const cardsOf = (cards: { kind: string; count: number; items: { label: string }[] }[] | null) =>
    Object.fromEntries(
      (cards ?? []).map((card) => [
        card.kind,
        { count: card.count, labels: card.items.map((item) => item.label) },
      ]),
    )

  run(
    'shows licensing staff ending soon, conflicts, gaps and imports on the dashboard',
    async () => {
      const dashboard = await dashboardOf('licensing')
      expect(dashboard.editorial).toBeNull()
      const cards = cardsOf(dashboard.licensing)
      expect(Object.keys(cards)).toEqual(['endingSoon', 'conflicts', 'gaps', 'imports'])
      expect(cards.endingSoon).toEqual({ count: 1, labels: ['Ending Soon Film'] })
      expect(cards.conflicts).toEqual({ count: 1, labels: ['Clash of Grants'] })
      expect(cards.gaps).toEqual({ count: 3, labels: ['Gap Film', 'Gap Film', 'Gap Film'] })
      expect(cards.imports).toEqual({ count: 1, labels: ['studio-avails.xlsx'] })
    },
  )

  run(
    'shows editors drafts, scheduled publishes and titles without a video; admins both',
    async () => {
      const dashboard = await dashboardOf('editor')
      expect(dashboard.licensing).toBeNull()
      const cards = cardsOf(dashboard.editorial)
      expect(cards.drafts).toEqual({ count: 1, labels: ['Draft Without Video'] })
      expect(cards.scheduled).toEqual({ count: 1, labels: ['Draft Without Video'] })
      // No film here has a video.
      expect(cards.noVideo.count).toBe(4)
      const admin = await dashboardOf('admin')
      expect(admin.licensing?.length).toBe(4)
      expect(admin.editorial?.length).toBe(3)
    },
  )
})
