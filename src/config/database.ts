import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as postgresMigrations } from '../../migrations/postgres'
import { migrations as sqliteMigrations } from '../../migrations/sqlite'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export type DatabaseOptions = {
  url: string
  /** Production runs the committed migrations at start and never pushes the schema. */
  production: boolean
  /** Postgres only: a schema other than `public` (tests isolate themselves this way). */
  postgresSchema?: string
}

/** npm scripts, the server and the tests all run from the project directory. */
export const projectRoot = process.cwd()

/**
 * Development and production keep separate default SQLite files: a production server pointed at
 * a database that development pushed its schema into stops at an interactive prompt.
 */
export const defaultDatabaseUrl = (production: boolean): string =>
  `file:./data/reelhouse${production ? '' : '-dev'}.db`

export const databaseKindOf = (url: string): DatabaseKind => {
  if (url.startsWith('file:') || url === ':memory:') return 'sqlite'
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres'
  if (url.startsWith('mongodb://') || url.startsWith('mongodb+srv://')) return 'mongodb'
  throw new Error(
    `DATABASE_URL must start with file:, postgres://, postgresql://, mongodb:// or mongodb+srv:// ` +
      `(got "${url.split(':')[0]}:...")`,
  )
}

const ensureSqliteDirectory = (url: string): void => {
  const file = url.replace(/^file:/, '').split('?')[0]
  if (file === '' || file === ':memory:') return
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
}

export const databaseAdapterFor = ({
  url,
  production,
  postgresSchema,
}: DatabaseOptions): DatabaseAdapterObj => {
  switch (databaseKindOf(url)) {
    case 'sqlite':
      ensureSqliteDirectory(url)
      return sqliteAdapter({
        client: { url },
        migrationDir: path.join(projectRoot, 'migrations/sqlite'),
        prodMigrations: production ? sqliteMigrations : undefined,
      })
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: url, connectionTimeoutMillis: 5_000, max: 10 },
        migrationDir: path.join(projectRoot, 'migrations/postgres'),
        prodMigrations: production ? postgresMigrations : undefined,
        ...(postgresSchema ? { schemaName: postgresSchema } : {}),
      })
    case 'mongodb':
      return mongooseAdapter({ url })
  }
}
