import { createHmac, timingSafeEqual } from 'node:crypto'

import { isRecord, readRecord, readString } from './muxEventData'
import type { MuxWebhookEvent } from './types'

export type WebhookRejection =
  | 'missing-secret'
  | 'missing-signature'
  | 'malformed-signature'
  | 'signature-mismatch'
  | 'timestamp-out-of-tolerance'
  | 'invalid-payload'

/** Answer 4xx, except for `missing-secret`, which is our misconfiguration: answer 5xx. */
export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError'
  constructor(
    readonly reason: WebhookRejection,
    message: string,
  ) {
    super(message)
  }
}

export type WebhookHeaders = Record<string, string | string[] | undefined>

const defaultToleranceSeconds = 300

const signatureHeaderValues = (headers: WebhookHeaders): string[] =>
  Object.entries(headers)
    .filter(([name]) => name.toLowerCase() === 'mux-signature')
    .flatMap(([, value]) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))

/** `t=<unix seconds>,v1=<hex>[,v1=<hex>...]`, possibly spread over repeated headers. */
const parseSignatureHeader = (values: string[]) => {
  let timestamp: number | null = null
  const signatures: string[] = []
  for (const part of values.flatMap((value) => value.split(','))) {
    const [key, value = ''] = part.trim().split('=', 2)
    if (key === 't' && /^\d+$/.test(value)) timestamp = Number(value)
    if (key === 'v1' && /^[0-9a-f]+$/i.test(value)) signatures.push(value.toLowerCase())
  }
  return { timestamp, signatures }
}

const hmacHex = (secret: string, timestamp: number, rawBody: string | Uint8Array): Buffer =>
  Buffer.from(createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex'))

const parseEnvelope = (rawBody: string | Uint8Array): MuxWebhookEvent => {
  let parsed: unknown
  try {
    parsed = JSON.parse(
      typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8'),
    )
  } catch {
    throw new WebhookSignatureError('invalid-payload', 'The webhook body is not JSON.')
  }
  const event = isRecord(parsed) ? parsed : null
  const object = readRecord(event, 'object')
  const data = readRecord(event, 'data')
  const type = readString(event, 'type')
  const id = readString(event, 'id')
  const createdAt = readString(event, 'created_at')
  if (!event || !object || !data || !type || !id || !createdAt) {
    throw new WebhookSignatureError('invalid-payload', 'The webhook body is not a Mux event.')
  }
  return event as MuxWebhookEvent
}

/**
 * Checks `mux-signature` against the RAW body (HMAC-SHA256 of `${t}.${body}`), rejects
 * timestamps more than five minutes away, and only then parses the event.
 */
export const verifyMuxWebhook = ({
  rawBody,
  headers,
  secret,
  toleranceSeconds = defaultToleranceSeconds,
  now = Date.now(),
}: {
  rawBody: string | Uint8Array
  headers: WebhookHeaders
  secret: string | null | undefined
  toleranceSeconds?: number
  now?: number
}): MuxWebhookEvent => {
  if (!secret) {
    throw new WebhookSignatureError('missing-secret', 'MUX_WEBHOOK_SECRET is not configured.')
  }
  const headerValues = signatureHeaderValues(headers)
  if (!headerValues.length) {
    throw new WebhookSignatureError('missing-signature', 'No mux-signature header.')
  }
  const { timestamp, signatures } = parseSignatureHeader(headerValues)
  if (timestamp === null || !signatures.length) {
    throw new WebhookSignatureError('malformed-signature', 'The mux-signature header is malformed.')
  }
  const expected = hmacHex(secret, timestamp, rawBody)
  const matches = signatures.some((signature) => {
    const candidate = Buffer.from(signature)
    return candidate.length === expected.length && timingSafeEqual(candidate, expected)
  })
  if (!matches) {
    throw new WebhookSignatureError('signature-mismatch', 'The webhook signature does not match.')
  }
  if (Math.abs(Math.floor(now / 1000) - timestamp) > toleranceSeconds) {
    throw new WebhookSignatureError(
      'timestamp-out-of-tolerance',
      `The webhook was signed more than ${toleranceSeconds} s away from now.`,
    )
  }
  return parseEnvelope(rawBody)
}
