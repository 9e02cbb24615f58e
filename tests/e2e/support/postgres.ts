import crypto from 'node:crypto'

import pg from 'pg'

export const postgresServerUrl = process.env.TEST_POSTGRES_URL ?? null

/** A brand-new, empty database on the test server, and a way to drop it. */
export const createPostgresDatabase = async (serverUrl: string) => {
  const name = `reelhouse_e2e_${crypto.randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}
