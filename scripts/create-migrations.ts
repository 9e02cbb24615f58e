/**
 * Writes a migration for each SQL adapter (SQLite and PostgreSQL) from the current schema:
 *   npm run migrate:create -- <name>
 * Each adapter keeps its own migration directory (migrations/sqlite, migrations/postgres).
 * PostgreSQL comes from MIGRATIONS_POSTGRES_URL (default: the local server's `test` database
 * server); a throw-away database is created and dropped.
 */
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

const name = process.argv[2] ?? 'migration'
const serverUrl = process.env.MIGRATIONS_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

const createMigration = (databaseUrl: string) =>
  execFileSync('npx', ['payload', 'migrate:create', name, '--skip-empty'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_OPTIONS: '--conditions=production',
      PAYLOAD_SECRET: 'migration-generation-only',
      // Generate against the committed migrations only: never push a schema first.
      NODE_ENV: 'production',
    },
  })

const main = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-migrate-'))
  createMigration(`file:${path.join(dir, 'schema.db')}`)

  const database = `reelhouse_migrate_${crypto.randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${database}`)
  try {
    const url = new URL(serverUrl)
    url.pathname = `/${database}`
    createMigration(url.toString())
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await admin.end()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
