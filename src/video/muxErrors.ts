import { APIConnectionError, APIError, APIUserAbortError, NotFoundError } from '@mux/mux-node'

import { UploadTransferError } from './resumableRanges'
import { WebhookSignatureError } from './webhookSignature'

const transientNetworkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])

const codeOf = (error: unknown): string | null => {
  if (typeof error !== 'object' || error === null) return null
  const code = 'code' in error ? error.code : undefined
  if (typeof code === 'string') return code
  return 'cause' in error ? codeOf(error.cause) : null
}

export const isNotFound = (error: unknown): boolean =>
  error instanceof NotFoundError || (error instanceof APIError && error.status === 404)

/** 5xx, 408, 429, timeouts and dropped connections may pass on a later try; other 4xx never. */
export const isRetryableMuxError = (error: unknown): boolean => {
  if (error instanceof WebhookSignatureError) return false
  if (error instanceof UploadTransferError) return error.retryable
  if (error instanceof APIUserAbortError) return false
  // Includes APIConnectionTimeoutError: the SDK already retried it `maxRetries` times.
  if (error instanceof APIConnectionError) return true
  if (error instanceof APIError) {
    const status = error.status ?? 0
    return status === 408 || status === 429 || status >= 500
  }
  const code = codeOf(error)
  return code !== null && transientNetworkCodes.has(code)
}
