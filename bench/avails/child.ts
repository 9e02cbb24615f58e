/**
 * One backend of `npm run bench:avails`, in a process of its own so that its time and memory
 * are the import's: boots Payload on the fresh bench database (the committed migrations, as
 * production starts), creates the reference regions, a licensing user and the generated
 * catalog through the Local API, then measures the dry run (`recordDryRun`, what
 * POST /api/avails/imports calls) and the apply (`applyAvailsImport`, what
 * POST /api/avails/imports/:id/apply calls), and checks the outcome.
 * Env: DATABASE_URL, PAYLOAD_SECRET, BENCH_BACKEND, BENCH_AVAILS_FILE, BENCH_AVAILS_SPEC.
 * Prints one line starting with `BENCH_AVAILS ` and a JSON `BackendResult`.
 */
import fs from 'node:fs'
import os from 'node:os'
import v8 from 'node:v8'

import type { Payload } from 'payload'

import { auditCatalog } from '../../src/rights/audit'
import { applyAvailsImport, recordDryRun } from '../../src/rights/availsImport'
import { ensureReferenceData } from '../../src/seed/referenceData'
import { type Backend, openDatabase } from '../availability/database'
import type { CatalogSpec } from './generate'
import { availsMarker, type BackendResult, type PhaseResult } from './result'

const backend = process.env.BENCH_BACKEND as Backend
const file = process.env.BENCH_AVAILS_FILE ?? ''
const spec = JSON.parse(fs.readFileSync(process.env.BENCH_AVAILS_SPEC ?? '', 'utf8')) as {
  catalog: CatalogSpec
  expectedLicences: number
  rows: number
}
const say = (line: string) => process.stderr.write(`[bench:avails ${backend}] ${line}\n`)

const collectGarbage = (globalThis as { gc?: () => void }).gc

const vmHwmBytes = (): number | null => {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8')
    const kilobytes = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN)
    return Number.isFinite(kilobytes) ? kilobytes * 1024 : null
  } catch {
    return null
  }
}

/** Resets the kernel's peak RSS (VmHWM) of this process to its current RSS (Linux). */
const resetPeakRss = (): boolean => {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5')
    return true
  } catch {
    return false
  }
}

/**
 * Runs one phase and measures it: wall time, CPU time (user + system), peak RSS (the kernel's
 * high-water mark, reset at the start; sampled every 10 ms where it cannot be reset) and peak
 * heap (sampled every 10 ms and at the end), each against the values right before the phase
 * (after a full garbage collection).
 */
const measure = async <T>(name: string, run: () => Promise<T>): Promise<[T, PhaseResult]> => {
  collectGarbage?.()
  const before = process.memoryUsage()
  const hwmReset = resetPeakRss()
  let rssPeak = before.rss
  let heapUsedPeak = before.heapUsed
  let heapTotalPeak = before.heapTotal
  let samples = 0
  const sample = () => {
    const now = process.memoryUsage()
    rssPeak = Math.max(rssPeak, now.rss)
    heapUsedPeak = Math.max(heapUsedPeak, now.heapUsed)
    heapTotalPeak = Math.max(heapTotalPeak, now.heapTotal)
    samples += 1
  }
  const timer = setInterval(sample, 10)
  say(`${name} ...`)
  const cpuStart = process.cpuUsage()
  const loadStart = os.loadavg()[0]
  const start = performance.now()
  let result: T
  try {
    result = await run()
  } finally {
    clearInterval(timer)
  }
  const wallMs = performance.now() - start
  const cpu = process.cpuUsage(cpuStart)
  sample()
  const hwm = hwmReset ? vmHwmBytes() : null
  if (hwm !== null) rssPeak = Math.max(rssPeak, hwm)
  const heapLimit = v8.getHeapStatistics().heap_size_limit
  say(`${name}: ${(wallMs / 1000).toFixed(1)} s`)
  return [
    result,
    {
      wallMs,
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      rssBeforeBytes: before.rss,
      rssPeakBytes: rssPeak,
      rssGrowthBytes: rssPeak - before.rss,
      rssPeakFrom: hwm !== null ? 'VmHWM' : 'samples',
      heapUsedBeforeBytes: before.heapUsed,
      heapUsedPeakBytes: heapUsedPeak,
      heapUsedGrowthBytes: heapUsedPeak - before.heapUsed,
      heapTotalPeakBytes: heapTotalPeak,
      heapLimitBytes: heapLimit,
      samples,
      loadAverage: [loadStart, os.loadavg()[0]],
    },
  ]
}

