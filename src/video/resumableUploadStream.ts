import http from 'node:http'
import https from 'node:https'

import {
  failedAnswer,
  openRange,
  putRange,
  queryUploadProgress,
  uploadChunkAlignment,
  UploadTransferError,
  type RangeAnswer,
} from './resumableRanges'
import { SlabQueue } from './slabPool'

/** Bytes gathered before one socket write of a chunk sent while it arrives. */
const socketBatchBytes = 1024 * 1024

/**
 * What a write returns: nothing when the caller may go on at once, or a promise to wait for
 * when the other end is behind.
 */
export type Backpressure = Promise<void> | undefined

export interface ResumableUploadOptions {
  /** Bytes per chunk (a multiple of 256 KiB); memory holds at most two of them. */
  chunkBytes: number
  idleTimeoutMs?: number
  /**
   * The file's size, if it can be told in advance (e.g. from the request's Content-Length).
   * Then every chunk but the last is sent while its bytes arrive (cut-through), instead of once
   * they are all in memory. A wrong guess costs one resent chunk, never a wrong file: the size
   * is declared only with the last chunk, once the file has ended.
   */
  expectedBytes?: number
}

/** A chunk request still taking bytes as they arrive. */
interface OpenChunk {
  request: http.ClientRequest
  answer: Promise<RangeAnswer>
  sent: number
}

/**
 * Sends a stream of unknown length to an upload URL while it arrives, one chunk in flight and
 * the next filling. Memory stays at about two chunks. It never throws from `write`/`finish`:
 * when the URL fails, `failure` is set and `unconfirmed()` hands back every byte the URL did not
 * confirm, so the caller can keep them (on disk) and resume later from `confirmed`.
 */
export class ResumableUploadStream {
  /** Bytes the upload URL confirmed keeping. */
  confirmed = 0
  /** Bytes given to `write`. */
  written = 0
  failure: UploadTransferError | null = null
  complete = false
  private pending: SlabQueue
  private inFlight: Promise<void> | null = null
  private open: OpenChunk | null = null
  private requests = new Set<http.ClientRequest>()
  private readonly chunkBytes: number
  private readonly idleTimeoutMs: number
  private readonly expectedBytes: number | undefined
  /** One connection, kept open from chunk to chunk (its congestion window stays open). */
  private readonly agent: http.Agent

  constructor(
    private readonly url: string,
    { chunkBytes, idleTimeoutMs = 60_000, expectedBytes }: ResumableUploadOptions,
  ) {
    if (chunkBytes <= 0 || chunkBytes % uploadChunkAlignment !== 0) {
      throw new Error(`Upload chunks must be a positive multiple of ${uploadChunkAlignment} bytes.`)
    }
    this.chunkBytes = chunkBytes
    this.idleTimeoutMs = idleTimeoutMs
    this.expectedBytes = expectedBytes
    this.pending = new SlabQueue(chunkBytes)
    const Agent = new URL(url).protocol === 'https:' ? https.Agent : http.Agent
    this.agent = new Agent({ keepAlive: true, maxSockets: 1 })
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
    this.pending.drop(received - this.confirmed)
    this.confirmed = received
  }

  private track({
    request,
    answer,
  }: {
    request: http.ClientRequest
    answer: Promise<RangeAnswer>
  }) {
    this.requests.add(request)
    void answer.catch(() => undefined).finally(() => this.requests.delete(request))
    return { request, answer }
  }

  /** Waits for a non-last chunk's answer: 308 with the bytes kept. */
  private awaitChunk(
    answer: Promise<RangeAnswer>,
    { cutShort = () => false }: { cutShort?: () => boolean } = {},
  ) {
    this.inFlight = answer
      .then((result) => {
        if (result.status !== 308 || result.received === null) throw failedAnswer(result)
        this.confirm(result.received)
      })
      .catch((error: unknown) => {
        if (!cutShort()) this.fail(error)
      })
      .finally(() => {
        this.inFlight = null
        this.open = null
      })
  }

  /** A chunk whose bytes are all here, sent from memory. */
  private sendBufferedChunk() {
    const start = this.confirmed
    const { answer } = this.track(
      putRange(
        this.url,
        this.pending.views(0, this.chunkBytes),
        `bytes ${start}-${start + this.chunkBytes - 1}/*`,
        this.idleTimeoutMs,
        this.agent,
      ),
    )
    this.awaitChunk(answer)
  }

  /** A chunk sent while its bytes arrive; `feedOpenChunk` writes them. */
  private openChunk() {
    const start = this.confirmed
    const opened = this.track(
      openRange(
        this.url,
        this.chunkBytes,
        `bytes ${start}-${start + this.chunkBytes - 1}/*`,
        this.idleTimeoutMs,
        this.agent,
      ),
    )
    const chunk: OpenChunk = { ...opened, sent: 0 }
    this.open = chunk
    this.awaitChunk(opened.answer, { cutShort: () => chunk.request.destroyed && !this.failure })
  }

