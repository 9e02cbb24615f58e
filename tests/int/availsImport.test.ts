import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { auditCatalog } from '../../src/rights/audit'
import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'
import { testBackends, type TestBackend } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'

const samples = path.resolve(__dirname, '../fixtures/ema-avails')
const sample = (name: string) => fs.readFileSync(path.join(samples, name))

type ImportBody = {
  id: number
  status: string
  format: string
  version: string
  zoneConvention: string
  counts: Record<string, number>
  diff: {
    create: { content: string[]; territory: string; licenceType: string; formats: string[] }[]
    update: { id: string; changes: string[] }[]
    delete: { id: string; reason: string }[]
    unchanged: string[]
    unmatchedTitles: { row: number; candidates: string[] }[]
    conflicts: unknown[]
  }
  rowErrors: { sheet: string; row: number; column: string | null; field: string; reason: string }[]
  audit?: { checked: number; differing: number }
  errors?: { message: string }[]
}

type Catalog = Record<string, string>

/** Titles the MovieLabs samples name, each reachable by a different identity rule. */
const createCatalog = async (payload: Payload): Promise<Catalog> => {
  const regions: [string, string][] = [
    ['US', 'America/New_York'],
    ['CA', 'America/Toronto'],
    ['ES', 'Europe/Madrid'],
    ['DE', 'Europe/Berlin'],
    ['FR', 'Europe/Paris'],
  ]
  for (const [code, timeZone] of regions) {
    await payload.create({
      collection: 'regions',
      data: { code, kind: 'country', name: code, timeZone },
    })
  }
  const keys: Catalog = {}
  const film = async (key: string, data: Record<string, unknown>) => {
    const doc = await payload.create({
      collection: 'films',
      data: { _status: 'published', ...data } as { title: string },
    })
    keys[key] = `films/${doc.id}`
  }
  await film('mountain', {
    title: 'The View from a Mountain',
    releaseYear: 2006,
    externalIds: { availsIds: ['VIEW_MT_2006', 'md:alid:eidr-s:1489-49A2-3956-4B2D-ZZ45-6'] },
  })
  // v1.9 names it by EIDR (md:cid:eidr-s:...), v1.7.2 by its ALIDs.
  await film('firstDance', {
    title: 'The First Dance',
    releaseYear: 2013,
    externalIds: {
      eidr: '10.5240/1489-49A2-3956-4B2D-FE16-A',
      availsIds: ['FIRSTDANCE_2012', 'FIRSTDANCE_2012_ES'],
    },
  })
  await film('lastDance', {
    title: 'The Last Dance',
    releaseYear: 1978,
    externalIds: { availsIds: ['FIRSTDANCE_2012_DE'] },
  })
  // Matched by the title-level EIDR (urn:eidr:10.5240:... in the XML).
  await film('bravados', {
    title: 'The Bravados',
    releaseYear: 1958,
    externalIds: { eidr: '10.5240/8FF3-1C20-84F5-F247-8BCD-E' },
  })
  // No identifier at all: title + release year.
  await film('dodgeball', { title: 'Dodgeball: A True Underdog Story', releaseYear: 2004 })
  for (const [key, alid, title] of [
    ['sith', '33603_OV', 'Star Wars: Revenge of the Sith'],
    ['menace', '33602_OV', 'Star Wars: The Phantom Menace'],
    ['clones', '33483_OV', 'Star Wars: Attack of the Clones'],
    ['jedi', '33601_OV', 'Star Wars: Return of the Jedi'],
    ['empire', '33600_OV', 'Star Wars: The Empire Strikes Back'],
  ]) {
    await film(key, { title, externalIds: { availsIds: [alid] } })
  }
  // Series, seasons and episodes are matched by series title + season + episode number.
  const tree = async (prefix: string, title: string, episodes: number[]) => {
    const series = await payload.create({
      collection: 'series',
      data: { title, _status: 'published' },
    })
    keys[`${prefix}Series`] = `series/${series.id}`
    const season = await payload.create({
      collection: 'seasons',
      data: { series: series.id, seasonNumber: 1, title: 'Season 1', _status: 'published' },
    })
    keys[`${prefix}Season`] = `seasons/${season.id}`
    for (const number of episodes) {
      const episode = await payload.create({
        collection: 'episodes',
        data: {
          season: season.id,
          episodeNumber: number,
          title: `Episode ${number}`,
          _status: 'published',
        },
      })
      keys[`${prefix}E${number}`] = `episodes/${episode.id}`
    }
  }
  await tree('detectives', 'The Detectives', [1, 2, 3, 4, 5, 6, 7, 8, 101])
  await tree('jake', 'Jake and the Neverland Pirates', [1, 2, 3])
  return keys
}

