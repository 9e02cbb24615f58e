import type { Endpoint } from 'payload'

import { verifyMuxWebhook, WebhookSignatureError, type MuxWebhookEvent } from '../../../video'
import { discardRest } from '../multipartParser'
import type { MuxRuntime } from '../runtime'
import { receiveMuxEvent } from '../videoMuxState'
import { json, problem } from './responses'

/** Mux events are a few KB; anything far larger is not one (and must not fill memory). */
const maxWebhookBytes = 1024 * 1024

/** The exact bytes of the body, or null beyond `limit`. */
const readLimited = async (
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array | null> => {
  const chunks = (body as unknown as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
  const kept: Uint8Array[] = []
  let size = 0
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    size += next.value.byteLength
    if (size > limit) {
      await discardRest(chunks)
      return null
    }
    kept.push(next.value)
  }
  return Buffer.concat(kept)
}

/**
 * `POST /api/mux/webhook`: verifies `mux-signature` over the exact bytes received (Payload
 * leaves a custom endpoint's body unread), then stores and applies the event. 401 changes
 * nothing; 5xx (our failure or misconfiguration) makes Mux deliver it again; 202 says the
 * event is kept until its video can take it.
 */
export const muxWebhookEndpoint = (runtime: MuxRuntime): Endpoint => ({
  path: '/mux/webhook',
  method: 'post',
  handler: async (req) => {
    const rawBody = req.body ? await readLimited(req.body, maxWebhookBytes) : null
    if (!rawBody) return problem(413, 'A Mux webhook is never this large.')
    const headers = Object.fromEntries(req.headers.entries())
    let event: MuxWebhookEvent
    try {
      event = verifyMuxWebhook({ rawBody, headers, secret: runtime.webhookSecret })
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error
      if (error.reason === 'missing-secret') {
        req.payload.logger.error('Mux webhook refused: MUX_WEBHOOK_SECRET is not set.')
        return problem(500, 'Webhook verification is not configured.')
      }
      req.payload.logger.warn({ reason: error.reason }, 'Mux webhook rejected')
      return problem(error.reason === 'invalid-payload' ? 400 : 401, error.message)
    }
    try {
      const outcome = await receiveMuxEvent(runtime, req.payload, event, req)
      return json({ id: event.id, outcome }, outcome === 'pending' ? 202 : 200)
    } catch (error) {
      req.payload.logger.error({ err: error, eventId: event.id }, 'Mux webhook failed')
      return problem(500, 'The event could not be processed; Mux will deliver it again.')
    }
  },
})
