import http from 'node:http'
import https from 'node:https'

/**
 * The resumable side of a direct-upload URL (a Google Cloud Storage session behind Mux, and
 * what @mux/upchunk speaks): chunks carry `Content-Range`, the URL answers 308 with the bytes it
 * kept (`Range: bytes=0-n`) until the last chunk, and `bytes *\/*` asks how much arrived.

/** The upload URL answered with an error status, or the transfer stalled or broke. */
export class UploadTransferError extends Error {
  override readonly name = 'UploadTransferError'
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** Chunks other than the last must be multiples of this. */
export const uploadChunkAlignment = 256 * 1024

export interface UploadProgress {
  /** Bytes the upload URL holds. */
  received: number
  /** The upload is finished (the asset exists or is being made). */
  complete: boolean
}

export interface RangeAnswer {
  status: number
  received: number | null
  detail: string
}

const keptBytes = (range: string | undefined): number | null => {
  if (range === undefined) return 0
  const match = /^bytes=0-(\d+)$/.exec(range.trim())
  return match ? Number(match[1]) + 1 : null
}

// A 308 to a last chunk: the URL kept only part of it, so the rest can be sent again.
export const isRetryableStatus = (status: number) =>
  status === 308 || status === 408 || status === 429 || status >= 500

/** A PUT with the given Content-Range and length, whose body the caller writes. */
export const openRange = (
  url: string,
  length: number,
  contentRange: string,
  idleTimeoutMs: number,
  agent: http.Agent | false = false,
): { request: http.ClientRequest; answer: Promise<RangeAnswer> } => {
  const target = new URL(url)
  const request = (target.protocol === 'https:' ? https : http).request(target, {
    method: 'PUT',
    agent,
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(length),
      'content-range': contentRange,
    },
  })
  request.setTimeout(idleTimeoutMs, () =>
    request.destroy(new UploadTransferError(`Upload stalled for ${idleTimeoutMs} ms`, null, true)),
  )
  const answer = new Promise<RangeAnswer>((resolve, reject) => {
    request.once('error', (error) =>
      reject(
        error instanceof UploadTransferError
          ? error
          : new UploadTransferError(`Upload failed: ${String(error)}`, null, true, {
              cause: error,
            }),
      ),
    )
    request.once('response', (response) => {
      let detail = ''
      response.setEncoding('utf8')
      response.on('data', (text: string) => {
        if (detail.length < 2048) detail += text
      })
      response.once('end', () => {
        const status = response.statusCode ?? 0
        const range = response.headers.range
        resolve({ status, received: keptBytes(Array.isArray(range) ? range[0] : range), detail })
      })
    })
  })
  return { request, answer }
}

/** One PUT of `chunks` (already in memory) with the given Content-Range. */
export const putRange = (
  url: string,
  chunks: Buffer[],
  contentRange: string,
  idleTimeoutMs: number,
  agent: http.Agent | false = false,
): { request: http.ClientRequest; answer: Promise<RangeAnswer> } => {
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0)
  const opened = openRange(url, length, contentRange, idleTimeoutMs, agent)
  for (const chunk of chunks) opened.request.write(chunk)
  opened.request.end()
  return opened
}

export const failedAnswer = ({ status, detail }: RangeAnswer) =>
  new UploadTransferError(
    `Upload answered ${status}: ${detail.slice(0, 300)}`,
    status,
    isRetryableStatus(status),
  )

/** How much of an upload arrived (`Content-Range: bytes *\/*`). */
export const queryUploadProgress = async (
  url: string,
  { idleTimeoutMs = 60_000 }: { idleTimeoutMs?: number } = {},
): Promise<UploadProgress> => {
  const answer = await putRange(url, [], 'bytes */*', idleTimeoutMs).answer
  if (answer.status === 200 || answer.status === 201) return { received: 0, complete: true }
  if (answer.status === 308 && answer.received !== null) {
    return { received: answer.received, complete: false }
  }
  throw failedAnswer(answer)
}
