import { writeBenchmarkReport, type ReportFiles } from '../benchmarksFile'

import { auditMeetsTargets, type AuditStageResult, auditTargets } from './auditStage'
import type { EngineResults } from './engineBench'
import type { ExplainedStatement, ExplainResults } from './explain'
import type { CpuUsage } from './cpu'
import type { CorrectnessCheck, EndpointCheck, HttpRun } from './http'
import type { StartupBackfillCheck } from './load'

export type MeasuredRun = HttpRun & {
  cpu: CpuUsage & {
    /** (server + database) CPU milliseconds per request: barely moved by other processes. */
    msPerRequest: number
  }
  /** Busy cores of the machine just before the run (after waiting for it to calm down). */
  quietBefore: { waitedSeconds: number; busyCores: number }
}

export type Machine = {
  nproc: number
  cpuModel: string
  memoryGiB: number
  node: string
  platform: string
  loadAverageAtStart: number[]
  nextBuildId: string | null
  gitHead: string | null
  /** `git status --porcelain` of the app's source at the start: what else was measured. */
  uncommittedSource: string[]
}

export type Ratios = {
  /** filtered p50 / baseline p50 (target <= 1.5). */
  medianLatency: number
  p99Latency: number
  /** filtered req/s / baseline req/s (the same target reads >= 0.67 here). */
  requestsPerSecond: number
  /** filtered CPU ms per request / baseline. */
  cpuPerRequest: number
}

/** The production server and the HTTP runs of one backend (absent with BENCH_HTTP=false). */
export type HttpResults = {
  serverStartMs: number
  correctness: CorrectnessCheck
  filtered: MeasuredRun
  unfiltered: MeasuredRun
  unfilteredNoJoins: MeasuredRun
  /** The single rail and search requests made before they were measured. */
  endpoints: EndpointCheck
  /** `GET /api/rails/new` and `GET /api/search`, asked as the filtered page is (territory header). */
  rail: MeasuredRun
  search: MeasuredRun
  /** Against the staff request (the issue's "filtering switched off"). */
  ratios: Ratios
  /** Against the staff request with `joins[availabilityWindows]=false` (without the staff-only join). */
  ratiosNoJoins: Ratios
}

export type BackendResult =
  | {
      backend: 'sqlite' | 'postgres'
      status: 'measured'
      databaseVersion: string
      schemaSource: string
      migrations: string[]
      /** Tables and columns the committed migrations lacked ('' when none). */
      migrationsBehind: string
      /** Source files that changed between the start of the run and this server's start. */
      sourceChangedBeforeServerStart: string[]
      timings: {
        schemaMs: number
        localApiMs: number
        bulkLoadMs: number
        analyzeMs: number
      }
      rowsByTable: Record<string, number>
      /** What a Payload start would backfill after the load (sort titles, search index). */
      startupBackfill: StartupBackfillCheck
      /** Licences loaded with this process's tz database version (BENCH_TZ_STAMP). */
      tzVersionStamped: boolean
      /** The full rights audit in its own process (null with BENCH_AUDIT=false). */
      audit: AuditStageResult | null
      /** null with BENCH_HTTP=false. */
      http: HttpResults | null
      explain: ExplainResults
    }
  | { backend: 'sqlite' | 'postgres'; status: 'skipped' | 'failed'; reason: string }

export type AvailabilityReport = {
  benchmark: 'availability'
  date: string
  machine: Machine
  options: {
    scale: number
    durationSeconds: number
    warmupSeconds: number
    connections: number
    seed: number
    territory: string
    path: string
    railPath: string
    searchPath: string
    /** The search run's `q`: a word of the generator's title vocabulary. */
    searchQuery: string
  }
  catalog: {
    films: number
    series: number
    seasons: number
    episodes: number
    licences: number
    territories: number
    licenceWindows: number
    availabilityRows: number
    licencesByScope: Record<string, number>
    licencesByShape: Record<string, number>
    holdbacks: number
    filmsAvailableInTerritory: number
    /** Films and series whose title has the search word (all, and published). */
    searchMatches: { titles: number; published: number }
  }
  timings: { generateMs: number; materializeMs: number; totalMs: number }
  /** Source files changed while the benchmark ran (other people editing the tree). */
  sourceChangedDuringRun: string[]
  engine: EngineResults
  backends: BackendResult[]
  targets: {
    engineSingleMedianUs: { target: number; measured: number; met: boolean }
    filteredOverUnfiltered: { target: number; measured: Record<string, number>; met: boolean }
  }
}

