import { randomUUID } from 'node:crypto'

import type { RequestHandler } from 'express'

import type { Logger } from './logger'

const acceptableRequestId = /^[\w.:-]{1,128}$/

/** One structured JSON line per request, written when the response has been sent. */
export const requestLogging =
  (logger: Logger): RequestHandler =>
  (req, res, next) => {
    const started = process.hrtime.bigint()
    const incoming = req.get('x-request-id')
    const requestId = incoming && acceptableRequestId.test(incoming) ? incoming : randomUUID()
    res.setHeader('X-Request-Id', requestId)
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.originalUrl,
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
          bytes: Number(res.getHeader('content-length') ?? 0) || undefined,
        },
        'request',
      )
    })
    next()
  }
