import { createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { verifyMuxWebhook, WebhookSignatureError, type WebhookRejection } from '../../../src/video'

const secret = 'whsec-test'
const now = Date.parse('2025-03-01T10:00:00Z')
const nowSeconds = Math.floor(now / 1000)

const rawBody = JSON.stringify({
  type: 'video.asset.ready',
  id: 'evt-1',
  created_at: '2025-03-01T09:59:59.000000Z',
  object: { type: 'asset', id: 'as-1' },
  data: { id: 'as-1', status: 'ready' },
  environment: { id: 'env', name: 'Production' },
  attempts: [],
})

const sign = (body: string, timestamp = nowSeconds, key = secret) =>
  createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')

const verify = (
  headers: Record<string, string | string[] | undefined>,
  body: string | Uint8Array = rawBody,
) => verifyMuxWebhook({ rawBody: body, headers, secret, now })

const rejection = (run: () => unknown): WebhookRejection | null => {
  try {
    run()
    return null
  } catch (error) {
    if (error instanceof WebhookSignatureError) return error.reason
    throw error
  }
}

describe('verifyMuxWebhook', () => {
  it('accepts a valid signature and returns the parsed event', () => {
    const event = verify({ 'mux-signature': `t=${nowSeconds},v1=${sign(rawBody)}` })
    expect(event).toMatchObject({ type: 'video.asset.ready', id: 'evt-1', object: { id: 'as-1' } })
  })

  it('accepts raw bytes and any matching signature among several, in any header case', () => {
    const header = `t=${nowSeconds},v1=${'0'.repeat(64)},v1=${sign(rawBody)}`
    expect(verify({ 'Mux-Signature': header }, Buffer.from(rawBody)).id).toBe('evt-1')
    expect(verify({ 'mux-signature': [header] }).id).toBe('evt-1')
  })

  it('rejects a body that was re-serialised, even to equivalent JSON', () => {
    const header = `t=${nowSeconds},v1=${sign(rawBody)}`
    const reserialised = JSON.stringify(JSON.parse(rawBody), null, 2)
    expect(rejection(() => verify({ 'mux-signature': header }, reserialised))).toBe(
      'signature-mismatch',
    )
  })

  it('rejects a signature made with another secret', () => {
    const header = `t=${nowSeconds},v1=${sign(rawBody, nowSeconds, 'other')}`
    expect(rejection(() => verify({ 'mux-signature': header }))).toBe('signature-mismatch')
  })

  it('rejects a timestamp more than five minutes old or ahead', () => {
    const stale = nowSeconds - 301
    expect(
      rejection(() => verify({ 'mux-signature': `t=${stale},v1=${sign(rawBody, stale)}` })),
    ).toBe('timestamp-out-of-tolerance')
    const ahead = nowSeconds + 301
    expect(
      rejection(() => verify({ 'mux-signature': `t=${ahead},v1=${sign(rawBody, ahead)}` })),
    ).toBe('timestamp-out-of-tolerance')
    const recent = nowSeconds - 299
    expect(verify({ 'mux-signature': `t=${recent},v1=${sign(rawBody, recent)}` }).id).toBe('evt-1')
  })

  it('rejects a missing or malformed header', () => {
    expect(rejection(() => verify({}))).toBe('missing-signature')
    expect(rejection(() => verify({ 'mux-signature': undefined }))).toBe('missing-signature')
    expect(rejection(() => verify({ 'mux-signature': `v1=${sign(rawBody)}` }))).toBe(
      'malformed-signature',
    )
    expect(rejection(() => verify({ 'mux-signature': `t=${nowSeconds}` }))).toBe(
      'malformed-signature',
    )
  })

  it('rejects everything when no secret is configured', () => {
    const headers = { 'mux-signature': `t=${nowSeconds},v1=${sign(rawBody)}` }
    expect(rejection(() => verifyMuxWebhook({ rawBody, headers, secret: '', now }))).toBe(
      'missing-secret',
    )
  })

  it('rejects a correctly signed body that is not a Mux event', () => {
    const notAnEvent = JSON.stringify({ hello: 'world' })
    expect(
      rejection(() =>
        verify({ 'mux-signature': `t=${nowSeconds},v1=${sign(notAnEvent)}` }, notAnEvent),
      ),
    ).toBe('invalid-payload')
    expect(
      rejection(() => verify({ 'mux-signature': `t=${nowSeconds},v1=${sign('{')}` }, '{')),
    ).toBe('invalid-payload')
  })
})
