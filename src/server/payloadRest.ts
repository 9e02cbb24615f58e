import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'

import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { handleEndpoints, type Payload } from 'payload'

/** The Fetch request Payload's REST handler takes, with a body Express already read. */
const webRequestOf = (req: ExpressRequest, body: Buffer): Request => {
  const headers = new Headers()
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    headers.append(req.rawHeaders[index], req.rawHeaders[index + 1])
  }
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
  return new Request(url, { method: req.method, headers, body: new Uint8Array(body) })
}

const send = async (response: Response, res: ExpressResponse) => {
  res.status(response.status)
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.append(name, value)
  })
  for (const cookie of response.headers.getSetCookie()) res.append('Set-Cookie', cookie)
  if (!response.body) return void res.end()
  // The DOM lib types a fetch body without async iteration; at run time it is Node's stream.
  await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), res)
}

/**
 * Answers a request whose body Express had to read (to rate-limit on it) with Payload's REST
 * handler: the same instance and endpoint Next's `/api/[...slug]` route would use.
 */
export const answerWithPayloadRest = async (
  payload: Payload,
  req: ExpressRequest,
  body: Buffer,
  res: ExpressResponse,
): Promise<void> => {
  const response = await handleEndpoints({
    config: payload.config,
    request: webRequestOf(req, body),
  })
  await send(response, res)
}
