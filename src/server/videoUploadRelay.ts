import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'

import { Router, type Request as ExpressRequest, type Response as ExpressResponse } from 'express'
import { handleEndpoints, type Payload } from 'payload'

import { relayedBodyHeader, relayBody } from '../plugins/mux/relayedBodies'

const isMultipart = (req: IncomingMessage) =>
  (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data')

/** The request for Payload, its body handed over as the Node stream it is (see `relayedBodies`). */
const webRequestOf = (req: ExpressRequest, bodyKey: string): Request => {
  const headers = new Headers()
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    if (req.rawHeaders[index].toLowerCase() === relayedBodyHeader) continue
    headers.append(req.rawHeaders[index], req.rawHeaders[index + 1])
  }
  headers.set(relayedBodyHeader, bodyKey)
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
  return new Request(url, { method: req.method, headers })
}

const send = async (response: Response, res: ExpressResponse) => {
  res.status(response.status)
  response.headers.forEach((value, name) => res.append(name, value))
  if (!response.body) return void res.end()
  // The DOM lib types a fetch body without async iteration; at run time it is Node's stream.
  await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), res)
}

/**
 * Video files (`POST /api/videos`, `PATCH /api/videos/:id` with a multipart body) go straight
 * to Payload's REST handler from Express, not through Next's route, and the endpoint reads the
 * body as the Node stream it is: Next copies every chunk of a request body into a Web stream
 * that never pushes back (a slow reader would let it buffer a whole video in memory), and the
 * Web-stream adapters cost about as much CPU as the rest of the upload. Same Payload instance,
 * same endpoint (`src/plugins/mux/endpoints/multipartSaveEndpoints.ts`), same answers; every other
 * request, JSON saves of videos included, goes to Next.
 */
export const videoUploadRelay = (payload: Payload): Router => {
  const router = Router()
  const forward = async (req: ExpressRequest, res: ExpressResponse, next: () => void) => {
    if (!isMultipart(req)) return next()
    const body = relayBody(req)
    try {
      const response = await handleEndpoints({
        config: payload.config,
        request: webRequestOf(req, body.key),
      })
      await send(response, res)
    } catch (error) {
      payload.logger.error({ err: error }, 'Video upload failed')
      if (!res.headersSent) res.status(500).json({ errors: [{ message: 'Upload failed.' }] })
      else res.destroy()
    } finally {
      body.release()
    }
  }
  const api = payload.config.routes.api
  router.post(`${api}/videos`, forward)
  router.patch(`${api}/videos/:id`, forward)
  return router
}
