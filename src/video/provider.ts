import type { Readable } from 'node:stream'

import type { ChunkedUploadStream, UploadProgress } from './chunkedUpload'
import type { WebhookHeaders } from './webhookSignature'
import type {
  MuxAssetData,
  MuxUploadData,
  MuxWebhookEvent,
  PlaybackIdEntry,
  PlaybackPolicy,
} from './types'

/** Languages Mux can generate subtitles for from an audio track. */
export const generatedSubtitleLanguages = [
  'en', 'es', 'it', 'pt', 'de', 'fr', 'pl', 'ru', 'nl', 'ca', 'tr', 'sv', 'uk', 'no', 'fi', 'sk',
  'el', 'cs', 'hr', 'da', 'ro', 'bg', 'auto',
] as const // prettier-ignore

export type GeneratedSubtitleLanguage = (typeof generatedSubtitleLanguages)[number]

export type UploadBody = Readable | NodeJS.ReadableStream | ReadableStream<Uint8Array>

export interface DirectUpload {
  uploadId: string
  /** Where the file goes: a browser PUTs it (UpChunk) or the server calls `putUploadFile`. */
  url: string
}

export interface CreatedTrack {
  trackId: string
  status: string
}

/**
 * The video service behind an interface, like the adapters of Payload's plugin-cloud-storage:
 * collection hooks and jobs talk to this, never to the SDK. Deletes treat 404 as done.
 */
export interface VideoProvider {
  createDirectUpload(options: {
    passthrough: string
    playbackPolicy: PlaybackPolicy
    corsOrigin?: string
    timeoutSeconds?: number
  }): Promise<DirectUpload>
  /** Streams the file to an upload URL; memory use does not grow with the file. */
  putUploadFile(url: string, body: UploadBody, sizeBytes?: number): Promise<{ bytesSent: number }>
  /**
   * Sends a stream of unknown length to an upload URL while it arrives, in resumable chunks;
   * what the URL did not confirm is handed back on failure (see `ChunkedUploadStream`).
   */
  openUploadStream(url: string, options?: { expectedBytes?: number }): ChunkedUploadStream
  /** How much of an upload arrived, for resuming it. */
  uploadProgress(url: string): Promise<UploadProgress>
  /** Sends the end of a file, from byte `start` of `totalBytes`, to a resumable upload. */
  resumeUploadFile(
    url: string,
    body: UploadBody,
    range: { start: number; totalBytes: number },
  ): Promise<{ bytesSent: number }>
  cancelUpload(uploadId: string): Promise<void>
  /**
   * Lets go of an upload we no longer want: cancels it while it waits, deletes the asset it
   * already made. 404 counts as done.
   */
  discardUpload(uploadId: string): Promise<void>
  /** Mux fetches the URL itself, so it must be publicly reachable. */
  createAssetFromUrl(options: {
    url: string
    passthrough: string
    playbackPolicy: PlaybackPolicy
  }): Promise<{ assetId: string; status: string }>
  retrieveAsset(assetId: string): Promise<MuxAssetData | null>
  retrieveUpload(uploadId: string): Promise<MuxUploadData | null>
  /**
   * Every asset carrying this passthrough, e.g. duplicates from a retried create. With
   * `createdSince`, the walk (newest first) stops at older assets, so it stays short.
   */
  findAssetsByPassthrough(
    passthrough: string,
    options?: { createdSince?: Date },
  ): Promise<MuxAssetData[]>
  deleteAsset(assetId: string): Promise<void>
  /** Rewrites an asset's passthrough (at most 255 characters), e.g. once its document exists. */
  updateAssetPassthrough(assetId: string, passthrough: string): Promise<void>
  createTextTrack(
    assetId: string,
    track: { url: string; languageCode: string; name: string; closedCaptions: boolean },
  ): Promise<CreatedTrack>
  /** Auto-generated captions from the asset's primary audio track. */
  createGeneratedSubtitles(
    assetId: string,
    subtitles: { languageCode: GeneratedSubtitleLanguage; name: string },
  ): Promise<CreatedTrack[]>
  deleteTrack(assetId: string, trackId: string): Promise<void>
  createPlaybackId(assetId: string, policy: PlaybackPolicy): Promise<PlaybackIdEntry>
  deletePlaybackId(assetId: string, playbackId: string): Promise<void>
  /** Throws `WebhookSignatureError` unless the raw body carries a valid, fresh signature. */
  verifyWebhook(rawBody: string | Uint8Array, headers: WebhookHeaders): Promise<MuxWebhookEvent>
  /** Whether trying the same call again later may succeed (5xx, 429, timeouts, resets). */
  isRetryable(error: unknown): boolean
}

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
