import { buildConfig, getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '../../src/config/closeDatabase'
import { reelhouseConfig } from '../../reelhouseConfig'
import { auditCatalog } from '../../src/rights/audit'
import {
  apply,
  csvColumns,
  csvOf,
  type CsvRow,
  installSaveFailure,
  type Setup,
  setUp,
  slowLicenceInserts,
  upload,
} from './support/avails'
import { transactionalBackends } from './support/backends'

// Issue 12: applying an avails file is all or nothing, and no reader sees a part of it while it
// runs: not another request to the same server, not another server on the same database.

/** The films of the sample catalog by their ALIDs, with the titles the CSV names them by. */
const films: [string, string, string][] = [
  ['VIEW_MT_2006', 'The View from a Mountain', '2006'],
  ['FIRSTDANCE_2012', 'The First Dance', '2013'],
  ['FIRSTDANCE_2012_DE', 'The Last Dance', '1978'],
  ['33603_OV', 'Star Wars: Revenge of the Sith', ''],
  ['33602_OV', 'Star Wars: The Phantom Menace', ''],
  ['33483_OV', 'Star Wars: Attack of the Clones', ''],
  ['33601_OV', 'Star Wars: Return of the Jedi', ''],
  ['33600_OV', 'Star Wars: The Empire Strikes Back', ''],
]
const territories = ['US', 'CA', 'ES', 'DE', 'FR']
const licenceTypes = ['SVOD', 'EST', 'AVOD']
const columns = csvColumns.filter((column) => column !== 'Exclusive' && column !== 'AnnounceDate')

/** The cells every Create row of these files shares. */
const created: CsvRow = {
  DisplayName: 'Rockstar Films',
  WorkType: 'Movie',
  EntryType: 'Create',
  FormatProfile: 'HD',
  End: 'Open',
}

/** One Create row per film, territory and licence type: one licence each. */
const bigFile = (prefix: string, start: string, contractOfLast = 'C-1') => {
  const rows: CsvRow[] = []
  for (const [alid, title, year] of films) {
    for (const territory of territories) {
      for (const type of licenceTypes) {
        rows.push({
          Territory: territory,
          TitleInternalAlias: title,
          ReleaseYear: year,
          LicenseType: type,
          Start: start,
          ALID: alid,
          AvailID: `${prefix}-${alid}-${territory}-${type}`,
          ContractID: 'C-1',
        })
      }
    }
  }
  rows[rows.length - 1].ContractID = contractOfLast
  return csvOf(rows, created, columns)
}
const licencesPerFile = films.length * territories.length * licenceTypes.length

/** Reads `read` over and over (each read on a fresh turn) until stopped; what it saw. */
const watch = (read: () => Promise<number>) => {
  const seen: number[] = []
  let stopped = false
  const running = (async () => {
    while (!stopped) {
      seen.push(await read())
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })()
  return {
    seen,
    stop: async () => {
      stopped = true
      await running
      return seen
    },
  }
}

describe.each(transactionalBackends)('EMA Avails apply isolation on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)
  let setup: Setup
  /** A second Payload on the same database: another server process's view. */
  let other: Payload

  beforeAll(async () => {
    if (!backend.serverUrl) return
    setup = await setUp(backend)
    other = await getPayload({
      config: buildConfig(
        reelhouseConfig({
          env: { ...process.env, JOBS_AUTORUN: 'false' },
          databaseUrl: setup.ctx.databaseUrl,
        }),
      ),
      key: `avails-isolation-other-${backend.kind}`,
    })
  }, 120_000)
  afterAll(async () => {
    if (other) await closePayload(other)
    await setup?.server.close()
    await setup?.ctx.destroy()
  })

  const importedBy = (payload: Payload, id: number) => async () =>
    (
      await payload.count({
        collection: 'licences',
        where: { availsImport: { equals: id } },
        overrideAccess: true,
      })
    ).totalDocs
  const overRest = (id: number) => async () => {
    const response = await fetch(
      // A page that holds the whole file: Payload counts and reads a page in two queries, so
      // with `limit=1` a count taken before the commit and a page read after it answer
      // totalDocs 1 (the page's length) — not a partial import.
      `${setup.server.url}/api/licences?where[availsImport][equals]=${id}&limit=${licencesPerFile}&depth=0`,
      { headers: { Authorization: `users API-Key ${setup.licensingKey}` } },
    )
    expect(response.status).toBe(200)
    return ((await response.json()) as { totalDocs: number }).totalDocs
  }
  const rowsOf = (payload: Payload, contentKey: string) => async () =>
    (
      await payload.count({
        collection: 'availability-windows',
        where: { contentKey: { equals: contentKey } },
        overrideAccess: true,
      })
    ).totalDocs

  run(
    'readers see none or all of the licences while the apply runs; other work goes on',
    async () => {
      const dry = await upload(setup, 'big.csv', bigFile('A', '2026-01-01'))
      expect(dry.status).toBe(201)
      expect(dry.body.counts).toMatchObject({ create: licencesPerFile, errorRows: 0 })
      const id = dry.body.id
      const film = setup.catalog.mountain
      // The licence inserts take as long as a larger file's would: the readers read meanwhile.
      const unslow = await slowLicenceInserts(setup.payload, backend.kind)
      const watchers = [
        watch(importedBy(setup.payload, id)),
        watch(importedBy(other, id)),
        watch(overRest(id)),
        watch(rowsOf(other, film)),
      ]
      const applying = apply(setup, id)
      // Work of other requests while the apply runs: a write and a run of the jobs queue
      // (scheduling writes its stats); on SQLite they wait for the apply to commit.
      await new Promise((resolve) => setTimeout(resolve, 50))
      const write = fetch(`${setup.server.url}/api/genres`, {
        method: 'POST',
        headers: {
          Authorization: `users API-Key ${setup.editorKey}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ name: 'Written during the apply' }),
      })
      const jobs = setup.payload.jobs.run({ queue: 'default' })
      const applied = await applying
      const duringApply = watchers.map((watcher) => watcher.seen.length)
      const seen = await Promise.all(watchers.map((watcher) => watcher.stop()))
      await unslow()

      expect(applied.status).toBe(200)
      const [local, elsewhere, rest, rows] = seen
      // Every reader read again and again while the apply ran, and saw none or all of it.
      for (const reads of duringApply) expect(reads).toBeGreaterThan(2)
      for (const counts of [local, elsewhere, rest]) {
        expect(counts[0]).toBe(0)
        expect(counts.filter((count) => count !== 0 && count !== licencesPerFile)).toEqual([])
      }
      expect(applied.body).toMatchObject({ status: 'applied', transactional: true })
      const finalRows = await rowsOf(other, film)()
      expect(finalRows).toBeGreaterThan(0)
      expect(rows.filter((count) => count !== 0 && count !== finalRows)).toEqual([])
      expect(await importedBy(other, id)()).toBe(licencesPerFile)
      expect((await write).status).toBe(201)
      await expect(jobs).resolves.toBeDefined()
      expect((await auditCatalog(setup.payload)).differing).toBe(0)
    },
    180_000,
  )

  run(
    'titles created for the file (createMissingTitles) are written in the same transaction',
    async () => {
      const row: CsvRow = {
        Territory: 'US',
        TitleInternalAlias: 'A Film Made for the Transaction',
        ReleaseYear: '2026',
        LicenseType: 'SVOD',
        Start: '2026-03-01',
        ALID: 'NEW_IN_TX_2026',
        AvailID: 'NEW-IN-TX',
        ContractID: 'C-2',
      }
      const file = csvOf([row], created, columns)
      const dry = await upload(setup, 'new.csv', file, { createMissingTitles: 'true' })
      expect(dry.body.counts).toMatchObject({ create: 1, newTitles: 1, errorRows: 0 })
      const applied = await apply(setup, dry.body.id)
      expect(applied.status).toBe(200)
      expect(applied.body).toMatchObject({ status: 'applied', transactional: true })
      const { docs } = await other.find({
        collection: 'films',
        where: { 'externalIds.availsIds': { in: ['NEW_IN_TX_2026'] } },
        draft: true,
        overrideAccess: true,
      })
      expect(docs).toHaveLength(1)
      expect(await importedBy(other, dry.body.id)()).toBe(1)
    },
    180_000,
  )

  run(
    'a file that fails half way leaves nothing, and no reader saw any of it',
    async () => {
      const rowsBefore = (
        await other.count({ collection: 'availability-windows', overrideAccess: true })
      ).totalDocs
      const licencesBefore = (await other.count({ collection: 'licences', overrideAccess: true }))
        .totalDocs
      await installSaveFailure(setup.payload, backend.kind)
      // The last of the file's licences fails in the database, after all the others were written.
      const dry = await upload(setup, 'failing.csv', bigFile('B', '2027-01-01', 'BOOM'))
      expect(dry.body.counts).toMatchObject({ create: licencesPerFile, errorRows: 0 })
      const id = dry.body.id
      const watchers = [watch(importedBy(setup.payload, id)), watch(importedBy(other, id))]
      const failed = await apply(setup, id)
      const seen = await Promise.all(watchers.map((watcher) => watcher.stop()))

      expect(failed.status).toBe(422)
      expect(failed.body.errors?.[0]?.message).toMatch(/nothing of it was kept/)
      for (const counts of seen) {
        expect(counts.length).toBeGreaterThan(1)
        expect(counts.filter((count) => count !== 0)).toEqual([])
      }
      expect(await importedBy(other, id)()).toBe(0)
      expect((await other.count({ collection: 'licences', overrideAccess: true })).totalDocs).toBe(
        licencesBefore,
      )
      expect(
        (await other.count({ collection: 'availability-windows', overrideAccess: true })).totalDocs,
      ).toBe(rowsBefore)
      const record = await other.findByID({ collection: 'avails-imports', id })
      expect(record.status).toBe('failed')
      expect(record.failure).toMatch(/BOOM/)
      expect((await auditCatalog(setup.payload)).differing).toBe(0)
    },
    180_000,
  )
})
