/**
 * `npm run bench:availability`: generates the catalog of the issue, measures the availability
 * engine in memory and the public films page over HTTP on SQLite and PostgreSQL (filtered by
 * territory vs. the same page for staff), and writes BENCHMARKS.md and
 * bench/results/availability.json. See bench/README.md.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {
  type Backend,
  type BenchDatabase,
  checkSchemaInFreshProcess,
  describeDrift,
  dropPostgresDatabase,
  hasDrift,
  MigrationsBehindError,
  newSecret,
  prepareDatabase,
  removeSqliteDatabase,
} from './database'
import { auditMeetsTargets, runAuditStage, type AuditStageResult } from './auditStage'
import { startCpuMeter, waitForQuietMachine } from './cpu'
import { runEngineBench } from './engineBench'
import { explainFilmsPage } from './explain'
import { benchSearchWord, generateCatalog, type GeneratedCatalog, titlesMatching } from './generate'
import {
  type AutocannonInput,
  checkCorrectness,
  checkEndpoints,
  describeRun,
  endpointVariants,
  filmsPath,
  type HttpRun,
  railPath,
  searchPath,
  type Variant,
  variants,
} from './http'
import { loadCatalog } from './load'
import { elapsedMs, formatMs, log, timed, warn } from './log'
import { type BenchAvailabilityRow, computeAllAvailabilityRows, expectedFilms } from './materialize'
import { type BenchOptions, benchOptions } from './options'
import {
  type AvailabilityReport,
  type BackendResult,
  type HttpResults,
  type MeasuredRun,
  type Ratios,
  renderSection,
  writeReport,
} from './report'
import { startProductionServer } from './server'
import { changedFiles, type SourceFingerprint, sourceFingerprint } from './source'
import { timeZoneRulesVersion } from '../../src/rights/timeZoneRules'
import { benchCountries } from './territories'

const machineInfo = (): AvailabilityReport['machine'] => {
  let nproc = os.availableParallelism()
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim())
  } catch {
    // nproc missing: keep Node's count
  }
  const git = (...args: string[]): string => {
    try {
      // trimEnd only: porcelain lines start with a significant space.
      return execFileSync('git', args, { encoding: 'utf8' }).trimEnd()
    } catch {
      return ''
    }
  }
  const uncommitted = git(
    'status',
    '--porcelain',
    '--',
    'src',
    'collections',
    'hooks',
    'migrations',
    'payload.config.ts',
  )
    .split('\n')
    .filter(Boolean)
  const buildIdFile = path.join(process.cwd(), '.next/BUILD_ID')
  return {
    nproc,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg(),
    nextBuildId: fs.existsSync(buildIdFile) ? fs.readFileSync(buildIdFile, 'utf8').trim() : null,
    gitHead: git('rev-parse', '--short', 'HEAD') || null,
    uncommittedSource: uncommitted,
  }
}

const ensureBuild = () => {
  if (fs.existsSync(path.join(process.cwd(), '.next/BUILD_ID'))) return
  log('.next/BUILD_ID is missing: running `npm run build` (the server needs the production build)')
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (result.status !== 0) throw new Error('npm run build failed')
}

/** One autocannon run in a child process (see loadgen.ts). */
const measure = async (input: AutocannonInput): Promise<HttpRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/availability/loadgen.ts', JSON.stringify(input)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      const lines = output.trim().split('\n')
      for (const line of lines.slice(0, -1)) console.log(line)
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`))
      try {
        const run = JSON.parse(lines[lines.length - 1]) as HttpRun
        log(`  ${describeRun(run)}`)
        resolve(run)
      } catch (error) {
        reject(error)
      }
    })
  })

const ratiosOf = (filtered: MeasuredRun, baseline: MeasuredRun): Ratios => ({
  medianLatency: filtered.latencyP50Ms / baseline.latencyP50Ms,
  p99Latency: filtered.latencyP99Ms / baseline.latencyP99Ms,
  requestsPerSecond: filtered.requestsPerSecond / baseline.requestsPerSecond,
  cpuPerRequest: filtered.cpu.msPerRequest / baseline.cpu.msPerRequest,
})

const databaseVersion = async (db: BenchDatabase): Promise<string> => {
  const rows = await db.query(
    db.backend === 'sqlite' ? 'SELECT sqlite_version() AS version' : 'SHOW server_version',
  )
  const row = rows[0] ?? {}
  return String(row.version ?? row.server_version ?? '?').split(' ')[0]
}

/** The full rights audit in its own process; every difference is a bug (the rows are the engine's). */
const auditStage = async (
  backend: Backend,
  url: string,
  secret: string,
  options: BenchOptions,
): Promise<AuditStageResult> => {
  const [audit] = await timed(`${backend}: rights audit of the whole catalog (own process)`, () =>
    runAuditStage(backend, url, secret, { batchSize: options.auditBatchSize }),
  )
  log(
    `${backend}: audit: ${audit.titlesChecked} titles in ${audit.batches} batches, ` +
      `${formatMs(audit.auditMs)} (process init ${formatMs(audit.initMs)}), peak RSS ` +
      `${(audit.maxRssBytes / 1024 ** 2).toFixed(0)} MiB, ${audit.differing} differing: ` +
      `${auditMeetsTargets(audit) ? 'within' : 'NOT within'} 60 s / 1 GiB`,
  )
  const search = audit.searchIndex
  log(
    `${backend}: search index: ${search.checked} titles checked in ${formatMs(search.ms)}, ` +
      `${search.differing} differing, ${search.orphans} orphans`,
  )
  if (search.differing > 0 || search.orphans > 0) {
    warn(
      `${backend}: the search index differs from the stored titles (${search.differing} differing, ` +
        `${search.orphans} orphans); first: ${JSON.stringify(search.examples.slice(0, 3))}`,
    )
  }
  if (audit.differing > 0) {
    warn(
      `${backend}: the audit found ${audit.differing} titles whose stored rows differ from the ` +
        `engine's (${JSON.stringify(audit.rows)}); first: ${JSON.stringify(audit.examples.slice(0, 3))}`,
    )
  }
  return audit
}

