import type { Store } from 'express-rate-limit'
import type { Logger } from 'pino'
import { RedisStore } from 'rate-limit-redis'
import { createClient } from 'redis'

/** Where rate-limit counters live: this process's memory, or Redis shared by every process. */
export type RateLimitStores = {
  /** A store per limiter (each keeps its own counters); undefined: express-rate-limit's memory. */
  storeFor: (name: string) => Store | undefined
  /** Whether a failing store lets requests through (logged) instead of answering 500. */
  shared: boolean
  close: () => Promise<void>
}

const inMemory: RateLimitStores = {
  storeFor: () => undefined,
  shared: false,
  close: async () => {},
}

/**
 * With `REDIS_URL` the counters are shared by every server process (otherwise each process
 * allows the limits on its own). The connection is made at start: a wrong URL stops the server
 * there, not at the first login.
 */
export const connectRateLimitStores = async (
  url: string | undefined,
  logger: Logger,
): Promise<RateLimitStores> => {
  if (!url) return inMemory
  const client = createClient({ url })
  client.on('error', (error: unknown) => logger.warn({ err: error }, 'Redis (rate limits) failed'))
  await client.connect()
  return {
    storeFor: (name) =>
      new RedisStore({
        prefix: `reelhouse:rate-limit:${name}:`,
        sendCommand: (...args: string[]) => client.sendCommand(args),
      }),
    shared: true,
    close: async () => {
      if (client.isOpen) await client.close()
    },
  }
}