const int = (value: number): string => Math.round(value).toLocaleString('en-US')
const us = (value: number): string => `${value.toFixed(2)} µs`
const ms = (value: number): string => `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`
const ratio = (value: number): string => `${value.toFixed(2)}×`
const seconds = (value: number): string => `${(value / 1000).toFixed(1)} s`
const tick = (met: boolean): string => (met ? 'met' : '**not met**')

const backendLabel = { sqlite: 'SQLite', postgres: 'PostgreSQL' }

const engineSection = (report: AvailabilityReport): string[] => {
  const { engine } = report
  const whole = engine.wholeTerritory
  const titles = whole.titles
  return [
    '### Engine (in memory, `src/availability`)',
    '',
    `Index over all ${int(report.catalog.licences)} licences (${int(engine.indexedWindows)} indexed windows) built in ${ms(engine.indexBuildMs)}.`,
    '',
    '| measure | median | p99 | target |',
    '| --- | ---: | ---: | --- |',
    `| single answer \`evaluateAvailability\` (batches of ${engine.single.batched.batchSize} calls, ${int(engine.single.batched.samples)} batches) | ${us(engine.single.batched.medianUs)} | ${us(engine.single.batched.p99Us)} | median < 50 µs: ${tick(report.targets.engineSingleMedianUs.met)} |`,
    `| single answer, each call timed alone (${int(engine.single.unbatched.samples)} calls, includes timer overhead) | ${us(engine.single.unbatched.medianUs)} | ${us(engine.single.unbatched.p99Us)} | |`,
    `| whole territory ${whole.territory}: ${int(titles.films)} films + ${int(titles.episodes)} episodes (\`evaluateAvailability\`), ${int(titles.seasons)} seasons + ${int(titles.series)} series (\`evaluateContainer\`), one instant | ${ms(whole.medianMs)} total (min ${ms(whole.minMs)}, max ${ms(whole.maxMs)}, ${whole.runs} runs) | | |`,
    '',
    `Single answers: ${engine.single.queries}. Whole territory: ${int(whole.available.films)} films, ${int(whole.available.episodes)} episodes, ${int(whole.available.seasons)} seasons and ${int(whole.available.series)} series available.`,
    '',
  ]
}