const benchBackend = async (
  backend: Backend,
  options: BenchOptions,
  catalog: GeneratedCatalog,
  rows: readonly BenchAvailabilityRow[],
  expected: (at: Date) => { engine: Set<number>; rows: number },
  sourceAtStart: SourceFingerprint,
): Promise<BackendResult> => {
  const secret = newSecret()
  log(`=== ${backend} ===`)
  const [prepared, schemaMs] = await timed(`${backend}: fresh database, committed migrations`, () =>
    prepareDatabase(backend, options, secret),
  )
  const { db } = prepared
  let server: Awaited<ReturnType<typeof startProductionServer>> | undefined
  try {
    const version = await databaseVersion(db)
    const load = await loadCatalog(db, catalog, rows, {
      tzVersion: options.stampTzVersion ? timeZoneRulesVersion() : null,
    })
    const backfill = load.startupBackfill
    if (backfill.titlesMissingSortTitle > 0 || backfill.searchIndexWouldBeRebuilt) {
      warn(
        `${backend}: Payload's start would backfill after this load (${JSON.stringify(backfill)}): ` +
          'the loader no longer writes what the title hooks write',
      )
    }
    const [explain] = await timed(`${backend}: SQL of the films page (EXPLAIN)`, () =>
      explainFilmsPage(db, {
        territory: options.territory,
        pageSize: options.pageSize,
        staffEmail: load.staff.email,
      }),
    )
    for (const variant of ['filtered', 'unfiltered'] as const) {
      const read = explain[variant]
      log(
        `${backend}: ${variant} Local API read ${formatMs(read.localApiMs)}, ${read.statements.length} statements, ` +
          `slowest ${formatMs(Math.max(...read.statements.map((statement) => statement.medianMs)))}`,
      )
    }
    await db.close()

    // The server reads the source now: check the schema against that, not the config this
    // process loaded when the run started (collections may have changed since).
    const sourceChanged = changedFiles(sourceAtStart, sourceFingerprint())
    if (sourceChanged.length > 0) {
      warn(
        `${backend}: ${sourceChanged.length} source file(s) changed since the run started ` +
          `(${sourceChanged.slice(0, 8).join(', ')}${sourceChanged.length > 8 ? ', …' : ''})`,
      )
    }
    const atStart = await checkSchemaInFreshProcess(backend, db.url, secret, {
      push: options.pushOnDrift,
    })
    if (hasDrift(atStart.before)) {
      warn(
        `${backend}: at server start the committed migrations are behind the schema: ${describeDrift(atStart.before)}`,
      )
      if (hasDrift(atStart.after)) throw new MigrationsBehindError(backend, atStart.after)
    }
    const schemaSource = hasDrift(atStart.before)
      ? 'migrations + push (migrations behind the schema)'
      : prepared.schemaSource

    const httpStage = async (): Promise<HttpResults> => {
      const started = await startProductionServer({ databaseUrl: db.url, secret })
      server = started
      const baseUrl = started.url
      const correctness = await checkCorrectness({
        baseUrl,
        pageSize: options.pageSize,
        territory: options.territory,
        apiKey: load.staff.apiKey,
        expected,
        allFilms: catalog.films.length,
      })
      log(
        `${backend}: correctness: public totalDocs ${correctness.filteredTotalDocs}, expected ` +
          `${correctness.expectedTotalDocs} (engine) / ${correctness.expectedFromRows} (rows); staff totalDocs ` +
          `${correctness.unfilteredTotalDocs} of ${correctness.expectedUnfilteredTotalDocs}: ${correctness.ok ? 'OK' : 'MISMATCH'}`,
      )
      if (!correctness.ok)
        warn(`${backend}: correctness check failed: ${JSON.stringify(correctness)}`)

      // The rail and the search must answer before they are measured (a 4xx would be measured
      // as fast as nothing).
      const endpoints = await checkEndpoints({
        baseUrl,
        pageSize: options.pageSize,
        territory: options.territory,
        apiKey: load.staff.apiKey,
        searchQuery: benchSearchWord,
      })
      log(
        `${backend}: ${railPath(options.pageSize)}: ${endpoints.railItems} items; ` +
          `${searchPath(options.pageSize, endpoints.searchQuery)}: totalDocs ${endpoints.searchTotalDocs}, ${endpoints.searchHits} on the page`,
      )
      if (endpoints.searchTotalDocs === 0) {
        throw new Error(`${backend}: the search for "${endpoints.searchQuery}" found nothing`)
      }

      const common = {
        baseUrl,
        pageSize: options.pageSize,
        territory: options.territory,
        apiKey: load.staff.apiKey,
        connections: options.connections,
        searchQuery: benchSearchWord,
      }
      log(`${backend}: warm-up, ${options.warmupSeconds} s per variant`)
      for (const variant of [...variants, ...endpointVariants]) {
        await measure({ ...common, variant, durationSeconds: options.warmupSeconds })
      }
      log(`${backend}: measuring, ${options.durationSeconds} s per variant`)
      const measured = async (variant: Variant): Promise<MeasuredRun> => {
        const quiet = await waitForQuietMachine({
          maxSeconds: options.quietWaitSeconds,
          threshold: options.quietThresholdCores,
        })
        if (quiet.busyCores > options.quietThresholdCores) {
          warn(
            `${backend} ${variant}: the machine is busy (${quiet.busyCores.toFixed(2)} cores in use by other processes); measuring anyway`,
          )
        } else if (quiet.waitedSeconds > 2) {
          log(
            `${backend} ${variant}: waited ${quiet.waitedSeconds.toFixed(0)} s for a quieter machine`,
          )
        }
        const stop = startCpuMeter({
          serverPid: started.pid,
          postgresDatabase: backend === 'postgres' ? options.postgresDatabase : undefined,
        })
        let run = await measure({ ...common, variant, durationSeconds: options.durationSeconds })
        let cpu = stop()
        if (run.requests === 0) {
          // Seen once with other processes saturating both cores: retry rather than record nothing.
          warn(
            `${backend} ${variant}: no request completed in ${options.durationSeconds} s; retrying once`,
          )
          const again = startCpuMeter({
            serverPid: started.pid,
            postgresDatabase: backend === 'postgres' ? options.postgresDatabase : undefined,
          })
          run = await measure({ ...common, variant, durationSeconds: options.durationSeconds })
          cpu = again()
        }
        const msPerRequest =
          run.requests > 0 ? ((cpu.serverSeconds + cpu.databaseSeconds) * 1000) / run.requests : NaN
        log(
          `  ${variant}: server ${cpu.serverSeconds.toFixed(1)} s + database ${cpu.databaseSeconds.toFixed(1)} s CPU ` +
            `= ${msPerRequest.toFixed(1)} ms CPU per request; machine ${cpu.machineBusyCores.toFixed(2)} busy cores, ` +
            `${cpu.otherBusyCores.toFixed(2)} of them not server or database`,
        )
        return { ...run, cpu: { ...cpu, msPerRequest }, quietBefore: quiet }
      }
      const filtered = await measured('filtered')
      const unfiltered = await measured('unfiltered')
      const unfilteredNoJoins = await measured('unfiltered-nojoins')
      const rail = await measured('rail')
      const search = await measured('search')
      for (const run of [filtered, unfiltered, unfilteredNoJoins, rail, search]) {
        if (run.non2xx > 0 || run.errors > 0) {
          warn(
            `${backend} ${run.variant}: ${run.non2xx} non-2xx responses, ${run.errors} errors (${JSON.stringify(run.statusCodes)})`,
          )
        }
      }
      const errors = started
        .logs()
        .split('\n')
        .filter((line) => /error|fatal/i.test(line))
      if (errors.length > 0) warn(`${backend}: server errors:\n${errors.slice(-20).join('\n')}`)
      return {
        serverStartMs: started.startMs,
        correctness,
        filtered,
        unfiltered,
        unfilteredNoJoins,
        endpoints,
        rail,
        search,
        ratios: ratiosOf(filtered, unfiltered),
        ratiosNoJoins: ratiosOf(filtered, unfilteredNoJoins),
      }
    }

    // The audit runs before the server: it reads only (no repair), so the HTTP runs see the same
    // database, and a difference is reported before minutes of HTTP runs, not after.
    const audit = options.audit ? await auditStage(backend, db.url, secret, options) : null
    const http = options.http ? await httpStage() : null
    return {
      backend,
      status: 'measured',
      databaseVersion: version,
      schemaSource,
      migrations: prepared.migrations,
      migrationsBehind: describeDrift(hasDrift(prepared.drift) ? prepared.drift : atStart.before),
      sourceChangedBeforeServerStart: sourceChanged,
      timings: {
        schemaMs,
        localApiMs: load.localApiMs,
        bulkLoadMs: load.bulkMs,
        analyzeMs: load.analyzeMs,
      },
      rowsByTable: load.rowsByTable,
      startupBackfill: load.startupBackfill,
      tzVersionStamped: options.stampTzVersion,
      audit,
      http,
      explain,
    }
  } finally {
    if (server) {
      const code = await server.stop()
      log(`${backend}: server stopped (exit ${code})`)
    }
    await db.close().catch(() => undefined)
    if (backend === 'postgres' && !options.keepPostgres) {
      await dropPostgresDatabase(options)
      log(`postgres: dropped database ${options.postgresDatabase}`)
    }
    if (backend === 'sqlite' && !options.keepSqlite) {
      removeSqliteDatabase(options)
      log(`sqlite: removed ${path.relative(process.cwd(), options.sqliteFile)}`)
    }
  }
}

