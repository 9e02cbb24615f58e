import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { auditCatalog } from '../../src/rights/audit'
import { availsApplyQueue } from '../../src/rights/availsApplyJob'
import {
  apply,
  csvColumns,
  csvOf,
  type CsvRow,
  licences,
  mountainRow,
  type Setup,
  setUp,
  slowLicenceInserts,
  upload,
} from './support/avails'
import { sqliteFileBackend, testBackends, type TestBackend } from './support/backends'

/** A CSV with the spreadsheet's columns, for the film "The View from a Mountain". */
const csv = (rows: CsvRow[]) =>
  csvOf(
    rows,
    { ...mountainRow, EntryType: 'Create', Start: '2030-01-01', Exclusive: 'No' },
    csvColumns.filter((column) => column !== 'AnnounceDate'),
  )

const territories = ['US', 'CA', 'ES', 'DE', 'FR']
const dayMs = 86_400_000

/** `count` short windows, one licence each (distinct terms), spread over the five countries. */
const manyWindows = (count: number): CsvRow[] =>
  Array.from({ length: count }, (_, index) => {
    const start = Date.UTC(2030, 0, 1) + index * 3 * dayMs
    return {
      Territory: territories[index % territories.length],
      AvailID: `JOB-${index}`,
      Start: new Date(start).toISOString().slice(0, 10),
      End: new Date(start + dayMs).toISOString().slice(0, 10),
    }
  })

const readImport = (payload: Payload, id: number) =>
  payload.findByID({ collection: 'avails-imports', id, depth: 0, overrideAccess: true })