const createCatalog = async (payload: Payload, catalog: CatalogSpec) => {
  const draft = { _status: 'published' as const }
  for (const film of catalog.films) {
    await payload.create({
      collection: 'films',
      data: {
        ...draft,
        title: film.title,
        releaseYear: film.releaseYear,
        externalIds: film.eidr ? { eidr: film.eidr } : { availsIds: [film.alid] },
      },
    })
  }
  for (const series of catalog.series) {
    const seriesDoc = await payload.create({
      collection: 'series',
      data: { ...draft, title: series.title, externalIds: { availsIds: [series.alid] } },
    })
    for (const season of series.seasons) {
      const seasonDoc = await payload.create({
        collection: 'seasons',
        data: {
          ...draft,
          series: seriesDoc.id,
          seasonNumber: season.number,
          title: `Season ${season.number}`,
          externalIds: { availsIds: [season.alid] },
        },
      })
      for (const episode of season.episodes) {
        await payload.create({
          collection: 'episodes',
          data: {
            ...draft,
            season: seasonDoc.id,
            episodeNumber: episode.number,
            title: episode.title,
            externalIds: { availsIds: [episode.alid] },
          },
        })
      }
    }
  }
}

const titleCount = (catalog: CatalogSpec) =>
  catalog.films.length +
  catalog.series.reduce(
    (sum, series) =>
      sum + 1 + series.seasons.reduce((inner, season) => inner + 1 + season.episodes.length, 0),
    0,
  )

type SqlStat = { calls: number; ms: number; rows: number }
type ExecuteStatement = { sql: string; args?: unknown }
type ExecuteResult = { rows: unknown[] }
type Executes = { execute(statement: ExecuteStatement | string): Promise<ExecuteResult> }
type Transacts = Executes & { transaction(...args: unknown[]): Promise<Executes> }

/**
 * BENCH_AVAILS_SQL_STATS=1 (SQLite): times every statement the adapter's libsql client runs
 * during the apply (on its own connection and in its transactions), by statement text, and
 * prints the top of them.
 */
const sqlStats = new Map<string, SqlStat>()
let countingSql = false
// Called on libsql's own objects (the proxies call methods on their targets), as `this`.
const counting = (execute: Executes['execute']) =>
  async function (this: Executes, statement: ExecuteStatement | string) {
    const start = performance.now()
    const result = await execute.call(this, statement)
    if (countingSql) {
      const sql = typeof statement === 'string' ? statement : statement.sql
      const stat = sqlStats.get(sql) ?? { calls: 0, ms: 0, rows: 0 }
      stat.calls += 1
      stat.ms += performance.now() - start
      stat.rows += result.rows.length
      sqlStats.set(sql, stat)
    }
    return result
  }
const countSql = (client: Transacts | undefined) => {
  if (!client) return
  const prototype = Object.getPrototypeOf(client) as Transacts
  const { execute, transaction } = prototype
  // The adapter's client is a proxy over libsql's: own properties shadow the class methods.
  Object.assign(client, {
    execute: counting(execute),
    transaction: async function (this: Transacts, ...args: unknown[]) {
      const tx = await transaction.apply(this, args)
      Object.assign(tx, { execute: counting(Object.getPrototypeOf(tx).execute) })
      return tx
    },
  })
}
const printSqlStats = () => {
  const entries = [...sqlStats].sort((a, b) => b[1].ms - a[1].ms)
  const total = entries.reduce((sum, [, stat]) => sum + stat.ms, 0)
  const calls = entries.reduce((sum, [, stat]) => sum + stat.calls, 0)
  say(`SQL during the apply: ${calls} statements, ${(total / 1000).toFixed(1)} s`)
  for (const [sql, stat] of entries.slice(0, 15)) {
    say(
      `  ${(stat.ms / 1000).toFixed(2)} s  ${stat.calls} calls  ${stat.rows} rows  ${sql.replace(/\s+/g, ' ').slice(0, 220)}`,
    )
  }
}