const main = async () => {
  const options = benchOptions()
  const machine = machineInfo()
  const sourceAtStart = sourceFingerprint()
  log(
    `availability benchmark: scale ${options.scale}, ${options.durationSeconds} s per HTTP run, ` +
      `nproc ${machine.nproc}, Node ${machine.node}, load average ${machine.loadAverageAtStart.map((value) => value.toFixed(2)).join(' ')}`,
  )
  if (options.http) ensureBuild()

  const [catalog, generateMs] = await timed('generate catalog', () => generateCatalog(options))
  log(
    `catalog: ${catalog.films.length} films, ${catalog.series.length} series, ${catalog.seasons.length} seasons, ` +
      `${catalog.episodes.length} episodes, ${catalog.licences.length} licences, ${catalog.stats.windows} windows ` +
      `(${JSON.stringify(catalog.stats.licencesByShape)})`,
  )

  const [{ results: engine, index }] = await timed('engine benchmark', () =>
    runEngineBench(catalog, { territory: options.territory, at: new Date() }),
  )
  log(
    `engine: single answer median ${engine.single.batched.medianUs.toFixed(2)} µs, p99 ` +
      `${engine.single.batched.p99Us.toFixed(2)} µs; whole territory ${engine.wholeTerritory.territory} ` +
      `${engine.wholeTerritory.medianMs.toFixed(0)} ms`,
  )

  const [rows, materializeMs] = await timed('materialise availability rows with the engine', () =>
    computeAllAvailabilityRows(catalog, index),
  )
  log(`availability rows: ${rows.length}`)
  const expected = (at: Date) => expectedFilms(catalog, index, rows, options.territory, at)
  const availableNow = expected(new Date())
  if (availableNow.engine.size !== availableNow.rows) {
    warn(
      `engine (${availableNow.engine.size}) and rows (${availableNow.rows}) disagree on ${options.territory}`,
    )
  }
  log(
    `${availableNow.engine.size} of ${catalog.films.length} films available in ${options.territory} now ` +
      `(${((availableNow.engine.size / catalog.films.length) * 100).toFixed(1)}%)`,
  )

  const backends: BackendResult[] = []
  const wanted: Backend[] = [
    ...(options.sqlite ? ['sqlite' as const] : []),
    ...(options.postgres ? ['postgres' as const] : []),
  ]
  for (const backend of wanted) {
    try {
      backends.push(await benchBackend(backend, options, catalog, rows, expected, sourceAtStart))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      warn(`${backend}: ${error instanceof MigrationsBehindError ? '' : 'failed: '}${reason}`)
      backends.push({ backend, status: 'failed', reason: reason.split('\n')[0] })
    }
  }
  if (!options.sqlite) {
    backends.unshift({ backend: 'sqlite', status: 'skipped', reason: 'BENCH_SQLITE=false' })
  }
  if (!options.postgres) {
    backends.push({ backend: 'postgres', status: 'skipped', reason: 'BENCH_POSTGRES=false' })
  }

  const measured = backends.flatMap((result) => (result.status === 'measured' ? [result] : []))
  const withHttp = measured.flatMap((result) =>
    result.http ? [{ ...result, http: result.http }] : [],
  )
  const report: AvailabilityReport = {
    benchmark: 'availability',
    date: new Date().toISOString(),
    machine,
    options: {
      scale: options.scale,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      connections: options.connections,
      seed: options.seed,
      territory: options.territory,
      path: filmsPath(options.pageSize),
      railPath: railPath(options.pageSize),
      searchPath: searchPath(options.pageSize, benchSearchWord),
      searchQuery: benchSearchWord,
    },
    catalog: {
      films: catalog.films.length,
      series: catalog.series.length,
      seasons: catalog.seasons.length,
      episodes: catalog.episodes.length,
      licences: catalog.licences.length,
      territories: benchCountries.length,
      licenceWindows: catalog.stats.windows,
      availabilityRows: rows.length,
      licencesByScope: catalog.stats.licencesByScope,
      licencesByShape: catalog.stats.licencesByShape,
      holdbacks: catalog.stats.holdbacks,
      filmsAvailableInTerritory: availableNow.engine.size,
      searchMatches: titlesMatching(catalog, benchSearchWord),
    },
    timings: { generateMs, materializeMs, totalMs: elapsedMs() },
    sourceChangedDuringRun: changedFiles(sourceAtStart, sourceFingerprint()),
    engine,
    backends,
    targets: {
      engineSingleMedianUs: {
        target: 50,
        measured: engine.single.batched.medianUs,
        met: engine.single.batched.medianUs < 50,
      },
      filteredOverUnfiltered: {
        target: 1.5,
        measured: Object.fromEntries(
          withHttp.map((result) => [result.backend, result.http.ratios.medianLatency]),
        ),
        met:
          withHttp.length > 0 &&
          withHttp.every((result) => result.http.ratios.medianLatency <= 1.5),
      },
    },
  }
  writeReport(report, options)
  console.log(`\n${renderSection(report)}\n`)
  log(
    `wrote ${path.relative(process.cwd(), options.benchmarksFile)} and ${path.relative(process.cwd(), options.resultsFile)}`,
  )
  const failed = backends.filter((result) => result.status === 'failed')
  const differing = measured.filter((result) => (result.audit?.differing ?? 0) > 0)
  if (differing.length > 0) {
    warn(`the rights audit found differences on ${differing.map((r) => r.backend).join(', ')}`)
  }
  if (failed.length > 0 || differing.length > 0) process.exitCode = 1
}

main()
  // Payload instances and pools may keep handles open; the run is over.
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