const httpSection = (report: AvailabilityReport): string[] => {
  const lines = [
    `### \`GET ${report.options.path}\` over HTTP (production server, autocannon, ${report.options.connections} connections, ${report.options.durationSeconds} s per run)`,
    '',
    `Filtered: public read with \`X-Viewer-Territory: ${report.options.territory}\` (the SQL join on \`availability-windows\` plus the availability summary hook). Unfiltered: the same request with a staff user's API key (editor role), which skips both, but staff responses also populate the \`availabilityWindows\` join (up to 20 rows per film). Unfiltered-nojoins: the staff request with \`joins[availabilityWindows]=false\`, the closest to “filtering switched off”. Each warmed up for ${report.options.warmupSeconds} s, then measured one after the other. The target applies to the median latency ratio; CPU per request (server process plus Postgres backends) is the least sensitive to other processes on the machine.`,
    '',
    '| backend | variant | p50 latency | p99 latency | requests/s | requests | non-2xx | CPU per request (server + DB) | busy cores: all / others |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const result of report.backends) {
    const label = backendLabel[result.backend]
    if (result.status !== 'measured') {
      const why =
        result.status === 'failed'
          ? 'not measured, see Warnings'
          : `skipped: ${result.reason.replaceAll('|', '\\|')}`
      lines.push(`| ${label} | ${why} | | | | | | | |`)
      continue
    }
    const http = result.http
    if (!http) {
      lines.push(`| ${label} | skipped: BENCH_HTTP=false | | | | | | | |`)
      continue
    }
    for (const run of [http.filtered, http.unfiltered, http.unfilteredNoJoins]) {
      lines.push(runRow(label, run))
    }
    const ratioRow = (name: string, ratios: Ratios) => {
      const met = ratios.medianLatency <= report.targets.filteredOverUnfiltered.target
      lines.push(
        `| ${label} | **${name}** | **${ratio(ratios.medianLatency)}** (≤ 1.5: ${tick(met)}) | ${ratio(ratios.p99Latency)} | ${ratio(ratios.requestsPerSecond)} | | | ${ratio(ratios.cpuPerRequest)} | |`,
      )
    }
    ratioRow('filtered / unfiltered', http.ratios)
    ratioRow('filtered / unfiltered-nojoins', http.ratiosNoJoins)
  }
  lines.push('')
  return lines
}

const runRow = (label: string, run: MeasuredRun): string =>
  `| ${label} | ${run.variant} | ${ms(run.latencyP50Ms)} | ${ms(run.latencyP99Ms)} | ${run.requestsPerSecond.toFixed(1)} | ${int(run.requests)} | ${run.non2xx} | ${ms(run.cpu.msPerRequest)} | ${run.cpu.machineBusyCores.toFixed(2)} / ${run.cpu.otherBusyCores.toFixed(2)} |`

