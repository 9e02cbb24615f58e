import path from 'node:path'

/** Everything a run can be told through the environment, with the numbers as defaults. */
export type BenchOptions = {
  /** Multiplies every catalog size (0.05 for a smoke run). */
  scale: number
  films: number
  series: number
  episodes: number
  licences: number
  /** Seconds per measured autocannon run. */
  durationSeconds: number
  warmupSeconds: number
  connections: number
  seed: number
  sqlite: boolean
  postgres: boolean
  postgresServerUrl: string
  postgresDatabase: string
  keepPostgres: boolean
  /** Keep bench/.data/availability.db (1.5 GB at full scale) for tryIndexes.ts or poking at. */
  keepSqlite: boolean
  sqliteFile: string
  /** When the committed migrations lack tables or columns: push the schema instead of failing. */
  pushOnDrift: boolean
  /** Run the production server and the HTTP measurements (false: load, EXPLAIN, audit only). */
  http: boolean
  /** Run the full rights audit (`auditCatalog`) in its own process on each backend. */
  audit: boolean
  /** Titles per audit batch; undefined: `auditCatalog`'s default. */
  auditBatchSize: number | undefined
  /**
   * Stamp the loaded licences with this process's tz database version, as saving a licence
   * does (false: leave them unstamped, to measure what re-resolving them all at start costs).
   */
  stampTzVersion: boolean
  /** Before each measured HTTP run, wait up to this long for other processes to calm down. */
  quietWaitSeconds: number
  quietThresholdCores: number
  territory: string
  pageSize: number
  resultsFile: string
  benchmarksFile: string
}

const numberFrom = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value.trim() === '') return fallback
  const parsed = Number(value)
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number`)
  return parsed
}

const flag = (value: string | undefined, fallback: boolean): boolean =>
  value === undefined || value === '' ? fallback : !['0', 'false', 'no', 'off'].includes(value)

export const benchOptions = (env: NodeJS.ProcessEnv = process.env): BenchOptions => {
  const root = process.cwd()
  const scale = numberFrom(env.BENCH_SCALE, 1, 'BENCH_SCALE')
  const scaled = (count: number) => Math.max(1, Math.round(count * scale))
  const durationSeconds = numberFrom(env.BENCH_DURATION, 20, 'BENCH_DURATION')
  return {
    scale,
    films: scaled(10_000),
    series: scaled(200),
    episodes: scaled(10_000),
    licences: scaled(100_000),
    durationSeconds,
    warmupSeconds: numberFrom(env.BENCH_WARMUP, Math.min(5, durationSeconds), 'BENCH_WARMUP'),
    connections: numberFrom(env.BENCH_CONNECTIONS, 10, 'BENCH_CONNECTIONS'),
    seed: numberFrom(env.BENCH_SEED, 20_261_123, 'BENCH_SEED'),
    sqlite: flag(env.BENCH_SQLITE, true),
    postgres: flag(env.BENCH_POSTGRES, true),
    postgresServerUrl: env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    postgresDatabase: env.BENCH_POSTGRES_DATABASE ?? 'reelhouse_bench',
    keepPostgres: flag(env.BENCH_KEEP_POSTGRES, false),
    keepSqlite: flag(env.BENCH_KEEP_SQLITE, false),
    sqliteFile: path.join(root, 'bench/.data/availability.db'),
    pushOnDrift: flag(env.BENCH_PUSH_ON_DRIFT, false),
    http: flag(env.BENCH_HTTP, true),
    audit: flag(env.BENCH_AUDIT, true),
    auditBatchSize:
      env.BENCH_AUDIT_BATCH_SIZE === undefined || env.BENCH_AUDIT_BATCH_SIZE === ''
        ? undefined
        : Math.round(numberFrom(env.BENCH_AUDIT_BATCH_SIZE, 100, 'BENCH_AUDIT_BATCH_SIZE')),
    stampTzVersion: flag(env.BENCH_TZ_STAMP, true),
    quietWaitSeconds:
      env.BENCH_QUIET_WAIT === '0' ? 0 : numberFrom(env.BENCH_QUIET_WAIT, 45, 'BENCH_QUIET_WAIT'),
    quietThresholdCores: numberFrom(env.BENCH_QUIET_CORES, 0.5, 'BENCH_QUIET_CORES'),
    territory: 'DE',
    pageSize: 24,
    resultsFile: path.join(root, 'bench/results/availability.json'),
    benchmarksFile: path.join(root, 'BENCHMARKS.md'),
  }
}
