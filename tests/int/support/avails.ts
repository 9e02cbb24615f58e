import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { type PayloadHttpServer, servePayloadOverHttp } from '../../fakes/payloadHttp'
import type { TestBackend } from './backends'
import { payloadFor, type TestPayload } from './payloadFor'

/** The MovieLabs sample catalog and HTTP helpers the avails import and export tests share. */
const samples = path.resolve(__dirname, '../../fixtures/ema-avails')
export const sample = (name: string) => fs.readFileSync(path.join(samples, name))

export type ImportBody = {
  id: number
  status: string
  job?: string
  progress?: { phase: string; done: number; total: number }
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

export type Catalog = Record<string, string>

/** Titles the MovieLabs samples name, each reachable by a different identity rule. */
export const createCatalog = async (payload: Payload): Promise<Catalog> => {
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
  const film = async (
    key: string,
    data: {
      title: string
      releaseYear?: number
      externalIds?: { eidr?: string; availsIds?: string[] }
    },
  ) => {
    const doc = await payload.create({
      collection: 'films',
      data: { _status: 'published', ...data },
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

export type Setup = {
  ctx: TestPayload
  payload: Payload
  server: PayloadHttpServer
  catalog: Catalog
  licensingKey: string
  editorKey: string
}

export const setUp = async (
  backend: TestBackend,
  env: Record<string, string> = {},
): Promise<Setup> => {
  const ctx = await payloadFor(backend, env)
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

export const upload = async (
  setup: Setup,
  name: string,
  data: Uint8Array | string,
  fields: Record<string, string> = {},
  key: string | null = setup.licensingKey,
) => {
  const form = new FormData()
  form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), name)
  for (const [field, value] of Object.entries(fields)) form.append(field, value)
  const response = await fetch(`${setup.server.url}/api/avails/imports`, {
    method: 'POST',
    body: form,
    headers: key ? { Authorization: `users API-Key ${key}` } : {},
  })
  return { status: response.status, body: (await response.json()) as ImportBody }
}

export const apply = async (
  setup: Setup,
  id: number,
  skipErrorRows = false,
  options: { background?: boolean } = {},
) => {
  const response = await fetch(`${setup.server.url}/api/avails/imports/${id}/apply`, {
    method: 'POST',
    body: JSON.stringify({ skipErrorRows, ...options }),
    headers: {
      Authorization: `users API-Key ${setup.licensingKey}`,
      'Content-Type': 'application/json',
    },
  })
  return { status: response.status, body: (await response.json()) as ImportBody }
}

export const licences = async (payload: Payload) =>
  (
    await payload.find({
      collection: 'licences',
      pagination: false,
      depth: 0,
      sort: 'id',
      overrideAccess: true,
    })
  ).docs

/** The spreadsheet's columns the CSV tests write, in their order. */
export const csvColumns = [
  'DisplayName',
  'Territory',
  'WorkType',
  'EntryType',
  'TitleInternalAlias',
  'ReleaseYear',
  'LicenseType',
  'FormatProfile',
  'Start',
  'End',
  'ALID',
  'AvailID',
  'ContractID',
  'Exclusive',
  'AnnounceDate',
] as const

export type CsvColumn = (typeof csvColumns)[number]
export type CsvRow = Partial<Record<CsvColumn, string>>

/** The cells of a row for the film "The View from a Mountain" that the CSV tests share. */
export const mountainRow: CsvRow = {
  DisplayName: 'Rockstar Films',
  WorkType: 'Movie',
  TitleInternalAlias: 'View from a Mountain, The',
  ReleaseYear: '2006',
  LicenseType: 'SVOD',
  FormatProfile: 'HD',
  End: 'Open',
  ALID: 'VIEW_MT_2006',
}

/** A CSV with a header of `columns`; each row is `defaults` with its own cells, all quoted. */
export const csvOf = (
  rows: CsvRow[],
  defaults: CsvRow = {},
  columns: readonly CsvColumn[] = csvColumns,
) =>
  [
    columns.join(','),
    ...rows.map((row) => {
      const full: CsvRow = { ...defaults, ...row }
      return columns.map((column) => `"${(full[column] ?? '').replace(/"/g, '""')}"`).join(',')
    }),
  ].join('\n')

/** Makes the database itself refuse to save a licence with contract id BOOM. */
export const installSaveFailure = async (payload: Payload, kind: TestBackend['kind']) => {
  if (kind === 'sqlite') {
    const client = (
      payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }
    ).client
    await client.execute(
      "CREATE TRIGGER refuse_boom BEFORE INSERT ON licences WHEN NEW.contract_id = 'BOOM' BEGIN SELECT RAISE(ABORT, 'contract BOOM refused by the database'); END",
    )
    return
  }
  const pool = (payload.db as unknown as { pool: { query: (sql: string) => Promise<unknown> } })
    .pool
  await pool.query(
    "CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN IF NEW.contract_id = 'BOOM' THEN RAISE EXCEPTION 'contract BOOM refused by the database'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
  )
  await pool.query(
    'CREATE TRIGGER refuse_boom BEFORE INSERT ON licences FOR EACH ROW EXECUTE FUNCTION refuse_boom()',
  )
}

/**
 * Makes every licence insert take a few milliseconds in the database (a trigger), so that the
 * licence phase of a small file lasts longer than the progress writer's interval, as a large
 * file's does: the apply writes licences in batches of 100, each in a few milliseconds otherwise.
 */
export const slowLicenceInserts = async (payload: Payload, kind: TestBackend['kind']) => {
  if (kind === 'sqlite') {
    const client = (
      payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }
    ).client
    await client.execute(
      'CREATE TRIGGER slow_licences BEFORE INSERT ON licences BEGIN SELECT count(*) FROM (WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000) SELECT x FROM n); END',
    )
    return () => client.execute('DROP TRIGGER slow_licences')
  }
  const pool = (payload.db as unknown as { pool: { query: (sql: string) => Promise<unknown> } })
    .pool
  await pool.query(
    'CREATE FUNCTION slow_licences() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(0.002); RETURN NEW; END $$ LANGUAGE plpgsql',
  )
  await pool.query(
    'CREATE TRIGGER slow_licences BEFORE INSERT ON licences FOR EACH ROW EXECUTE FUNCTION slow_licences()',
  )
  return async () => {
    await pool.query('DROP TRIGGER slow_licences ON licences')
    await pool.query('DROP FUNCTION slow_licences')
  }
}
