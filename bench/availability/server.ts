import { spawnServer, type RunningServer } from '../../tests/e2e/support/server'
import { log } from './log'

export type { RunningServer }

/** `npm start` as production runs it (migrations at start, the built Next app), quietly. */
export const startProductionServer = async ({
  databaseUrl,
  secret,
}: {
  databaseUrl: string
  secret: string
}): Promise<RunningServer> => {
  const server = await spawnServer({
    mode: 'production',
    env: {
      DATABASE_URL: databaseUrl,
      PAYLOAD_SECRET: secret,
      LOG_LEVEL: 'warn',
      JOBS_AUTORUN: 'false',
    },
    readyPath: '/readyz',
    readyTimeoutMs: 180_000,
    keepLogChars: 20_000,
  })
  log(`server pid ${server.pid} ready on ${server.url} in ${(server.startMs / 1000).toFixed(1)} s`)
  return server
}