/** The public rail and search, measured in the same run and server as the list page. */
const endpointsSection = (report: AvailabilityReport): string[] => {
  const { searchMatches } = report.catalog
  const lines = [
    `### \`GET ${report.options.railPath}\` and \`GET ${report.options.searchPath}\` over HTTP (same server and settings as the list page)`,
    '',
    `Public reads with \`X-Viewer-Territory: ${report.options.territory}\`, as the filtered list page, measured right after it. Rail: the automatic \`new\` rail. Search: \`q=${report.options.searchQuery}\`, a noun of the generator's title vocabulary, in the English titles of ${int(searchMatches.titles)} films and series (${int(searchMatches.published)} of them published); the viewer sees those licensed in ${report.options.territory} now (\`totalDocs\` below).`,
    '',
    '| backend | variant | p50 latency | p99 latency | requests/s | requests | non-2xx | CPU per request (server + DB) | busy cores: all / others |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  const checks: string[] = []
  for (const result of report.backends) {
    if (result.status !== 'measured' || !result.http) continue
    const label = backendLabel[result.backend]
    const { rail, search, endpoints } = result.http
    lines.push(runRow(label, rail), runRow(label, search))
    checks.push(
      `- ${label}: rail ${endpoints.railItems} items; search \`totalDocs\` ${int(endpoints.searchTotalDocs)} (${endpoints.searchHits} on the page).`,
    )
  }
  lines.push('', ...checks, '')
  return lines
}

const correctnessSection = (report: AvailabilityReport): string[] => {
  const lines = ['### Correctness check', '']
  for (const result of report.backends) {
    if (result.status !== 'measured' || !result.http) continue
    const check = result.http.correctness
    lines.push(
      `- ${backendLabel[result.backend]}: public \`totalDocs\` ${int(check.filteredTotalDocs)}, expected ${int(check.expectedTotalDocs)} (engine) / ${int(check.expectedFromRows)} (materialised rows) at ${check.at}; staff \`totalDocs\` ${int(check.unfilteredTotalDocs)} of ${int(check.expectedUnfilteredTotalDocs)} films (drafts included); page films all available: ${check.pageFilmsAvailable ? 'yes' : 'NO'}; summaries on public docs: ${check.pageHasSummaries ? 'yes' : 'NO'}. **${check.ok ? 'OK' : 'MISMATCH'}**`,
    )
  }
  lines.push('')
  return lines
}

const mib = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MiB`

const auditSection = (report: AvailabilityReport): string[] => {
  const lines = [
    '### Rights audit of the whole catalog (`auditCatalog`, `npm run rights:audit`)',
    '',
    `Run in its own process on each backend after the bulk load and before the server starts (it only reads: no repair), as \`npm run rights:audit\` runs it: Payload boots on the bench database (onInit included), then \`auditCatalog\` recomputes every title's rows from the licences batch by batch and compares them with the stored rows. The rows were materialised with the engine, so every difference is a bug. Target: under ${auditTargets.seconds} s and under 1 GiB peak memory (the process's peak resident set, \`VmHWM\`, init included; not getrusage's \`maxRSS\`, which on Linux carries the forking bench process's peak into the child).`,
    '',
    "Each title's stored rows are compared as one text per title built by the database (`readRowDigests`); only titles whose texts differ are read and compared row by row. Wall time depends on what else the machine runs (this machine is shared): the audit process's own CPU time and the load average around the run are given beside it. On PostgreSQL the database server's work is not in the audit process's CPU time.",
    '',
    '| backend | titles checked | batches (batch size) | differing titles (rows missing / extra / different) | audit time (wall) | audit process CPU | load average (start / end) | peak RSS | peak heap after a batch | process init | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ]
  for (const result of report.backends) {
    const label = backendLabel[result.backend]
    if (result.status !== 'measured') continue
    const audit = result.audit
    if (!audit) {
      lines.push(`| ${label} | skipped: BENCH_AUDIT=false | | | | | | | | | |`)
      continue
    }
    const differing =
      audit.differing === 0
        ? '0'
        : `**${int(audit.differing)}** (${int(audit.rows.missing)} / ${int(audit.rows.extra)} / ${int(audit.rows.different)})`
    lines.push(
      `| ${label} | ${int(audit.titlesChecked)} | ${int(audit.batches)} (${audit.batchSize ?? 'default'}) | ${differing} | ${seconds(audit.auditMs)} | ${seconds(audit.cpuMs)} | ${audit.loadAverage.map((value) => value.toFixed(1)).join(' / ')} | ${mib(audit.maxRssBytes)} | ${mib(audit.heapUsedMaxBytes)} | ${seconds(audit.initMs)} | < ${auditTargets.seconds} s, < 1 GiB: ${tick(auditMeetsTargets(audit))}${audit.differing > 0 ? '; **differences found**' : ''} |`,
    )
  }
  lines.push(
    '',
    'Search index (`auditSearchIndex`, run after the catalog as `npm run rights:audit` runs it, no repair) and what a start would backfill after the load (sort titles of every locale and the search entries are bulk-loaded as the title hooks write them):',
    '',
  )
  for (const result of report.backends) {
    if (result.status !== 'measured') continue
    const backfill = result.startupBackfill
    const search = result.audit?.searchIndex
    const clean = search ? search.differing === 0 && search.orphans === 0 : null
    lines.push(
      `- ${backendLabel[result.backend]}: ${
        search
          ? `${int(search.checked)} titles checked in ${seconds(search.ms)}, ${int(search.differing)} differing, ${int(search.orphans)} orphans: **${clean ? 'clean' : 'NOT clean'}**`
          : 'search index not audited'
      }; after the load ${int(backfill.titlesMissingSortTitle)} titles lacked a sort title, ${int(backfill.searchEntries)} search entries${backfill.searchIndexWouldBeRebuilt ? ' (**the index would be rebuilt at start**)' : ''}.`,
    )
  }
  const stamps = report.backends.flatMap((result) =>
    result.status === 'measured' ? [result.tzVersionStamped] : [],
  )
  const tz = report.backends.flatMap((result) =>
    result.status === 'measured' && result.audit ? [result.audit.tzVersion] : [],
  )[0]
  lines.push(
    '',
    stamps.every(Boolean)
      ? `Licences are loaded stamped with the tz database version (\`tzVersion\` ${tz ?? ''}), as saving one stamps it, so the start of the audit process and of the server re-resolves none.`
      : '**Licences were loaded unstamped (`BENCH_TZ_STAMP=false`)**: the process init above includes re-resolving every licence for the tz database (what a server start costs after a tz database update).',
    '',
  )
  return lines
}

