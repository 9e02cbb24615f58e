import { createServer } from 'node:http'

import express from 'express'
import next from 'next'
import { getPayload } from 'payload'

import config from '../payload.config'
import { closePayload } from './config/closeDatabase'
import { projectRoot } from './config/database'
import { corsOrigins } from './config/origins'
import { viewerTerritoryHeader } from './rights/viewerTerritory'
import { ensureReferenceData } from './seed/referenceData'
import { seedDemoCatalogIfEmpty } from './seed/seedIfEmpty'
import { apiCacheHeaders } from './server/apiCacheHeaders'
import { compressResponses } from './server/compressResponses'
import { installGracefulShutdown } from './server/gracefulShutdown'
import { healthRoutes } from './server/health'
import { tuneHeap } from './server/heapTuning'
import { imageFileCaching, storedFilesOf } from './server/imageFileCaching'
import { logger } from './server/logger'
import { loginLimitsFromEnv, loginRateLimitRoutes } from './server/loginRateLimit'
import { connectRateLimitStores } from './server/rateLimitStores'
import { publicEntityTags } from './server/publicEntityTags'
import { requestLogging } from './server/requestLogging'
import { securityHeaders } from './server/securityHeaders'
import { videoUploadRelay } from './server/videoUploadRelay'

process.env.NEXT_TELEMETRY_DISABLED ??= '1'
tuneHeap()

const production = process.env.NODE_ENV === 'production'
const port = Number(process.env.PORT ?? 3000)
const hostname = process.env.HOST ?? '0.0.0.0'

const start = async () => {
  if (production && !process.env.PAYLOAD_SECRET) {
    throw new Error('PAYLOAD_SECRET must be set in production (see .env.example).')
  }
  if (production && !process.env.SERVER_URL) {
    // The session cookie is accepted only from this origin (and CORS_ORIGINS): without it the
    // admin could not save anything, so say so now rather than with a 403 on the first save.
    throw new Error('SERVER_URL must be set in production: the public URL of this server.')
  }
  const loginLimits = loginLimitsFromEnv()
  const rateLimitStores = await connectRateLimitStores(process.env.REDIS_URL, logger)

  // Created before Next so that Payload's route handlers reuse this instance (getPayload caches
  // it process-wide); `cron: true` makes this process run the jobs queue.
  const payload = await getPayload({ config, cron: true })

  if (process.env.SEED_REFERENCE !== 'false') {
    // Licensing needs every country (and the default groups) on every install, production too.
    const report = await ensureReferenceData(payload, { log: (line) => logger.warn(line) })
    if (report.recorded) {
      logger.info(
        {
          event: 'reference.applied',
          created: report.created.length,
          added: report.added,
          retired: report.retired,
          deletedByStaff: report.deletedByStaff,
        },
        `Reference regions: ${report.created.length} created` +
          (report.added.length ? `; new in the dataset: ${report.added.join(', ')}` : '') +
          (report.retired.length
            ? `; retired by the dataset (kept): ${report.retired.join(', ')}`
            : ''),
      )
    }
  }

  if (!production && process.env.SEED_DEMO !== 'false') {
    // Printed as plain lines: the developer reads the logins off the terminal.
    await seedDemoCatalogIfEmpty(payload, { log: (line) => console.log(line) })
  }

  const nextApp = next({ dev: !production, dir: projectRoot, hostname, port })
  await nextApp.prepare()
  const handleWithNext = nextApp.getRequestHandler()

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback')
  app.use(requestLogging(logger))
  app.use(securityHeaders(production))
  app.use(healthRoutes(payload))
  app.use(compressResponses())
  app.use(
    apiCacheHeaders({
      apiRoute: payload.config.routes.api,
      territoryHeader: viewerTerritoryHeader(process.env),
      corsEnabled: corsOrigins(process.env).length > 0,
    }),
  )
  app.use(
    imageFileCaching({
      apiRoute: payload.config.routes.api,
      collections: storedFilesOf(payload.config.collections),
    }),
  )
  // After compression: it sees the uncompressed body, and the 304 skips compressing.
  app.use(publicEntityTags({ apiRoute: payload.config.routes.api }))
  app.use(loginRateLimitRoutes(payload, loginLimits, rateLimitStores))
  app.use(videoUploadRelay(payload))
  // No body parser here: Payload reads request bodies itself inside Next's handler.
  app.all('/{*splat}', (req, res) => handleWithNext(req, res))

  const server = createServer(app)
  // Multi-gigabyte video uploads outlive Node's default 5-minute request timeout.
  server.requestTimeout = Number(process.env.REQUEST_TIMEOUT_MS ?? 0)
  server.on('upgrade', nextApp.getUpgradeHandler())
  installGracefulShutdown({
    server,
    logger,
    timeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000),
    release: async () => {
      await closePayload(payload)
      await rateLimitStores.close()
      await nextApp.close()
    },
  })
  server.listen(port, hostname, () => {
    logger.info(
      { port, production, database: payload.db.name },
      `Reelhouse is listening on http://localhost:${port} (admin: /admin, REST: /api, GraphQL: /api/graphql)`,
    )
  })
}

start().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Reelhouse failed to start')
  process.exit(1)
})
