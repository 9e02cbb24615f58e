import fsp, { type FileHandle } from 'node:fs/promises'

import type { PayloadRequest } from 'payload'

import {
  MediaOutline,
  newIngestNonce,
  passthroughFor,
  unsavedPassthroughFor,
  ResumableUploadStream,
  type Backpressure,
  type OutlinePiece,
  type PlaybackPolicy,
} from '../../video'
import { queueMuxTask } from './jobs'
import { recordReleasedUpload } from './muxEventStore'
import { ignoreEventsFor } from './videoMuxState'
import { BatchedFile, type FileSink, type FilePartInfo } from './multipartParser'
import type { MuxRuntime } from './runtime'

/**
 * Where the file of a `POST`/`PATCH /api/videos` went. With `delivered`, Mux holds all of it
 * and nothing was spooled; otherwise the temp file holds it from `spoolOffset` on (Mux has the
 * bytes before) and a push job resumes `uploadId` — or, without `uploadId`, starts afresh.
 */
export interface StreamedUpload {
  nonce: string
  uploadId: string | null
  delivered: boolean
  spoolOffset: number
  /** Why the file did not all go to Mux at once, for the log. */
  interruption: string | null
}

/** The upload the endpoint streamed for this request's file, handed to the collection hooks. */
export const streamedUploadOf = (context: PayloadRequest['context']): StreamedUpload | null =>
  context.muxStreamedUpload ?? null

/**
 * A file part that goes straight on to a Mux direct upload while it arrives. The temp file
 * Payload's checks read gets only the media outline (head and box headers, at their positions,
 * in a sparse file of the full size), until Mux fails: from then on every byte Mux has not
 * confirmed is written there, so a job can resume the upload from the spool.
 */
export class MuxStreamingSink implements FileSink {
  size = 0
  private readonly outline = new MediaOutline()
  private disk: BatchedFile | null = null
  private interruption: string | null = null

  private constructor(
    private readonly handle: FileHandle,
    private readonly nonce: string,
    private readonly uploadId: string | null,
    private stream: ResumableUploadStream | null,
    why: string | null,
  ) {
    this.interruption = why
    if (!stream) this.disk = new BatchedFile(handle, 0)
  }

  /**
   * Creates the direct upload (passthrough names the video, or only the nonce while it is not
   * saved yet). When Mux cannot be reached the file is spooled whole, as without streaming.
   */
  static async open(
    runtime: MuxRuntime,
    req: PayloadRequest,
    file: FilePartInfo,
    /** The video's id when it exists (PATCH), and the policy its new asset starts with. */
    video: { id: string | null; playbackPolicy: PlaybackPolicy },
  ): Promise<MuxStreamingSink> {
    const handle = await fsp.open(file.tempFilePath, 'w')
    const nonce = newIngestNonce()
    const provider = runtime.provider
    if (!provider) return new MuxStreamingSink(handle, nonce, null, null, 'Mux is not configured')
    try {
      const upload = await provider.createUpload({
        passthrough: video.id
          ? passthroughFor({ collection: runtime.videos.slug, id: video.id, nonce })
          : unsavedPassthroughFor(runtime.videos.slug, nonce),
        playbackPolicy: video.playbackPolicy,
        timeoutSeconds: runtime.options.uploadTimeoutSeconds,
      })
      const stream = new ResumableUploadStream(upload.url, {
        chunkBytes: runtime.options.uploadChunkBytes,
        expectedBytes: file.expectedBytes,
      })
      return new MuxStreamingSink(handle, nonce, upload.uploadId, stream, null)
    } catch (error) {
      req.payload.logger.warn({ err: error }, 'Mux upload not created; spooling the file instead')
      return new MuxStreamingSink(handle, nonce, null, null, String(error))
    }
  }

  private async keep(pieces: OutlinePiece[]) {
    for (const { position, bytes } of pieces) {
      await this.handle.write(bytes, 0, bytes.length, position)
    }
  }

  /** Mux failed: every byte it did not confirm goes to the spool from here on. */
  private async fallBackToDisk() {
    const stream = this.stream as ResumableUploadStream
    await stream.settled()
    this.interruption = stream.failure?.message ?? 'The upload to Mux stopped.'
    const { offset, chunks } = stream.unconfirmed()
    this.stream = null
    this.disk = new BatchedFile(this.handle, offset)
    for (const chunk of chunks) await this.disk.append(chunk)
  }

  /** Synchronous while Mux keeps up and no box header needs writing (nearly every chunk). */
  append(chunk: Buffer): Backpressure {
    this.size += chunk.length
    if (this.disk) return this.disk.append(chunk)
    const outlinePieces = this.outline.take(chunk)
    if (outlinePieces.length) return this.keep(outlinePieces).then(() => this.send(chunk))
    return this.send(chunk)
  }

  private send(chunk: Buffer): Backpressure {
    const stream = this.stream as ResumableUploadStream
    const wait = stream.write(chunk)
    if (wait) return wait.then(() => (stream.failure ? this.fallBackToDisk() : undefined))
    if (stream.failure) return this.fallBackToDisk()
  }

  async close(): Promise<void> {
    try {
      await this.keep(this.outline.finish())
      if (this.stream) {
        await this.stream.finish()
        if (this.stream.failure) await this.fallBackToDisk()
      }
      await this.disk?.drain()
      // Sparse up to the full size: checks see the file's length and its outline.
      await this.handle.truncate(this.size)
    } finally {
      await this.handle.close()
    }
  }

  async abort(): Promise<void> {
    this.stream?.abort()
    await this.handle.close().catch(() => undefined)
  }

  outcome(): StreamedUpload {
    const delivered = !!this.stream?.complete
    return {
      nonce: this.nonce,
      uploadId: this.uploadId,
      delivered,
      // The spool holds the bytes from where the disk took over.
      spoolOffset: this.disk ? this.size - this.disk.size : this.size,
      interruption: this.interruption,
    }
  }
}

/**
 * A streamed upload whose save failed (or whose request broke): Mux lets go of it — cancelled
 * while waiting, its asset deleted if it made one — and events about it are acknowledged.
 */
export const discardStreamedUpload = async (
  req: PayloadRequest,
  uploadId: string,
): Promise<void> => {
  await recordReleasedUpload(req.payload, uploadId)
  // Events that came before this marker waited for a video that will never be saved.
  await ignoreEventsFor(req.payload, [], 'Its upload was never saved.', undefined, [uploadId])
  await queueMuxTask(req.payload, 'muxRelease', {
    kind: 'upload',
    muxId: uploadId,
    reason: 'unsaved',
  })
}
