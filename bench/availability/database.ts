import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'
import { buildConfig, getPayload, type Payload } from 'payload'

import { migrations as postgresMigrations } from '../../migrations/postgres'
import { migrations as sqliteMigrations } from '../../migrations/sqlite'
import { closePayload } from '../../src/config/closeDatabase'
import { reelhouseConfig } from '../../reelhouseConfig'
import { log, warn } from './log'
import type { BenchOptions } from './options'
import type { SchemaCheckResult } from './schemaCheck'

export type Backend = 'sqlite' | 'postgres'

export type Row = Record<string, unknown>

type DrizzleTable = object

/** The part of the adapters' drizzle instance the loader uses. */
export interface DrizzleLike {
  insert(table: DrizzleTable): { values(rows: Row[]): PromiseLike<unknown> }
  transaction<T>(run: (tx: DrizzleLike) => Promise<T>): Promise<T>
}

interface SqlAdapterLike {
  name: string
  drizzle: DrizzleLike
  tables: Record<string, DrizzleTable>
  client?: { execute(statement: { sql: string; args: unknown[] }): Promise<{ rows: Row[] }> }
  pool?: { query(text: string, values?: unknown[]): Promise<{ rows: Row[] }> }
}

export type SchemaDrift = { missingTables: string[]; missingColumns: string[] }

export type BenchDatabase = {
  backend: Backend
  url: string
  payload: Payload
  adapter: SqlAdapterLike
  /** Raw SQL on the adapter's own connection; `?` placeholders on SQLite, `$1` on Postgres. */
  query(sql: string, params?: unknown[]): Promise<Row[]>
  close(): Promise<void>
}

const drizzleColumns = Symbol.for('drizzle:Columns')
const drizzleName = Symbol.for('drizzle:Name')

export const tableNameOf = (table: DrizzleTable): string =>
  String((table as Record<symbol, unknown>)[drizzleName])

export type ColumnInfo = { name: string; notNull: boolean; hasDefault: boolean; primary: boolean }

export const columnsOf = (table: DrizzleTable): Record<string, ColumnInfo> =>
  (table as Record<symbol, Record<string, ColumnInfo>>)[drizzleColumns]

const postgresUrlFor = (options: BenchOptions): string => {
  const url = new URL(options.postgresServerUrl)
  url.pathname = `/${options.postgresDatabase}`
  return url.toString()
}

const withPostgresServer = async <T>(
  options: BenchOptions,
  run: (client: pg.Client) => Promise<T>,
) => {
  const client = new pg.Client({ connectionString: options.postgresServerUrl })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`

/** A brand-new empty database (the SQLite file removed, the Postgres database recreated). */
export const freshDatabase = async (backend: Backend, options: BenchOptions): Promise<string> => {
  if (backend === 'sqlite') {
    fs.mkdirSync(path.dirname(options.sqliteFile), { recursive: true })
    for (const suffix of ['', '-journal', '-wal', '-shm']) {
      fs.rmSync(`${options.sqliteFile}${suffix}`, { force: true })
    }
    return `file:${options.sqliteFile}`
  }
  const name = quoteIdentifier(options.postgresDatabase)
  await withPostgresServer(options, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${name}`)
  })
  return postgresUrlFor(options)
}

/** Removes the SQLite file (Prettier, run on the whole tree, would try to read it). */
export const removeSqliteDatabase = (options: BenchOptions): void => {
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    fs.rmSync(`${options.sqliteFile}${suffix}`, { force: true })
  }
}

export const dropPostgresDatabase = async (options: BenchOptions): Promise<void> => {
  await withPostgresServer(options, async (client) => {
    await client.query(
      `DROP DATABASE IF EXISTS ${quoteIdentifier(options.postgresDatabase)} WITH (FORCE)`,
    )
  })
}

let instances = 0

/**
 * A Payload instance on `url`. With `runMigrations` it starts as production does: the committed
 * migrations run and the schema is never pushed. Without, it connects and touches nothing but
 * what the config's onInit does (`disableOnInit` skips that too: no admin created, no licence
 * re-resolved for the tz database).
 */
export const openDatabase = async (
  backend: Backend,
  url: string,
  {
    secret,
    runMigrations,
    disableOnInit = false,
  }: { secret: string; runMigrations: boolean; disableOnInit?: boolean },
): Promise<BenchDatabase> => {
  if (process.env.NODE_ENV !== 'production') {
    throw new Error('run the benchmark with NODE_ENV=production (npm run bench:availability does)')
  }
  const env = {
    ...process.env,
    // Decides whether the adapter gets the committed migrations (src/config/database.ts).
    NODE_ENV: runMigrations ? 'production' : 'development',
    PAYLOAD_SECRET: secret,
    JOBS_AUTORUN: 'false',
  }
  const config = await buildConfig(reelhouseConfig({ env, databaseUrl: url }))
  instances += 1
  const payload = await getPayload({
    config,
    key: `bench-availability-${instances}`,
    disableOnInit,
  })
  const adapter = payload.db as unknown as SqlAdapterLike
  const query = async (sql: string, params: unknown[] = []): Promise<Row[]> => {
    if (adapter.client) return (await adapter.client.execute({ sql, args: params })).rows
    if (adapter.pool) return (await adapter.pool.query(sql, params)).rows
    throw new Error(`no SQL connection on the ${adapter.name} adapter`)
  }
  return { backend, url, payload, adapter, query, close: () => closePayload(payload) }
}

