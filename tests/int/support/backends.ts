import type { DatabaseKind } from '../../../src/config/database'

export type TestBackend = {
  kind: DatabaseKind
  /** The server to create throw-away databases on; null when the backend is not configured. */
  serverUrl: string | null
  skipReason?: string
  /** SQLite only: a database file of its own (as servers run) instead of an in-memory one. */
  sqliteFile?: boolean
}

const sqlite: TestBackend = { kind: 'sqlite', serverUrl: 'file::memory:' }

/**
 * SQLite on a temporary file, as servers run it: WAL, the busy timeout, and write transactions
 * beside other connections (which an in-memory database cannot have).
 */
export const sqliteFileBackend: TestBackend = {
  kind: 'sqlite',
  serverUrl: 'file:',
  sqliteFile: true,
}

const postgres: TestBackend = process.env.TEST_POSTGRES_URL
  ? { kind: 'postgres', serverUrl: process.env.TEST_POSTGRES_URL }
  : {
      kind: 'postgres',
      serverUrl: null,
      skipReason: 'PostgreSQL skipped: TEST_POSTGRES_URL is not set',
    }

const mongodb: TestBackend = process.env.TEST_MONGODB_URL
  ? { kind: 'mongodb', serverUrl: process.env.TEST_MONGODB_URL }
  : {
      kind: 'mongodb',
      serverUrl: null,
      skipReason:
        'MongoDB skipped: TEST_MONGODB_URL is not set (no mongod can run on this machine)',
    }

/** Every backend the integration suite knows; unconfigured ones are reported as skipped. */
export const testBackends: TestBackend[] = [sqlite, postgres, mongodb]

/** The backends whose bulk writes are one transaction: a SQLite file and PostgreSQL. */
export const transactionalBackends: TestBackend[] = [sqliteFileBackend, postgres]