type Setup = {
  ctx: TestPayload
  payload: Payload
  server: PayloadHttpServer
  catalog: Catalog
  licensingKey: string
  editorKey: string
}

const setUp = async (backend: TestBackend): Promise<Setup> => {
  const ctx = await payloadFor(backend)
  const payload = ctx.payload
  const catalog = await createCatalog(payload)
  const user = async (role: 'licensing' | 'editor') => {
    const key = crypto.randomBytes(16).toString('hex')
    await payload.create({
      collection: 'users',
      data: {
        email: `${role}-${key.slice(0, 6)}@example.test`,
        password: 'a long password for the avails test',
        roles: [role],
        enableAPIKey: true,
        apiKey: key,
      },
    })
    return key
  }
  const licensingKey = await user('licensing')
  const editorKey = await user('editor')
  const server = await servePayloadOverHttp(payload)
  return { ctx, payload, server, catalog, licensingKey, editorKey }
}

const upload = async (
  setup: Setup,
  name: string,
  data: Uint8Array | string,
  fields: Record<string, string> = {},
  key: string | null = setup.licensingKey,
) => {
  const form = new FormData()
  form.append('file', new Blob([data]), name)
  for (const [field, value] of Object.entries(fields)) form.append(field, value)
  const response = await fetch(`${setup.server.url}/api/avails/imports`, {
    method: 'POST',
    body: form,
    headers: key ? { Authorization: `users API-Key ${key}` } : {},
  })
  return { status: response.status, body: (await response.json()) as ImportBody }
}

const apply = async (setup: Setup, id: number, skipErrorRows = false) => {
  const response = await fetch(`${setup.server.url}/api/avails/imports/${id}/apply`, {
    method: 'POST',
    body: JSON.stringify({ skipErrorRows }),
    headers: {
      Authorization: `users API-Key ${setup.licensingKey}`,
      'Content-Type': 'application/json',
    },
  })
  return { status: response.status, body: (await response.json()) as ImportBody }
}

const licences = async (payload: Payload) =>
  (
    await payload.find({
      collection: 'licences',
      pagination: false,
      depth: 0,
      sort: 'id',
      overrideAccess: true,
    })
  ).docs

const windowOf = async (payload: Payload, contentKey: string, territory: string, type: string) =>
  (await licences(payload))
    .filter(
      (licence) => licence.contentKeys?.includes(contentKey) && licence.licenceType === type,
    )
    .flatMap((licence) =>
      (licence.resolvedWindows ?? [])
        .filter((window) => window.territory === territory)
        .map((window) => ({ start: window.start, end: window.end ?? null, formats: licence.formats })),
    )
    .sort((a, b) => a.start.localeCompare(b.start))

const expectCleanAudit = async (payload: Payload) => {
  const audit = await auditCatalog(payload)
  expect(audit.differing).toBe(0)
}

/** Expected outcome of each MovieLabs sample against the fixture catalog. */
const expectations: {
  file: string
  format: string
  version: string
  licences: number
  errorRows: number[]
  matched: string[]
  windows: { title: string; territory: string; type: string; start: string; end: string | null }[]
}[] = [
  {
    file: 'Movies_v1.7.2.xlsx',
    format: 'xlsx',
    version: '1.7',
    // 27 rows: 2 POEST rows refused, 1 Full Delete (nothing to delete yet); the other 24 rows
    // merge into 7 licences: HD and SD, and the dubbed-language rows of the same terms.
    licences: 7,
    errorRows: [6, 7],
    matched: ['mountain', 'firstDance'],
    windows: [
      // Date-only: local midnight in Toronto; the End date 2013-05-28 includes that day.
      { title: 'firstDance', territory: 'CA', type: 'est', start: '2013-05-14T04:00:00Z', end: '2013-05-29T04:00:00Z' },
      { title: 'firstDance', territory: 'ES', type: 'tvod', start: '2013-05-27T22:00:00Z', end: '2013-09-20T22:00:00Z' },
    ],
  },
  {
    file: 'Movies_v1.9.xlsx',
    format: 'xlsx',
    version: '1.9',
    // Like 1.7.2, but the US HD row is exclusive and the SD row is not: two licences there.
    licences: 8,
    errorRows: [6, 7],
    matched: ['mountain', 'firstDance'],
    windows: [
      { title: 'mountain', territory: 'US', type: 'est', start: '2013-06-14T04:00:00Z', end: null },
    ],
  },
  {
    file: 'TV_v1.8.xlsx',
    format: 'xlsx',
    version: '1.8',
    licences: 21,
    errorRows: [],
    matched: ['detectivesSeason', 'detectivesE1', 'detectivesE8', 'detectivesE101'],
    windows: [
      { title: 'detectivesE1', territory: 'FR', type: 'est', start: '2013-05-13T22:00:00Z', end: null },
    ],
  },
  {
    file: 'TV_v1.9.xlsx',
    format: 'xlsx',
    version: '1.9',
    licences: 20,
    errorRows: [],
    matched: ['detectivesSeason', 'detectivesE1', 'detectivesE8', 'detectivesE101'],
    windows: [
      { title: 'detectivesSeason', territory: 'US', type: 'est', start: '2013-05-14T04:00:00Z', end: null },
    ],
  },
  {
    file: 'Avails_noErrors_v2.4.xml',
    format: 'xml',
    version: '2.4',
    // 24 transactions: HD + SD of one avail merge; Dodgeball has EST and VOD (tvod).
    licences: 13,
    errorRows: [],
    matched: ['bravados', 'dodgeball', 'sith', 'jedi', 'jakeSeason', 'jakeE1', 'jakeE3'],
    windows: [
      // Zone-less date-times, read in New York (the territory's reference zone).
      { title: 'sith', territory: 'US', type: 'est', start: '2017-05-05T04:00:00Z', end: '2017-12-12T04:59:59Z' },
      // The Collection names all five films it bundles.
      { title: 'empire', territory: 'US', type: 'est', start: '2017-05-05T04:00:00Z', end: '2017-12-12T04:59:59Z' },
      { title: 'dodgeball', territory: 'US', type: 'tvod', start: '2007-05-01T04:00:00Z', end: null },
    ],
  },
]

