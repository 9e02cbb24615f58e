import type { Server } from 'node:http'

import type { Logger } from './logger'

type ShutdownOptions = {
  server: Server
  logger: Logger
  /** Releases what the server holds once no request is in flight (database, job crons). */
  release: () => Promise<void>
  timeoutMs: number
}

/**
 * On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish, then release
 * the database. A request that outlives the timeout is cut off so the process still exits.
 */
export const installGracefulShutdown = ({
  server,
  logger,
  release,
  timeoutMs,
}: ShutdownOptions) => {
  let shuttingDown = false
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) return
    shuttingDown = true
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests')
    const forceExit = setTimeout(() => {
      logger.warn({ timeoutMs }, 'in-flight requests did not finish in time; closing them')
      server.closeAllConnections()
    }, timeoutMs)
    forceExit.unref()
    server.close(async () => {
      clearTimeout(forceExit)
      try {
        await release()
        logger.info('shutdown complete')
        process.exit(0)
      } catch (error) {
        logger.error({ err: error }, 'error while releasing resources')
        process.exit(1)
      }
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}
