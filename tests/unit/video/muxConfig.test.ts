import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@mux/mux-node'
import { describe, expect, it } from 'vitest'

import {
  isRetryableMuxError,
  muxConfigFromEnv,
  UploadTransferError,
  WebhookSignatureError,
} from '../../../src/video'

describe('muxConfigFromEnv', () => {
  it('is null without API credentials, so the app runs without Mux', () => {
    expect(muxConfigFromEnv({})).toBeNull()
    expect(muxConfigFromEnv({ MUX_TOKEN_ID: 'id', MUX_TOKEN_SECRET: '  ' })).toBeNull()
    expect(muxConfigFromEnv({ MUX_TOKEN_SECRET: 'secret' })).toBeNull()
  })

  it('reads every variable and lists the optional ones that are missing', () => {
    expect(
      muxConfigFromEnv({
        MUX_TOKEN_ID: ' id ',
        MUX_TOKEN_SECRET: 'secret',
        MUX_WEBHOOK_SECRET: 'whsec',
        MUX_SIGNING_KEY: 'key',
        MUX_PRIVATE_KEY: 'cGVt',
        MUX_BASE_URL: 'http://127.0.0.1:4001',
      }),
    ).toEqual({
      tokenId: 'id',
      tokenSecret: 'secret',
      webhookSecret: 'whsec',
      signing: { keyId: 'key', privateKeyBase64: 'cGVt' },
      baseURL: 'http://127.0.0.1:4001',
      playbackBaseUrls: { stream: 'https://stream.mux.com', image: 'https://image.mux.com' },
      missing: [],
    })
  })

  it('points playback URLs at other origins (the local fake) without a trailing slash', () => {
    expect(
      muxConfigFromEnv({
        MUX_TOKEN_ID: 'id',
        MUX_TOKEN_SECRET: 'secret',
        MUX_STREAM_BASE_URL: 'http://127.0.0.1:4001/',
        MUX_IMAGE_BASE_URL: ' http://127.0.0.1:4002 ',
      })?.playbackBaseUrls,
    ).toEqual({ stream: 'http://127.0.0.1:4001', image: 'http://127.0.0.1:4002' })
  })

  it('leaves signing off unless both signing variables are set', () => {
    const config = muxConfigFromEnv({
      MUX_TOKEN_ID: 'id',
      MUX_TOKEN_SECRET: 's',
      MUX_SIGNING_KEY: 'k',
    })
    expect(config).toMatchObject({ signing: null, webhookSecret: null, baseURL: null })
    expect(config?.missing).toEqual(['MUX_WEBHOOK_SECRET', 'MUX_PRIVATE_KEY'])
  })
})

describe('isRetryableMuxError', () => {
  const statusError = (status: number) => APIError.generate(status, {}, 'boom', new Headers())

  it('retries server errors, rate limits and request timeouts', () => {
    for (const status of [500, 502, 503, 429, 408])
      expect(isRetryableMuxError(statusError(status))).toBe(true)
  })

  it('does not retry other client errors', () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      expect(isRetryableMuxError(statusError(status))).toBe(false)
    }
  })

  it('retries timeouts and broken connections, not a deliberate abort', () => {
    expect(isRetryableMuxError(new APIConnectionTimeoutError())).toBe(true)
    expect(isRetryableMuxError(new APIConnectionError({ message: 'reset' }))).toBe(true)
    expect(isRetryableMuxError(new APIUserAbortError())).toBe(false)
  })

  it('classifies raw network errors by code, including wrapped ones', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    expect(isRetryableMuxError(reset)).toBe(true)
    expect(isRetryableMuxError(new TypeError('fetch failed', { cause: reset }))).toBe(true)
    expect(isRetryableMuxError(Object.assign(new Error('nope'), { code: 'ENOENT' }))).toBe(false)
    expect(isRetryableMuxError(new Error('anything else'))).toBe(false)
  })

  it('follows upload and webhook errors', () => {
    expect(isRetryableMuxError(new UploadTransferError('503', 503, true))).toBe(true)
    expect(isRetryableMuxError(new UploadTransferError('403', 403, false))).toBe(false)
    expect(isRetryableMuxError(new WebhookSignatureError('signature-mismatch', 'x'))).toBe(false)
  })
})
