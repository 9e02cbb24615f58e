/**
 * `npm run bench:avails`: generates an EMA Avails workbook (10,000 rows by default,
 * BENCH_AVAILS_ROWS to change) for a generated catalog, then on SQLite and on PostgreSQL (a
 * fresh database each) measures the dry run and the apply of the import in a process of its
 * own (`child.ts`), checks the licences created and the rights audit, and writes
 * bench/results/avails.json and the `bench:avails` section of BENCHMARKS.md.
 *
 *   npm run bench:avails
 *   BENCH_AVAILS_ROWS=500 npm run bench:avails -- --no-report    # smoke run
 *   BENCH_AVAILS_CPU_PROFILE=1 ...                                # CPU profile of each child
 *   npm run bench:avails -- --render     # the section again from bench/results/avails.json
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { benchOptions } from '../availability/options'
import {
  type Backend,
  dropPostgresDatabase,
  freshDatabase,
  newSecret,
  removeSqliteDatabase,
} from '../availability/database'
import { generateAvails, writeAvailsWorkbook } from './generate'
import { summariseProfile } from './profile'
import { type AvailsReport, writeAvailsReport } from './report'
import { availsMarker, type BackendResult } from './result'

const flag = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : !['0', 'false', 'no', 'off'].includes(value)

const rows = Number(process.env.BENCH_AVAILS_ROWS ?? 10_000)
if (!Number.isInteger(rows) || rows < 10) throw new Error('BENCH_AVAILS_ROWS: a whole number >= 10')
const seed = Number(process.env.BENCH_SEED ?? 20_261_204)
const profile = flag(process.env.BENCH_AVAILS_CPU_PROFILE, false)
const writeReport = !process.argv.includes('--no-report')
const root = process.cwd()
const options = {
  ...benchOptions(),
  sqliteFile: path.join(root, 'bench/.data/avails.db'),
  postgresDatabase: process.env.BENCH_AVAILS_POSTGRES_DATABASE ?? 'reelhouse_bench_avails',
}
const backends: Backend[] = [
  ...(flag(process.env.BENCH_SQLITE, true) ? (['sqlite'] as const) : []),
  ...(flag(process.env.BENCH_POSTGRES, true) ? (['postgres'] as const) : []),
]
const targets = { applySeconds: 60, memoryGrowthMiB: 500 }

const log = (line: string) => console.log(`[bench:avails] ${line}`)

const runChild = (backend: Backend, url: string, files: { xlsx: string; spec: string }) =>
  new Promise<BackendResult>((resolve, reject) => {
    const profileDir = path.join(os.tmpdir(), `avails-prof-${backend}`)
    if (profile) fs.rmSync(profileDir, { recursive: true, force: true })
    const child = spawn(
      process.execPath,
      [
        '--conditions=production',
        '--expose-gc',
        ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
        '--import',
        'tsx',
        'bench/avails/child.ts',
      ],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATABASE_URL: url,
          PAYLOAD_SECRET: newSecret(),
          BENCH_BACKEND: backend,
          BENCH_AVAILS_FILE: files.xlsx,
          BENCH_AVAILS_SPEC: files.spec,
          JOBS_AUTORUN: 'false',
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      const line = output.split('\n').find((text) => text.startsWith(availsMarker))
      if (code !== 0 || !line) {
        reject(new Error(`${backend}: the import process exited ${code}:\n${output.slice(-3000)}`))
        return
      }
      const result = JSON.parse(line.slice(availsMarker.length)) as BackendResult
      if (profile) {
        const [profileFile] = fs
          .readdirSync(profileDir)
          .filter((name) => name.endsWith('.cpuprofile'))
        if (profileFile) {
          const summary = summariseProfile(path.join(profileDir, profileFile))
          log(`${backend}: CPU profile ${path.join(profileDir, profileFile)}`)
          console.log(summary)
        }
      }
      resolve(result)
    })
  })

const gitHead = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
  } catch {
    return null
  }
}

const resultsFile = path.join(root, 'bench/results/avails.json')
const benchmarksFile = path.join(root, 'BENCHMARKS.md')

// `-- --render`: the section again from the last results (after a change to the report's form).
if (process.argv.includes('--render')) {
  const last = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as AvailsReport
  writeAvailsReport(last, { resultsFile, benchmarksFile })
  log('rendered the bench:avails section of BENCHMARKS.md from bench/results/avails.json')
  process.exit(0)
}

const generateStart = performance.now()
const generated = generateAvails(rows, seed)
const workbook = await writeAvailsWorkbook(generated)
const generateMs = performance.now() - generateStart
const dataDir = path.join(root, 'bench/.data')
fs.mkdirSync(dataDir, { recursive: true })
const files = { xlsx: path.join(dataDir, 'avails.xlsx'), spec: path.join(dataDir, 'avails.json') }
fs.writeFileSync(files.xlsx, workbook)
fs.writeFileSync(
  files.spec,
  JSON.stringify({
    catalog: generated.catalog,
    expectedLicences: generated.expectedLicences,
    rows: generated.rows.length,
  }),
)
log(
  `${generated.rows.length} rows (${(workbook.length / 1024 ** 2).toFixed(1)} MiB XLSX), ` +
    `${generated.avails} avails, ${generated.expectedLicences} licences expected, ` +
    `${generated.titles} titles named, generated in ${(generateMs / 1000).toFixed(1)} s`,
)

const results: BackendResult[] = []
let failed = false
for (const backend of backends) {
  const url = await freshDatabase(backend, options)
  try {
    const result = await runChild(backend, url, files)
    results.push(result)
    log(
      `${backend}: dry run ${(result.dryRun.wallMs / 1000).toFixed(1)} s, apply ` +
        `${(result.apply.wallMs / 1000).toFixed(1)} s (CPU ${((result.apply.cpuUserMs + result.apply.cpuSystemMs) / 1000).toFixed(1)} s, ` +
        `RSS +${(result.apply.rssGrowthBytes / 1024 ** 2).toFixed(0)} MiB), ` +
        `${result.licencesWritten} licences, audit ${result.audit.checked} checked / ${result.audit.differing} differing`,
    )
    for (const problem of result.problems) log(`${backend}: PROBLEM: ${problem}`)
    if (result.problems.length > 0) failed = true
  } catch (error) {
    failed = true
    log(String(error))
  } finally {
    if (backend === 'sqlite') removeSqliteDatabase(options)
    else await dropPostgresDatabase(options)
  }
}
fs.rmSync(files.xlsx, { force: true })
fs.rmSync(files.spec, { force: true })

const report: AvailsReport = {
  measuredAt: new Date().toISOString(),
  gitHead: gitHead(),
  machine: {
    nproc: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
  },
  seed,
  file: {
    rows: generated.rows.length,
    bytes: workbook.length,
    avails: generated.avails,
    mergedAvails: generated.mergedAvails,
    expectedLicences: generated.expectedLicences,
    titlesNamed: generated.titles,
    generateMs,
    mix: generated.mix,
  },
  targets,
  backends: results,
}
if (writeReport) {
  writeAvailsReport(report, { resultsFile, benchmarksFile })
  log('wrote bench/results/avails.json and the bench:avails section of BENCHMARKS.md')
}
process.exit(failed || results.length < backends.length ? 1 : 0)
