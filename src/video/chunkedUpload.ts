import http from 'node:http'
import https from 'node:https'

import { UploadTransferError } from './provider'

/**
 * The resumable side of a direct-upload URL (a Google Cloud Storage session behind Mux, and
 * what @mux/upchunk speaks): chunks carry `Content-Range`, the URL answers 308 with the bytes it
 * kept (`Range: bytes=0-n`) until the last chunk, and `bytes *\/*` asks how much arrived.
 */

/** Chunks other than the last must be multiples of this. */
export const uploadChunkAlignment = 256 * 1024

export interface UploadProgress {
  /** Bytes the upload URL holds. */
  received: number
  /** The upload is finished (the asset exists or is being made). */
  complete: boolean
}

interface RangeAnswer {
  status: number
  received: number | null
  detail: string
}

const keptBytes = (range: string | undefined): number | null => {
  if (range === undefined) return 0
  const match = /^bytes=0-(\d+)$/.exec(range.trim())
  return match ? Number(match[1]) + 1 : null
}

const isRetryableStatus = (status: number) =>
  status === 308 || status === 408 || status === 429 || status >= 500

/** One PUT of `chunks` (already in memory) with the given Content-Range. */
const putRange = (
  url: string,
  chunks: Buffer[],
  contentRange: string,
  idleTimeoutMs: number,
  track: (request: http.ClientRequest | null) => void = () => undefined,
): Promise<RangeAnswer> =>
  new Promise((resolve, reject) => {
    const target = new URL(url)
    const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0)
    const request = (target.protocol === 'https:' ? https : http).request(target, {
      method: 'PUT',
      agent: false,
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(length),
        'content-range': contentRange,
      },
    })
    track(request)
    request.setTimeout(idleTimeoutMs, () =>
      request.destroy(
        new UploadTransferError(`Upload stalled for ${idleTimeoutMs} ms`, null, true),
      ),
    )
    request.once('error', (error) => {
      track(null)
      reject(
        error instanceof UploadTransferError
          ? error
          : new UploadTransferError(`Upload failed: ${String(error)}`, null, true, {
              cause: error,
            }),
      )
    })
    request.once('response', (response) => {
      let detail = ''
      response.setEncoding('utf8')
      response.on('data', (text: string) => {
        if (detail.length < 2048) detail += text
      })
      response.once('end', () => {
        track(null)
        const status = response.statusCode ?? 0
        const range = response.headers.range
        resolve({ status, received: keptBytes(Array.isArray(range) ? range[0] : range), detail })
      })
    })
    for (const chunk of chunks) request.write(chunk)
    request.end()
  })

const failedAnswer = ({ status, detail }: RangeAnswer) =>
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
  const answer = await putRange(url, [], 'bytes */*', idleTimeoutMs)
  if (answer.status === 200 || answer.status === 201) return { received: 0, complete: true }
  if (answer.status === 308 && answer.received !== null) {
    return { received: answer.received, complete: false }
  }
  throw failedAnswer(answer)
}

/** The first `bytes` of `chunks`, as views (no copy). */
const firstBytes = (chunks: Buffer[], bytes: number): Buffer[] => {
  const taken: Buffer[] = []
  let left = bytes
  for (const chunk of chunks) {
    if (left <= 0) break
    taken.push(left >= chunk.length ? chunk : chunk.subarray(0, left))
    left -= chunk.length
  }
  return taken
}

/** `chunks` without its first `bytes`. */
const withoutFirstBytes = (chunks: Buffer[], bytes: number): Buffer[] => {
  let left = bytes
  const rest: Buffer[] = []
  for (const chunk of chunks) {
    if (left >= chunk.length) {
      left -= chunk.length
      continue
    }
    rest.push(left > 0 ? chunk.subarray(left) : chunk)
    left = 0
  }
  return rest
}

export interface ChunkedUploadOptions {
  /** Bytes per chunk (a multiple of 256 KiB); memory holds at most two of them. */
  chunkBytes: number
  idleTimeoutMs?: number
}

/**
 * Sends a stream of unknown length to an upload URL while it arrives, one chunk in flight and
 * the next filling. Memory stays at about two chunks. It never throws from `write`/`finish`:
 * when the URL fails, `failure` is set and `unconfirmed()` hands back every byte the URL did not
 * confirm, so the caller can keep them (on disk) and resume later from `confirmed`.
 */
