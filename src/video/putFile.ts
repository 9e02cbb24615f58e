import http from 'node:http'
import https from 'node:https'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'

import { isRetryableStatus, UploadTransferError } from './resumableRanges'

/** A file's bytes as a Node or Web stream. */
export type UploadBody = Readable | NodeJS.ReadableStream | ReadableStream<Uint8Array>

const toNodeStream = (body: UploadBody): NodeJS.ReadableStream =>
  body instanceof ReadableStream
    ? Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>)
    : body

/** Reads at most a few KB of an error response, for the message. */
const briefBody = async (response: http.IncomingMessage): Promise<string> => {
  let text = ''
  for await (const chunk of response) {
    if (text.length < 2048) text += String(chunk)
  }
  return text.slice(0, 2048)
}

/**
 * PUTs a stream with back-pressure, so a file of any size passes through a few buffers of
 * memory. Without `sizeBytes` the body is sent chunked; `contentRange` sends the end of a file
 * to a resumable upload (see `resumableRanges.ts`). The transfer fails, retryably, when no
 * byte moves for `idleTimeoutMs`.
 */
export const putFile = async (
  url: string,
  body: UploadBody,
  {
    sizeBytes,
    idleTimeoutMs = 60_000,
    contentRange,
  }: { sizeBytes?: number; idleTimeoutMs?: number; contentRange?: string } = {},
): Promise<{ bytesSent: number; status: number }> => {
  const target = new URL(url)
  const transport = target.protocol === 'https:' ? https : http
  let bytesSent = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytesSent += chunk.length
      done(null, chunk)
    },
  })
  const request = transport.request(target, {
    method: 'PUT',
    agent: false,
    headers: {
      'content-type': 'application/octet-stream',
      ...(sizeBytes !== undefined ? { 'content-length': String(sizeBytes) } : {}),
      ...(contentRange ? { 'content-range': contentRange } : {}),
    },
  })
  request.setTimeout(idleTimeoutMs, () =>
    request.destroy(new UploadTransferError(`Upload stalled for ${idleTimeoutMs} ms`, null, true)),
  )
  const responded = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.once('response', resolve)
    request.once('error', reject)
  })
  // An early answer (e.g. 403) can break the pipe; the answer explains more than EPIPE does.
  const sent = pipeline(toNodeStream(body), counter, request).catch((error: unknown) => error)
  let response: http.IncomingMessage
  try {
    response = await responded
  } catch (error) {
    if (error instanceof UploadTransferError) throw error
    throw new UploadTransferError(`Upload failed: ${String(error)}`, null, true, { cause: error })
  }
  const status = response.statusCode ?? 0
  if (status < 200 || status >= 300) {
    const detail = await briefBody(response)
    throw new UploadTransferError(
      `Upload answered ${status}: ${detail}`,
      status,
      isRetryableStatus(status),
    )
  }
  response.resume()
  const sendError = await sent
  if (sendError) {
    throw new UploadTransferError(`Upload failed: ${String(sendError)}`, null, true, {
      cause: sendError,
    })
  }
  return { bytesSent, status }
}

/** Sends the end of a file, from byte `start` of `totalBytes`, to a resumable upload URL. */
export const resumeFile = (
  url: string,
  body: UploadBody,
  {
    start,
    totalBytes,
    idleTimeoutMs,
  }: { start: number; totalBytes: number; idleTimeoutMs?: number },
): Promise<{ bytesSent: number; status: number }> =>
  putFile(url, body, {
    sizeBytes: totalBytes - start,
    idleTimeoutMs,
    contentRange:
      start < totalBytes
        ? `bytes ${start}-${totalBytes - 1}/${totalBytes}`
        : `bytes */${totalBytes}`,
  })