/** Statements issued more than twice in one read (same SQL text, parameters aside). */
const repeatedStatements = (statements: readonly ExplainedStatement[]) => {
  const groups = new Map<string, { sql: string; count: number; totalMs: number }>()
  for (const statement of statements) {
    // Aliases of joined tables are random per query; they do not make statements different.
    const sql = statement.sql
      .replace(/\s+/g, ' ')
      .replace(/"[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{12}"/g, '"t"')
      .replace(/\(\$?\d*(, \$?\d*)*\)|\(\?(, \?)*\)/g, '(…)')
    const group = groups.get(sql) ?? { sql, count: 0, totalMs: 0 }
    group.count += 1
    group.totalMs += statement.medianMs
    groups.set(sql, group)
  }
  return [...groups.values()].filter((group) => group.count > 2).sort((a, b) => b.count - a.count)
}

/** The slowest statements of each read, with the first plan lines: where the time goes. */
const queryNotes = (report: AvailabilityReport): string[] => {
  const lines = [
    '### Where the time goes (Local API, same access rules, statements re-run alone)',
    '',
  ]
  for (const result of report.backends) {
    if (result.status !== 'measured') continue
    for (const variant of ['filtered', 'unfiltered'] as const) {
      const read = result.explain[variant]
      const slowest = [...read.statements].sort((a, b) => b.medianMs - a.medianMs).slice(0, 2)
      lines.push(
        `- ${backendLabel[result.backend]} ${variant}: Local API read ${ms(read.localApiMs)}, ${read.statements.length} SQL statements summing to ${ms(read.totalStatementMs)}; slowest: ` +
          slowest
            .map(
              (statement) =>
                `${ms(statement.medianMs)} \`${statement.sql.replace(/\s+/g, ' ').slice(0, 110)}…\``,
            )
            .join('; '),
      )
      for (const repeated of repeatedStatements(read.statements)) {
        lines.push(
          `  - repeated ${repeated.count}× (${ms(repeated.totalMs)} in all): \`${repeated.sql.slice(0, 140)}…\``,
        )
      }
    }
  }
  lines.push(
    '',
    'Full statements and plans: `bench/results/availability.json` (`backends[].explain`).',
    '',
  )
  return lines
}

const warningsSection = (report: AvailabilityReport): string[] => {
  const lines: string[] = []
  for (const result of report.backends) {
    if (result.status === 'failed') {
      lines.push(`- **${backendLabel[result.backend]} not measured:** ${result.reason}`)
    } else if (result.status === 'measured' && result.migrationsBehind) {
      lines.push(
        `- **${backendLabel[result.backend]}: the committed migrations are behind the schema** (${result.migrationsBehind}); measured on a pushed schema (\`BENCH_PUSH_ON_DRIFT=true\`).`,
      )
    }
  }
  const files = (list: string[]) =>
    `${list
      .slice(0, 12)
      .map((file) => `\`${file}\``)
      .join(', ')}${list.length > 12 ? ', …' : ''}`
  // Type declarations change nothing at run time.
  const runtime = (list: string[]) => list.filter((file) => !file.endsWith('payload-types.ts'))
  const measured = report.backends.flatMap((result) =>
    result.status === 'measured' ? [result] : [],
  )
  const loaded = measured.map((result) => runtime(result.sourceChangedBeforeServerStart))
  const same = loaded.every((list) => list.join('|') === loaded[0]?.join('|'))
  if (loaded.some((list) => list.length > 0)) {
    if (same) {
      lines.push(
        `- Source edited by others after the run started and before the servers started; every backend's server loaded the same version: ${files(loaded[0])}.`,
      )
    } else {
      for (const result of measured) {
        lines.push(
          `- **${backendLabel[result.backend]}'s server loaded different source than the others** (edited during the run): ${files(runtime(result.sourceChangedBeforeServerStart))}.`,
        )
      }
    }
  }
  const later = report.sourceChangedDuringRun.filter(
    (file) => !loaded.some((list) => list.includes(file)),
  )
  if (runtime(later).length > 0) {
    lines.push(
      `- Source edited after the last server had started (not loaded by the measured servers): ${files(runtime(later))}.`,
    )
  }
  return lines.length > 0 ? ['### Warnings', '', ...lines, ''] : []
}