const setupStart = performance.now()
const db = await openDatabase(backend, process.env.DATABASE_URL ?? '', {
  secret: process.env.PAYLOAD_SECRET ?? '',
  runMigrations: true,
})
const payload = db.payload
const collectSql = process.env.BENCH_AVAILS_SQL_STATS === '1'
if (collectSql) countSql(db.adapter.client as Transacts | undefined)
await ensureReferenceData(payload)
const user = await payload.create({
  collection: 'users',
  data: {
    email: `bench-avails-${Date.now()}@reelhouse.test`,
    password: 'a long bench password for avails',
    roles: ['licensing'],
  },
})
await createCatalog(payload, spec.catalog)
const setupMs = performance.now() - setupStart
say(`setup (regions, user, ${titleCount(spec.catalog)} titles): ${(setupMs / 1000).toFixed(1)} s`)

const data = new Uint8Array(fs.readFileSync(file))
const fileName = 'bench-avails.xlsx'
const options = { zoneConvention: 'territory' as const, createMissingTitles: false }

const [{ doc, plan }, dryRun] = await measure('dry run', () =>
  recordDryRun(payload, data, fileName, options, user),
)
countingSql = collectSql
const [applied, apply] = await measure('apply', async () => {
  // As the endpoint does: the stored import, then the apply.
  const { docs } = await payload.find({
    collection: 'avails-imports',
    where: { id: { equals: doc.id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return applyAvailsImport(payload, docs[0], { ...options, skipErrorRows: false }, user)
})

countingSql = false
if (collectSql) printSqlStats()
const licencesWritten = (
  await payload.count({
    collection: 'licences',
    where: { availsImport: { equals: doc.id } },
    overrideAccess: true,
  })
).totalDocs
const [catalogAudit, catalogAuditPhase] = await measure('audit of the whole catalog', () =>
  auditCatalog(payload),
)

const problems: string[] = []
const expect = (ok: boolean, what: string) => {
  if (!ok) problems.push(what)
}
expect(plan.counts.rows === spec.rows, `dry run read ${plan.counts.rows} rows, not ${spec.rows}`)
expect(plan.counts.errorRows === 0, `dry run found ${plan.counts.errorRows} error rows`)
expect(
  plan.counts.create === spec.expectedLicences,
  `dry run plans ${plan.counts.create} licences, the generator stated ${spec.expectedLicences}`,
)
expect(
  applied.plan.counts.create === spec.expectedLicences,
  `apply created ${applied.plan.counts.create} licences, not ${spec.expectedLicences}`,
)
expect(
  licencesWritten === spec.expectedLicences,
  `the database holds ${licencesWritten} licences of the import, not ${spec.expectedLicences}`,
)
expect(applied.plan.counts.conflicts === 0, `${applied.plan.counts.conflicts} conflicts`)
expect(applied.audit.checked > 0, 'the apply audited no titles')
expect(applied.audit.differing === 0, `the apply's audit: ${applied.audit.differing} differing`)
expect(catalogAudit.differing === 0, `the catalog audit: ${catalogAudit.differing} differing`)

const result: BackendResult = {
  backend,
  setupMs,
  catalogTitles: titleCount(spec.catalog),
  transactional: applied.transactional,
  gcBeforePhases: Boolean(collectGarbage),
  dryRun,
  apply,
  catalogAudit: { ...catalogAuditPhase, checked: catalogAudit.checked },
  counts: applied.plan.counts,
  dryRunCounts: plan.counts,
  licencesWritten,
  audit: {
    checked: applied.audit.checked,
    differing: applied.audit.differing,
    rows: applied.audit.rows,
  },
  catalogAuditDiffering: catalogAudit.differing,
  problems,
}
await db.close()
console.log(`${availsMarker}${JSON.stringify(result)}`)
process.exit(0)
