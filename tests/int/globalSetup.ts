import pg from 'pg'

import { testBackends } from './support/backends'

/** Says which databases the integration suite runs on, and fails fast on an unreachable one. */
export default async function announceBackends() {
  for (const backend of testBackends) {
    if (!backend.serverUrl) {
      console.warn(`\n[int] ${backend.skipReason}: its tests are reported as skipped.\n`)
      continue
    }
    console.info(`[int] running on ${backend.kind}`)
    if (backend.kind === 'postgres') {
      const client = new pg.Client({ connectionString: backend.serverUrl })
      try {
        await client.connect()
        await client.query('select 1')
      } catch (error) {
        throw new Error(
          `TEST_POSTGRES_URL is set but PostgreSQL does not answer at ${backend.serverUrl}: ${String(error)}`,
        )
      } finally {
        await client.end().catch(() => {})
      }
    }
  }
}
