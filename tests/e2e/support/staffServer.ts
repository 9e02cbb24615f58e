import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { type ApiClient, loginAs } from './api'
import { createPostgresDatabase, postgresServerUrl } from './postgres'
import { type RunningServer, startProductionServer } from './server'

export type E2eDatabase = { url: string; drop: () => Promise<void> }
export type E2eBackend = { name: string; prepare: () => Promise<E2eDatabase> }

/**
 * The databases an e2e suite runs on: SQLite in a fresh temporary directory (named from
 * `prefix`), and PostgreSQL (a brand-new database) when TEST_POSTGRES_URL names a server.
 */
export const e2eBackends = (prefix: string): E2eBackend[] => [
  {
    name: 'sqlite',
    prepare: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
      return {
        url: `file:${path.join(dir, 'reelhouse.db')}`,
        drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
      }
    },
  },
  ...(postgresServerUrl
    ? [{ name: 'postgres', prepare: () => createPostgresDatabase(postgresServerUrl as string) }]
    : []),
]

export type StaffServer = {
  server: RunningServer
  /** Logged in as the admin the server created at its first start. */
  staff: ApiClient
  /** Stops the server and drops its database. */
  stop: () => Promise<void>
}

/**
 * The production server on a brand-new database of the backend, with its first admin created
 * from ADMIN_EMAIL and ADMIN_PASSWORD and logged in over REST. `env` adds to (or overrides)
 * the server's environment. When the start fails, what was set up is taken down again.
 */
export const startStaffServer = async (
  backend: E2eBackend,
  admin: { email: string; password: string },
  env: Record<string, string> = {},
): Promise<StaffServer> => {
  const database = await backend.prepare()
  let server: RunningServer | undefined
  const stop = async () => {
    await server?.stop()
    await database.drop()
  }
  try {
    server = await startProductionServer({
      DATABASE_URL: database.url,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      ...env,
    })
    return { server, staff: await loginAs(server, admin), stop }
  } catch (error) {
    await stop()
    throw error
  }
}