export const renderSection = (report: AvailabilityReport): string => {
  const { machine, catalog } = report
  const lines = [
    '## Availability',
    '',
    `\`npm run bench:availability\`, ${report.date.slice(0, 16).replace('T', ' ')} UTC. Machine: \`nproc\` ${machine.nproc} (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverageAtStart.map((value) => value.toFixed(2)).join(' / ')} at start. Next build \`${machine.nextBuildId ?? 'none'}\`. Source: commit \`${machine.gitHead ?? '?'}\`${
      machine.uncommittedSource.length > 0
        ? ` plus ${machine.uncommittedSource.length} uncommitted change(s) under src/, collections/, hooks/, migrations/ (other work in progress: ${machine.uncommittedSource
            .slice(0, 8)
            .map((line) => `\`${line.slice(3)}\``)
            .join(', ')}${machine.uncommittedSource.length > 8 ? ', …' : ''})`
        : ''
    }.`,
    '',
    `Catalog (scale ${report.options.scale}, seed ${report.options.seed}): ${int(catalog.films)} films, ${int(catalog.series)} series with ${int(catalog.seasons)} seasons and ${int(catalog.episodes)} episodes, ${int(catalog.licences)} licences (${int(catalog.holdbacks)} holdbacks) across ${catalog.territories} territories: ${int(catalog.licenceWindows)} resolved licence windows, ${int(catalog.availabilityRows)} materialised \`availability-windows\` rows; ${int(catalog.filmsAvailableInTerritory)} films (${((catalog.filmsAvailableInTerritory / catalog.films) * 100).toFixed(1)}%) available in ${report.options.territory} now. Generated in ${seconds(report.timings.generateMs)}, rows materialised with the engine in ${seconds(report.timings.materializeMs)}; whole run ${seconds(report.timings.totalMs)}.`,
    '',
    ...warningsSection(report),
    ...engineSection(report),
    ...auditSection(report),
    ...httpSection(report),
    ...endpointsSection(report),
    ...correctnessSection(report),
    ...queryNotes(report),
    '#### Load times',
    '',
    '| backend | schema (migrations) | Local API (regions, genres, user) | bulk insert | ANALYZE | server start |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...report.backends.flatMap((result) =>
      result.status === 'measured'
        ? [
            `| ${backendLabel[result.backend]} ${result.databaseVersion} (${result.schemaSource}) | ${seconds(result.timings.schemaMs)} | ${seconds(result.timings.localApiMs)} | ${seconds(result.timings.bulkLoadMs)} | ${seconds(result.timings.analyzeMs)} | ${result.http ? seconds(result.http.serverStartMs) : 'not started'} |`,
          ]
        : [],
    ),
    '',
    'Targets are reported, not asserted. Raw results: `bench/results/availability.json`.',
  ]
  return lines.join('\n')
}

/** Writes the raw JSON and replaces (or appends) only this section of BENCHMARKS.md. */
export const writeReport = (report: AvailabilityReport, files: ReportFiles): void =>
  writeBenchmarkReport('availability', report, renderSection(report), files)
