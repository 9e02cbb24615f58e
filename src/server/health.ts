import { Router } from 'express'
import type { Payload } from 'payload'

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })

/** A round trip to the database through the adapter, whichever backend it is. */
const pingDatabase = async (payload: Payload, timeoutMs: number): Promise<void> => {
  await withTimeout(
    payload.count({ collection: 'regions', overrideAccess: true, where: { code: { equals: '' } } }),
    timeoutMs,
  )
}

export const healthRoutes = (payload: Payload, { readyTimeoutMs = 2_000 } = {}): Router => {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' })
  })
  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    try {
      await pingDatabase(payload, readyTimeoutMs)
      res.json({ status: 'ready', database: 'reachable' })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      res.status(503).json({ status: 'unavailable', database: 'unreachable', reason })
    }
  })
  return router
}