const refuseContract = async (payload: Payload, kind: TestBackend['kind'], contract: string) => {
  if (kind === 'sqlite') {
    const client = (
      payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }
    ).client
    await client.execute(
      `CREATE TRIGGER refuse_job BEFORE INSERT ON licences WHEN NEW.contract_id = '${contract}' BEGIN SELECT RAISE(ABORT, 'contract ${contract} refused by the database'); END`,
    )
    return
  }
  const pool = (payload.db as unknown as { pool: { query: (sql: string) => Promise<unknown> } })
    .pool
  await pool.query(
    `CREATE FUNCTION refuse_job() RETURNS trigger AS $$ BEGIN IF NEW.contract_id = '${contract}' THEN RAISE EXCEPTION 'contract ${contract} refused by the database'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
  )
  await pool.query(
    'CREATE TRIGGER refuse_job BEFORE INSERT ON licences FOR EACH ROW EXECUTE FUNCTION refuse_job()',
  )
}

/** Apply jobs not finished (a failed apply is never retried). */
const waitingJobs = async (payload: Payload) =>
  (
    await payload.count({
      collection: 'payload-jobs',
      where: { queue: { equals: availsApplyQueue }, completedAt: { exists: false } },
    })
  ).totalDocs

/** Files above 50 rows go to the job; smaller ones only when asked (`background`). */
const jobRows = 50

/** And a SQLite file: there the apply holds the one write transaction while it runs. */
const jobBackends = [...testBackends, sqliteFileBackend].map((backend) => ({
  backend,
  label: backend.sqliteFile ? 'a SQLite file' : backend.kind,
}))

describe.each(jobBackends)('EMA Avails apply as a job on $label', ({ backend }) => {
  const run = it.skipIf(!backend.serverUrl)
  let setup: Setup
  beforeAll(async () => {
    if (backend.serverUrl) setup = await setUp(backend, { AVAILS_APPLY_JOB_ROWS: String(jobRows) })
  })
  afterAll(async () => {
    await setup?.server.close()
    await setup?.ctx.destroy()
  })

  const runJobs = () => setup.payload.jobs.run({ queue: availsApplyQueue })

  run(
    'a large file answers 202, and the job applies it with its progress on the import',
    async () => {
      const { payload } = setup
      // Several batches of licence inserts (100 each), each slowed down in the database.
      const count = 600
      const dry = await upload(setup, 'large.csv', csv(manyWindows(count)))
      expect(dry.status, JSON.stringify(dry.body.errors)).toBe(201)
      expect(dry.body.counts).toMatchObject({ rows: count, create: count, errorRows: 0 })

      const queued = await apply(setup, dry.body.id)
      expect(queued.status, JSON.stringify(queued.body.errors)).toBe(202)
      expect(queued.body).toMatchObject({
        id: dry.body.id,
        status: 'applying',
        progress: { phase: 'queued', done: 0, total: count },
      })
      expect(queued.body.job).toBeTruthy()
      // Queued, not applied: nothing written yet, and no second apply while it waits.
      expect(await licences(payload)).toHaveLength(0)
      expect((await readImport(payload, dry.body.id)).status).toBe('applying')
      const twice = await apply(setup, dry.body.id)
      expect(twice.status).toBe(409)
      expect(twice.body.errors?.[0]?.message).toMatch(/being applied/)

      // Read the document as the admin does while the job runs: the progress moves.
      const seen: { phase: string; done: number }[] = []
      let watching = true
      const unslow = await slowLicenceInserts(payload, backend.kind)
      const watcher = (async () => {
        while (watching) {
          const { progress } = await readImport(payload, dry.body.id)
          if (progress?.phase) seen.push({ phase: progress.phase, done: progress.done ?? 0 })
          await new Promise((resolve) => setTimeout(resolve, 25))
        }
      })()
      await runJobs()
      watching = false
      await watcher
      await unslow()

      const writing = seen.filter((entry) => entry.phase === 'licences')
      expect(
        writing.some((entry) => entry.done > 0 && entry.done < count),
        JSON.stringify(seen),
      ).toBe(true)
      const dones = writing.map((entry) => entry.done)
      expect(dones).toEqual([...dones].sort((a, b) => a - b))

      const stored = await readImport(payload, dry.body.id)
      expect(stored.status).toBe('applied')
      expect(stored.progress).toMatchObject({
        phase: 'done',
        done: count,
        total: count,
        job: queued.body.job,
      })
      expect(stored.appliedAt).toBeTruthy()
      expect((stored.audit as { differing: number }).differing).toBe(0)
      // Progress writes touch only their fields: the file is still there.
      expect(stored.fileSha256).toHaveLength(64)
      expect(stored.fileData?.length).toBeGreaterThan(1000)
      expect(await licences(payload)).toHaveLength(count)
      expect(await waitingJobs(payload)).toBe(0)
      expect((await auditCatalog(payload)).differing).toBe(0)
      // Applied once only.
      expect((await apply(setup, dry.body.id, false, { background: true })).status).toBe(409)
    },
    240_000,
  )

  run('a small file still answers 200 at once; `background` sends it to the job', async () => {
    const small = await upload(
      setup,
      'small.csv',
      csv([{ Territory: 'US', AvailID: 'SMALL-1', Start: '2040-01-01' }]),
    )
    const now = await apply(setup, small.body.id)
    expect(now.status, JSON.stringify(now.body.errors)).toBe(200)
    expect(now.body.status).toBe('applied')

    const later = await upload(
      setup,
      'later.csv',
      csv([{ Territory: 'CA', AvailID: 'LATER-1', Start: '2040-01-01' }]),
    )
    const queued = await apply(setup, later.body.id, false, { background: true })
    expect(queued.status).toBe(202)
    await runJobs()
    const stored = await readImport(setup.payload, later.body.id)
    expect(stored.status).toBe('applied')
    expect(stored.progress).toMatchObject({ phase: 'done', done: 1, total: 1 })
  })

  run('a body that is not a JSON object is 400 naming body, and nothing is queued', async () => {
    const dry = await upload(
      setup,
      'body.csv',
      csv([{ Territory: 'ES', AvailID: 'BODY-1', Start: '2042-01-01' }]),
    )
    for (const body of ['null', '{"background": tru', '[1]']) {
      const response = await fetch(`${setup.server.url}/api/avails/imports/${dry.body.id}/apply`, {
        method: 'POST',
        body,
        headers: {
          Authorization: `users API-Key ${setup.licensingKey}`,
          'Content-Type': 'application/json',
        },
      })
      expect(response.status, body).toBe(400)
      const answer = (await response.json()) as {
        errors: { data: { errors: { path: string }[] } }[]
      }
      expect(answer.errors[0]?.data.errors[0]?.path).toBe('body')
    }
    expect((await readImport(setup.payload, dry.body.id)).status).toBe('dryRun')
    expect(await waitingJobs(setup.payload)).toBe(0)
  })

  run('an apply whose process died (no progress for 30 minutes) may be applied again', async () => {
    const dry = await upload(
      setup,
      'stalled.csv',
      csv([{ Territory: 'US', AvailID: 'STALL-1', Start: '2043-01-01' }]),
    )
    const stall = (minutesAgo: number) =>
      setup.payload.db.updateOne({
        collection: 'avails-imports',
        id: dry.body.id,
        data: {
          status: 'applying',
          progress: {
            phase: 'licences',
            done: 0,
            total: 1,
            updatedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
          },
        },
      })
    await stall(5)
    expect((await apply(setup, dry.body.id)).status).toBe(409)
    expect((await apply(setup, dry.body.id, false, { background: true })).status).toBe(409)
    await stall(31)
    const again = await apply(setup, dry.body.id, false, { background: true })
    expect(again.status, JSON.stringify(again.body.errors)).toBe(202)
    await runJobs()
    expect((await readImport(setup.payload, dry.body.id)).status).toBe('applied')
  })

  run('error rows are refused before anything is queued, unless skipped', async () => {
    const file = csv([
      { Territory: 'DE', AvailID: 'ERR-1', Start: '2041-01-01' },
      { Territory: 'DE', AvailID: 'ERR-2', LicenseType: 'POEST', Start: '2041-01-01' },
    ])
    const dry = await upload(setup, 'errors.csv', file)
    expect(dry.body.counts.errorRows).toBe(1)
    const refused = await apply(setup, dry.body.id, false, { background: true })
    expect(refused.status).toBe(409)
    expect((await readImport(setup.payload, dry.body.id)).status).toBe('dryRun')
    const queued = await apply(setup, dry.body.id, true, { background: true })
    expect(queued.status).toBe(202)
    await runJobs()
    expect((await readImport(setup.payload, dry.body.id)).status).toBe('applied')
  })

  run(
    'a write that fails in the job leaves nothing behind, and the import says failed and why',
    async () => {
      const { payload } = setup
      const before = (await licences(payload)).map((licence) => licence.availsKey).sort()
      const rowsBefore = (await payload.count({ collection: 'availability-windows' })).totalDocs
      await refuseContract(payload, backend.kind, 'JOB-BOOM')
      // Many good licences first, then one the database refuses.
      const rows = [
        ...manyWindows(60).map((row) => ({
          ...row,
          AvailID: `F-${row.AvailID}`,
          Start: row.Start?.replace('2030', '2050'),
          End: row.End?.replace('2030', '2050'),
        })),
        { Territory: 'FR', AvailID: 'F-BOOM', ContractID: 'JOB-BOOM', Start: '2060-01-01' },
      ]
      const dry = await upload(setup, 'failing.csv', csv(rows))
      expect(dry.body.counts).toMatchObject({ create: 61, errorRows: 0 })
      const queued = await apply(setup, dry.body.id)
      expect(queued.status).toBe(202)
      await runJobs()

      const stored = await readImport(payload, dry.body.id)
      expect(stored.status).toBe('failed')
      expect(stored.failure).toMatch(/JOB-BOOM/)
      expect(stored.progress?.phase).toBe('failed')
      expect(stored.progress?.total).toBe(61)
      expect((await licences(payload)).map((licence) => licence.availsKey).sort()).toEqual(before)
      expect((await payload.count({ collection: 'availability-windows' })).totalDocs).toBe(
        rowsBefore,
      )
      expect((await auditCatalog(payload)).differing).toBe(0)
      // The job itself finished (the failure is the import's, recorded there): no retry waits.
      expect(await waitingJobs(payload)).toBe(0)
    },
    240_000,
  )
})