describe.each(testBackends)('EMA Avails import on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)

  describe.each(expectations)('$file', (expected) => {
    let setup: Setup
    beforeAll(async () => {
      if (backend.serverUrl) setup = await setUp(backend)
    })
    afterAll(async () => {
      await setup?.server.close()
      await setup?.ctx.destroy()
    })

    run('dry run, apply, then the same file again changes nothing', async () => {
      const { payload, catalog } = setup
      const dry = await upload(setup, expected.file, sample(expected.file))
      expect(dry.status, JSON.stringify(dry.body.errors)).toBe(201)
      expect(dry.body).toMatchObject({ status: 'dryRun', format: expected.format, version: expected.version, zoneConvention: 'territory' })
      expect(dry.body.counts.create).toBe(expected.licences)
      expect(dry.body.counts.unmatchedTitles).toBe(0)
      expect([...new Set(dry.body.rowErrors.map((error) => error.row))]).toEqual(expected.errorRows)
      for (const error of dry.body.rowErrors) {
        expect(error.sheet).toBeTruthy()
        expect(error.column).toBeTruthy()
        expect(error.reason).toBeTruthy()
      }
      // Nothing is written by a dry run.
      expect(await licences(payload)).toHaveLength(0)

      if (expected.errorRows.length > 0) {
        const refused = await apply(setup, dry.body.id)
        expect(refused.status).toBe(409)
        expect(await licences(payload)).toHaveLength(0)
      }
      const applied = await apply(setup, dry.body.id, expected.errorRows.length > 0)
      expect(applied.status, JSON.stringify(applied.body.errors)).toBe(200)
      expect(applied.body.audit?.differing).toBe(0)
      const stored = await licences(payload)
      expect(stored).toHaveLength(expected.licences)
      const named = new Set(stored.flatMap((licence) => licence.contentKeys ?? []))
      for (const title of expected.matched) expect(named, title).toContain(catalog[title])
      for (const licence of stored) {
        expect(licence.availsKey).toBeTruthy()
        expect(licence.availsImport).toBe(dry.body.id)
        expect((licence.availsSource as { rows: unknown[] }).rows.length).toBeGreaterThan(0)
      }
      for (const window of expected.windows) {
        const found = await windowOf(payload, catalog[window.title], window.territory, window.type)
        expect(found.map(({ start, end }) => ({ start, end })), window.title).toContainEqual({
          start: window.start,
          end: window.end,
        })
      }
      await expectCleanAudit(payload)

      const updatedAt = stored.map((licence) => licence.updatedAt)
      const again = await upload(setup, expected.file, sample(expected.file))
      expect(again.body.counts).toMatchObject({ create: 0, update: 0, delete: 0, unchanged: expected.licences })
      const reapplied = await apply(setup, again.body.id, expected.errorRows.length > 0)
      expect(reapplied.status).toBe(200)
      const after = await licences(payload)
      expect(after.map((licence) => licence.updatedAt)).toEqual(updatedAt)
      // An applied import is not applied twice.
      expect((await apply(setup, dry.body.id, true)).status).toBe(409)
    }, 180_000)
  })
})