/** Tables and columns the current config needs that the database does not have. */
export const schemaDrift = async (db: BenchDatabase): Promise<SchemaDrift> => {
  const actual = new Map<string, Set<string>>()
  const rows =
    db.backend === 'sqlite'
      ? await db.query(
          "SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'",
        )
      : await db.query(
          'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()',
        )
  for (const row of rows) {
    const table = String(row.table_name)
    const columns = actual.get(table) ?? new Set<string>()
    columns.add(String(row.column_name))
    actual.set(table, columns)
  }
  const drift: SchemaDrift = { missingTables: [], missingColumns: [] }
  for (const table of Object.values(db.adapter.tables)) {
    const name = tableNameOf(table)
    const existing = actual.get(name)
    if (!existing) {
      drift.missingTables.push(name)
      continue
    }
    for (const column of Object.values(columnsOf(table))) {
      if (!existing.has(column.name)) drift.missingColumns.push(`${name}.${column.name}`)
    }
  }
  drift.missingTables.sort()
  drift.missingColumns.sort()
  return drift
}

export const describeDrift = (drift: SchemaDrift): string =>
  [
    drift.missingTables.length ? `missing tables: ${drift.missingTables.join(', ')}` : '',
    drift.missingColumns.length ? `missing columns: ${drift.missingColumns.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ')

export const hasDrift = (drift: SchemaDrift): boolean =>
  drift.missingTables.length > 0 || drift.missingColumns.length > 0

export type PreparedDatabase = {
  db: BenchDatabase
  /** What the committed migrations lacked (empty when they match the config). */
  drift: SchemaDrift
  schemaSource: 'migrations' | 'migrations + push (migrations behind the schema)'
  migrations: string[]
}

const committedMigrations = (backend: Backend): string[] =>
  (backend === 'sqlite' ? sqliteMigrations : postgresMigrations).map((migration) => migration.name)

/** Runs schemaCheck.ts in a fresh process, so the config is the one on disk now. */
export const checkSchemaInFreshProcess = async (
  backend: Backend,
  url: string,
  secret: string,
  { push }: { push: boolean },
): Promise<SchemaCheckResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=production',
        '--import',
        'tsx',
        'bench/availability/schemaCheck.ts',
        ...(push ? ['--push'] : []),
      ],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATABASE_URL: url,
          PAYLOAD_SECRET: secret,
          BENCH_BACKEND: backend,
          JOBS_AUTORUN: 'false',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    let errors = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString()
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      const marker = 'BENCH_SCHEMA_CHECK '
      const last = output
        .split('\n')
        .find((line) => line.startsWith(marker))
        ?.slice(marker.length)
      if (code !== 0 || !last) {
        return reject(
          new Error(
            `the schema check could not load the current config (exit ${code}):\n${(errors || output).slice(-2000)}`,
          ),
        )
      }
      resolve(JSON.parse(last) as SchemaCheckResult)
    })
  })

/**
 * Creates the schema the way production does (a fresh database, the committed migrations run at
 * start) and checks it against the config on disk. When the migrations are behind, the backend
 * is not measured unless BENCH_PUSH_ON_DRIFT=true, which pushes the missing schema on top (and
 * says so in the report).
 */
export const prepareDatabase = async (
  backend: Backend,
  options: BenchOptions,
  secret: string,
): Promise<PreparedDatabase> => {
  const migrations = committedMigrations(backend)
  const url = await freshDatabase(backend, options)
  // The loader's instance is no server: without onInit, which would query columns the
  // migrations may lack before the push below (and re-resolve licences the loader writes).
  const db = await openDatabase(backend, url, { secret, runMigrations: true, disableOnInit: true })
  try {
    const check = await checkSchemaInFreshProcess(backend, url, secret, {
      push: options.pushOnDrift,
    })
    if (!hasDrift(check.before)) {
      log(
        `${backend}: schema from the committed migrations (${migrations.join(', ')}) matches the config`,
      )
      return { db, drift: check.before, schemaSource: 'migrations', migrations }
    }
    warn(
      `${backend}: the committed migrations are behind the current schema: ${describeDrift(check.before)}`,
    )
    if (!check.pushed) throw new MigrationsBehindError(backend, check.before)
    warn(
      `${backend}: BENCH_PUSH_ON_DRIFT=true: pushed the missing schema (not what production runs)`,
    )
    if (hasDrift(check.after)) throw new MigrationsBehindError(backend, check.after)
    return {
      db,
      drift: check.before,
      schemaSource: 'migrations + push (migrations behind the schema)',
      migrations,
    }
  } catch (error) {
    await db.close()
    throw error
  }
}

export class MigrationsBehindError extends Error {
  readonly backend: Backend
  readonly drift: SchemaDrift

  constructor(backend: Backend, drift: SchemaDrift) {
    super(
      `${backend}: the committed migrations in migrations/${backend} do not create the current ` +
        `schema (${describeDrift(drift)}). A production server would fail on these. Someone must ` +
        'run `npm run migrate:create -- <name>` and commit the result; set BENCH_PUSH_ON_DRIFT=true ' +
        'to benchmark on a pushed schema meanwhile.',
    )
    this.name = 'MigrationsBehindError'
    this.backend = backend
    this.drift = drift
  }
}

export const newSecret = (): string => crypto.randomBytes(24).toString('hex')
