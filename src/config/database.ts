import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { type SQLiteAdapter, sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as postgresMigrations } from '../../migrations/postgres'
import { migrations as sqliteMigrations } from '../../migrations/sqlite'
import { postgresParentIndexes, sqliteParentIndexes } from './parentIndexes'
import { openSqliteClient } from './sqliteClient'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export type DatabaseOptions = {
  url: string
  /** Production runs the committed migrations at start and never pushes the schema. */
  production: boolean
  /** Postgres only: a schema other than `public` (tests isolate themselves this way). */
  postgresSchema?: string
  /** SQLite files only: how long a write waits for another connection's lock (ms). */
  sqliteBusyTimeoutMs?: number
}

const defaultSqliteBusyTimeoutMs = 5_000

/** `SQLITE_BUSY_TIMEOUT_MS`: a whole number of milliseconds, 0 or more. */
export const sqliteBusyTimeoutFrom = (value: string | undefined): number => {
  if (value === undefined || value.trim() === '') return defaultSqliteBusyTimeoutMs
  const ms = Number(value)
  if (!Number.isInteger(ms) || ms < 0) {
    throw new Error(
      `SQLITE_BUSY_TIMEOUT_MS must be a whole number of milliseconds (got "${value}")`,
    )
  }
  return ms
}

/** npm scripts, the server and the tests all run from the project directory. */
export const projectRoot = process.cwd()

/**
 * Development and production keep separate default SQLite files: a production server pointed at
 * a database that development pushed its schema into stops at an interactive prompt.
 */
export const defaultDatabaseUrl = (production: boolean): string =>
  `file:./data/reelhouse${production ? '' : '-dev'}.db`

const databaseKindOf = (url: string): DatabaseKind => {
  if (url.startsWith('file:') || url === ':memory:') return 'sqlite'
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres'
  if (url.startsWith('mongodb://') || url.startsWith('mongodb+srv://')) return 'mongodb'
  throw new Error(
    `DATABASE_URL must start with file:, postgres://, postgresql://, mongodb:// or mongodb+srv:// ` +
      `(got "${url.split(':')[0]}:...")`,
  )
}

const sqliteFileOf = (url: string): string | null => {
  const [file, query = ''] = url.replace(/^file:/, '').split('?')
  if (file === '' || file === ':memory:' || new URLSearchParams(query).get('mode') === 'memory') {
    return null
  }
  return file
}

const ensureSqliteDirectory = (file: string): void => {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
}

/**
 * Servers, the seed and the audit command may write to one SQLite file at once. The adapter gets
 * a client that runs the file in WAL mode with a busy timeout and survives busy errors
 * (`openSqliteClient`), created before the adapter connects, so the adapter adopts it. (The
 * adapter's own `wal` and `busyTimeout` options set the pragmas on its first connection only,
 * and libsql leaves that connection unusable after a busy error.) SQLite runs single operations
 * without transactions here (no `transactionOptions`: every create or update would start one,
 * and two of one process would wait for each other's lock inside libsql, blocking the event
 * loop); bulk writes open one explicitly (`beginWriteTransaction`), which the client keeps
 * apart from the process's other writes.
 */
const sharedFileAdapter = (
  base: DatabaseAdapterObj<SQLiteAdapter>,
  busyTimeoutMs: number,
): DatabaseAdapterObj<SQLiteAdapter> => ({
  ...base,
  init: (args) => {
    const adapter = base.init(args)
    const connect = adapter.connect
    adapter.connect = async (options) => {
      // The adapter creates its client only when it has none.
      adapter.client ??= await openSqliteClient(adapter.clientConfig, { busyTimeoutMs })
      await connect?.call(adapter, options)
    }
    return adapter
  },
})

export const databaseAdapterFor = ({
  url,
  production,
  postgresSchema,
  sqliteBusyTimeoutMs = defaultSqliteBusyTimeoutMs,
}: DatabaseOptions): DatabaseAdapterObj => {
  switch (databaseKindOf(url)) {
    case 'sqlite': {
      const file = sqliteFileOf(url)
      if (file) ensureSqliteDirectory(file)
      const adapter = sqliteAdapter({
        client: { url },
        afterSchemaInit: [sqliteParentIndexes],
        migrationDir: path.join(projectRoot, 'migrations/sqlite'),
        prodMigrations: production ? sqliteMigrations : undefined,
      })
      return file ? sharedFileAdapter(adapter, sqliteBusyTimeoutMs) : adapter
    }
    case 'postgres':
      return postgresAdapter({
        afterSchemaInit: [postgresParentIndexes],
        pool: { connectionString: url, connectionTimeoutMillis: 5_000, max: 10 },
        migrationDir: path.join(projectRoot, 'migrations/postgres'),
        prodMigrations: production ? postgresMigrations : undefined,
        ...(postgresSchema ? { schemaName: postgresSchema } : {}),
      })
    case 'mongodb':
      return mongooseAdapter({ url })
  }
}
