import { type ReportFiles, writeBenchmarkReport } from '../benchmarksFile'
import type { GeneratedAvails } from './generate'
import type { BackendResult, PhaseResult } from './result'

export type AvailsReport = {
  measuredAt: string
  gitHead: string | null
  machine: { nproc: number; cpuModel: string; memoryGiB: number; node: string }
  seed: number
  file: {
    rows: number
    bytes: number
    avails: number
    mergedAvails: number
    expectedLicences: number
    titlesNamed: number
    generateMs: number
    mix: GeneratedAvails['mix']
  }
  targets: { applySeconds: number; memoryGrowthMiB: number }
  backends: BackendResult[]
}

const mib = (bytes: number) => (bytes / 1024 ** 2).toFixed(0)
const seconds = (ms: number) => (ms / 1000).toFixed(1)
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**')
const tally = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([key, value]) => `${key} ${value}`)
    .join(', ')

const phaseRow = (name: string, backend: string, phase: PhaseResult) =>
  `| ${backend} | ${name} | ${seconds(phase.wallMs)} s | ${seconds(phase.cpuUserMs + phase.cpuSystemMs)} s | ` +
  `${mib(phase.rssBeforeBytes)} → ${mib(phase.rssPeakBytes)} MiB (+${mib(phase.rssGrowthBytes)}) | ` +
  `${mib(phase.heapUsedBeforeBytes)} → ${mib(phase.heapUsedPeakBytes)} MiB (+${mib(phase.heapUsedGrowthBytes)}) | ` +
  `${phase.loadAverage.map((load) => load.toFixed(1)).join(' → ')} |`

const growthMiB = (phase: PhaseResult) =>
  Math.max(phase.rssGrowthBytes, phase.heapUsedGrowthBytes) / 1024 ** 2

export const renderAvailsSection = (report: AvailsReport): string => {
  const { file, targets, machine } = report
  const sqlite = report.backends.find((backend) => backend.backend === 'sqlite')
  const measured = new Set(report.backends.map((backend) => backend.backend))
  const missing = (['sqlite', 'postgres'] as const).filter((backend) => !measured.has(backend))
  return [
    '## bench:avails',
    '',
    `\`npm run bench:avails\` (bench/avails/), ${report.measuredAt}, commit ${report.gitHead ?? '?'}: a generated`,
    `EMA Avails workbook (XLSX, v1.9 layout, Movies and TV sheets) of **${file.rows} rows** (${(file.bytes / 1024 ** 2).toFixed(1)} MiB),`,
    `${file.avails} avails (${file.mergedAvails} stated by 2-3 format rows that merge into one licence) for ${file.titlesNamed}`,
    `titles of a generated catalog, **${file.expectedLicences} licences** expected (one per avail and country).`,
    'Each backend: a fresh database from the committed migrations, the reference regions, the',
    'catalog through the Local API, then in the same process (its own, measured alone) the dry run',
    '(`recordDryRun`, what `POST /api/avails/imports` calls) and the apply (`applyAvailsImport`, what',
    '`POST /api/avails/imports/:id/apply` calls: the new licences in batched INSERTs with what their',
    'hooks would store, availability rows and conflicts of the touched titles, then their rights',
    'audit). Memory: growth over the value after a full GC',
    'right before the phase; RSS peak is the kernel high-water mark (VmHWM, reset at the phase start),',
    `heap sampled every 10 ms. Machine: ${machine.nproc} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, Node ${machine.node}.`,
    '',
    '| backend | phase | wall | CPU (user + sys) | RSS before → peak | heap used before → peak | machine load (1-min average, start → end) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...report.backends.flatMap((backend) => [
      phaseRow('dry run', backend.backend, backend.dryRun),
      phaseRow('apply', backend.backend, backend.apply),
    ]),
    '',
    '| backend | licences created (expected) | licences in the database | error rows | conflicts | audit of touched titles (checked / differing) | whole-catalog audit | transaction | checks |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.backends.map(
      (backend) =>
        `| ${backend.backend} | ${backend.counts.create} (${file.expectedLicences}) | ${backend.licencesWritten} | ${backend.counts.errorRows} | ${backend.counts.conflicts} | ` +
        `${backend.audit.checked} / ${backend.audit.differing} | ${backend.catalogAudit.checked} / ${backend.catalogAuditDiffering} | ` +
        `${backend.transactional ? 'yes' : 'no (undo steps)'} | ${backend.problems.length === 0 ? 'passed' : `**${backend.problems.join('; ')}**`} |`,
    ),
    '',
    `A machine load above ${machine.nproc} means other processes competed for the cores: wall times then exceed`,
    'what the work needs; the CPU time is the figure to compare between runs.',
    '',
    'Targets:',
    '',
    sqlite
      ? `- apply under ${targets.applySeconds} s on SQLite: ${seconds(sqlite.apply.wallMs)} s, ${verdict(sqlite.apply.wallMs < targets.applySeconds * 1000)}`
      : `- apply under ${targets.applySeconds} s on SQLite: not measured`,
    ...report.backends.map(
      (backend) =>
        `- memory growth under ${targets.memoryGrowthMiB} MiB (${backend.backend}, the larger of RSS and heap, dry run and apply): ` +
        `${Math.max(growthMiB(backend.dryRun), growthMiB(backend.apply)).toFixed(0)} MiB, ` +
        `${verdict(growthMiB(backend.dryRun) < targets.memoryGrowthMiB && growthMiB(backend.apply) < targets.memoryGrowthMiB)}`,
    ),
    ...(missing.length > 0 ? [`- not measured: ${missing.join(', ')}`] : []),
    '',
    `Setup (not measured): ${report.backends.map((backend) => `${backend.backend} ${seconds(backend.setupMs)} s for ${backend.catalogTitles} titles`).join(', ')}.`,
    `The file's mix (rows): work types ${tally(file.mix.workTypes)}; licence types ${tally(file.mix.licenseTypes)};`,
    `formats ${tally(file.mix.formatRows)}; territory cells ${tally(file.mix.territoryCells)};`,
    `Start as ${tally(file.mix.startForms)}; End as ${tally(file.mix.endForms)}; entry types ${tally(file.mix.entryTypes)};`,
    `titles matched by ${tally(file.mix.matchedBy)}; ${file.mix.exclusiveRows} exclusive rows.`,
  ].join('\n')
}

export const writeAvailsReport = (report: AvailsReport, files: ReportFiles): void =>
  writeBenchmarkReport('avails', report, renderAvailsSection(report), files)
