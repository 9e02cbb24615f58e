import type { DatabaseKind } from '../../../src/config/database'

export type TestBackend = {
  kind: DatabaseKind
  /** The server to create throw-away databases on; null when the backend is not configured. */
  serverUrl: string | null
  skipReason?: string
}

const sqlite: TestBackend = { kind: 'sqlite', serverUrl: 'file::memory:' }

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