  /**
   * Writes the bytes of an open chunk that have arrived, a megabyte or more at a time (one
   * `writev` for many socket reads), the rest once the chunk is complete. Returns a promise
   * only when the socket pushes back.
   */
  private feedOpenChunk(chunk: OpenChunk): Backpressure {
    const available = Math.min(this.chunkBytes, this.pendingBytes)
    const complete = available === this.chunkBytes
    if (!complete && available - chunk.sent < socketBatchBytes) return
    const pieces = this.pending.views(chunk.sent, available)
    if (this.failure || chunk.request.destroyed || !pieces.length) return
    chunk.request.cork()
    let flowing = true
    for (const piece of pieces) flowing = chunk.request.write(piece)
    chunk.request.uncork()
    chunk.sent = available
    if (complete) {
      chunk.request.end()
      if (this.open === chunk) this.open = null
    }
    if (flowing) return
    return Promise.race([
      new Promise<void>((resolve) => chunk.request.once('drain', resolve)),
      chunk.answer.then(
        () => undefined,
        () => undefined,
      ),
    ])
  }

  /**
   * Every byte written is either confirmed or handed back by `unconfirmed()`; after a failure
   * nothing more is sent, so the caller should stop writing and keep the rest itself. Returns
   * a promise to wait for before the next write only when Mux is behind (back-pressure):
   * the common case costs no promise, which matters where every promise is tracked for async
   * context (Next.js and Payload run requests in `AsyncLocalStorage`).
   */
  write(chunk: Buffer): Backpressure {
    if (!chunk.length) return
    this.pending.append(chunk)
    this.written += chunk.length
    return this.send()
  }

  /** Starts or feeds chunk requests with what is pending, as far as it can go without waiting. */
  private send(): Backpressure {
    for (;;) {
      if (this.failure) return
      if (this.open) {
        const open = this.open
        const wait = this.feedOpenChunk(open)
        // Still open: it waits for more bytes (after the socket drained, if it pushed back).
        if (this.open === open) return wait
        if (wait) return wait.then(() => this.send())
        continue
      }
      if (this.inFlight) {
        // Back-pressure: a second full chunk waits for the first to be confirmed.
        if (this.pendingBytes < 2 * this.chunkBytes) return
        return this.inFlight.then(() => this.send())
      }
      if (
        this.expectedBytes !== undefined &&
        this.expectedBytes - this.confirmed > this.chunkBytes
      ) {
        // All but the last chunk go out as their bytes come.
        this.openChunk()
        continue
      }
      // The last chunk waits for the end of the file (or, when the guess was short, fills up).
      if (this.pendingBytes < this.chunkBytes) return
      this.sendBufferedChunk()
    }
  }

  /** Sends the rest as the last chunk; `complete` once the URL accepted the whole file. */
  async finish(): Promise<void> {
    if (this.open && !this.failure) {
      // The file ended before a chunk sent ahead was full: drop that request, ask what the URL
      // kept of it, and send the rest as the last chunk.
      this.open.request.destroy()
      while (this.inFlight) await this.inFlight
      try {
        const progress = await queryUploadProgress(this.url, { idleTimeoutMs: this.idleTimeoutMs })
        this.confirm(progress.received)
      } catch (error) {
        this.fail(error)
      }
    }
    while (this.inFlight) await this.inFlight
    // A 308 to the last chunk means the URL kept only part of it: send the rest again, twice.
    for (let attempt = 0; attempt < 3 && !this.failure && !this.complete; attempt += 1) {
      const total = this.written
      const range =
        this.confirmed < total
          ? `bytes ${this.confirmed}-${total - 1}/${total}`
          : `bytes */${total}`
      try {
        const answer = await this.track(
          putRange(
            this.url,
            this.pending.views(0, this.pendingBytes),
            range,
            this.idleTimeoutMs,
            this.agent,
          ),
        ).answer
        if (answer.status === 200 || answer.status === 201) {
          this.pending.drop(this.pendingBytes)
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
    this.agent.destroy()
  }

  /** Every byte not confirmed, from offset `confirmed` on. Call once nothing is in flight. */
  unconfirmed(): { offset: number; chunks: Buffer[] } {
    return { offset: this.confirmed, chunks: this.pending.views(0, this.pendingBytes) }
  }

  /** Waits for the chunk in flight, if any. */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight
  }

  /** Stops sending (the incoming request broke); what was sent stays at the URL. */
  abort(): void {
    this.fail(new UploadTransferError('Upload aborted.', null, false))
    for (const request of this.requests) request.destroy()
    this.agent.destroy()
  }
}
