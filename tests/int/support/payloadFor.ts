import type { Environment } from '../../../src/config/environment'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { buildConfig, getPayload, type Payload } from 'payload'

import { closePayload } from '../../../src/config/closeDatabase'
import { reelhouseConfig } from '../../../reelhouseConfig'
import type { TestBackend } from './backends'

export type TestPayload = { payload: Payload; databaseUrl: string; destroy: () => Promise<void> }

const uniqueName = (prefix: string) => `${prefix}_${crypto.randomBytes(6).toString('hex')}`

const withDatabase = (serverUrl: string, database: string): string => {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

const createPostgresDatabase = async (serverUrl: string) => {
  const name = uniqueName('reelhouse_test')
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      try {
        // Let closing connections finish their goodbye: forcing them off would surface as an
        // unhandled "terminating connection" error in the process that owned them.
        for (let attempt = 0; attempt < 50; attempt += 1) {
          const { rows } = await client.query(
            'select count(*)::int as open from pg_stat_activity where datname = $1',
            [name],
          )
          if ((rows[0] as { open: number }).open === 0) break
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}

/**
 * A Payload instance on a brand-new, empty database of the given backend (schema pushed as in
 * development). Each call is isolated from every other.
 */
export const payloadFor = async (
  backend: TestBackend,
  env: Environment = {},
  { cron = false }: { cron?: boolean } = {},
): Promise<TestPayload> => {
  if (!backend.serverUrl) throw new Error(backend.skipReason)
  let databaseUrl: string
  let dropDatabase = async () => {}
  switch (backend.kind) {
    case 'sqlite': {
      if (!backend.sqliteFile) {
        databaseUrl = 'file::memory:'
        break
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-test-'))
      databaseUrl = `file:${path.join(dir, 'reelhouse.db')}`
      dropDatabase = async () => fs.rmSync(dir, { recursive: true, force: true })
      break
    }
    case 'postgres': {
      const database = await createPostgresDatabase(backend.serverUrl)
      databaseUrl = database.url
      dropDatabase = database.drop
      break
    }
    case 'mongodb':
      databaseUrl = withDatabase(backend.serverUrl, uniqueName('reelhouse_test'))
      break
  }
  const config = buildConfig(
    reelhouseConfig({
      env: { ...process.env, JOBS_AUTORUN: 'false', ...env },
      databaseUrl,
    }),
  )
  const payload = await getPayload({ config, key: uniqueName(backend.kind), cron })
  return {
    payload,
    databaseUrl,
    destroy: async () => {
      if (backend.kind === 'mongodb') {
        const connection = (
          payload.db as { connection?: { dropDatabase?: () => Promise<unknown> } }
        ).connection
        await connection?.dropDatabase?.()
      }
      await closePayload(payload)
      await dropDatabase()
    },
  }
}