export class ChunkedUploadStream {
  /** Bytes the upload URL confirmed keeping. */
  confirmed = 0
  /** Bytes given to `write`. */
  written = 0
  failure: UploadTransferError | null = null
  complete = false
  private pending: Buffer[] = []
  private inFlight: Promise<void> | null = null
  private request: http.ClientRequest | null = null
  private readonly chunkBytes: number
  private readonly idleTimeoutMs: number

  constructor(
    private readonly url: string,
    { chunkBytes, idleTimeoutMs = 60_000 }: ChunkedUploadOptions,
  ) {
    if (chunkBytes <= 0 || chunkBytes % uploadChunkAlignment !== 0) {
      throw new Error(`Upload chunks must be a positive multiple of ${uploadChunkAlignment} bytes.`)
    }
    this.chunkBytes = chunkBytes
    this.idleTimeoutMs = idleTimeoutMs
  }

  private get pendingBytes() {
    return this.written - this.confirmed
  }

  private fail(error: unknown) {
    this.failure ??=
      error instanceof UploadTransferError
        ? error
        : new UploadTransferError(String(error), null, true, { cause: error })
  }

  /** Takes an answer's `Range` as the new confirmed count. */
  private confirm(received: number) {
    if (received < this.confirmed || received > this.written) {
      throw new UploadTransferError(
        `The upload URL reports ${received} bytes; ${this.confirmed} were confirmed before.`,
        null,
        false,
      )
    }
    this.pending = withoutFirstBytes(this.pending, received - this.confirmed)
    this.confirmed = received
  }

  private async send(chunks: Buffer[], contentRange: string): Promise<RangeAnswer> {
    return putRange(this.url, chunks, contentRange, this.idleTimeoutMs, (request) => {
      this.request = request
    })
  }

  private startChunk() {
    const start = this.confirmed
    const end = start + this.chunkBytes - 1
    this.inFlight = this.send(firstBytes(this.pending, this.chunkBytes), `bytes ${start}-${end}/*`)
      .then((answer) => {
        if (answer.status !== 308 || answer.received === null) throw failedAnswer(answer)
        this.confirm(answer.received)
      })
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.inFlight = null
      })
  }

  /**
   * Every byte written is either confirmed or handed back by `unconfirmed()`; after a failure
   * nothing more is sent, so the caller should stop writing and keep the rest itself.
   */
  async write(chunk: Buffer): Promise<void> {
    if (!chunk.length) return
    this.pending.push(chunk)
    this.written += chunk.length
    for (;;) {
      if (this.failure) return
      if (this.inFlight) {
        // Back-pressure: a second full chunk waits for the first to be confirmed.
        if (this.pendingBytes < 2 * this.chunkBytes) return
        await this.inFlight
        continue
      }
      if (this.pendingBytes < this.chunkBytes) return
      this.startChunk()
    }
  }

  /** Sends the rest as the last chunk; `complete` once the URL accepted the whole file. */
  async finish(): Promise<void> {
    while (this.inFlight) await this.inFlight
    // A 308 to the last chunk means the URL kept only part of it: send the rest again, twice.
    for (let attempt = 0; attempt < 3 && !this.failure && !this.complete; attempt += 1) {
      const total = this.written
      const range =
        this.confirmed < total
          ? `bytes ${this.confirmed}-${total - 1}/${total}`
          : `bytes */${total}`
      try {
        const answer = await this.send(this.pending, range)
        if (answer.status === 200 || answer.status === 201) {
          this.pending = []
          this.confirmed = total
          this.complete = true
        } else if (answer.status === 308 && answer.received !== null) {
          this.confirm(answer.received)
        } else {
          throw failedAnswer(answer)
        }
      } catch (error) {
        this.fail(error)
      }
    }
    if (!this.complete) {
      this.fail(new UploadTransferError('The upload URL did not accept the last chunk.', 308, true))
    }
  }

  /** Every byte not confirmed, from offset `confirmed` on. Call once nothing is in flight. */
  unconfirmed(): { offset: number; chunks: Buffer[] } {
    return { offset: this.confirmed, chunks: this.pending }
  }

  /** Waits for the chunk in flight, if any. */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight
  }

  /** Stops sending (the incoming request broke); what was sent stays at the URL. */
  abort(): void {
    this.fail(new UploadTransferError('Upload aborted.', null, false))
    this.request?.destroy()
  }
}
