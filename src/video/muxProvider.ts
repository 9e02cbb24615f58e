import Mux, { BadRequestError } from '@mux/mux-node'

import { isNotFound, isRetryableMuxError } from './muxErrors'
import type { CreatedTrack, VideoProvider } from './provider'
import { ChunkedUploadStream, queryUploadProgress } from './chunkedUpload'
import { putStream } from './streamUpload'
import type { MuxAssetData, PlaybackPolicy } from './types'
import { verifyMuxWebhook } from './webhookSignature'

export interface MuxProviderOptions {
  tokenId: string
  tokenSecret: string
  webhookSecret?: string | null
  /** Point the SDK elsewhere, e.g. at the fake Mux server (`tests/fakes`). */
  baseURL?: string | null
  /** Per HTTP attempt; the SDK retries timeouts, so a call may take (maxRetries + 1) times this. */
  timeoutMs?: number
  maxRetries?: number
  /** A direct-upload PUT fails when no byte moves for this long. */
  uploadIdleTimeoutMs?: number
  /** Chunk size of uploads streamed while they arrive (a multiple of 256 KiB; default 16 MiB). */
  uploadChunkBytes?: number
}

const defaultBaseURL = 'https://api.mux.com'
const defaultChunkBytes = 16 * 1024 * 1024
const assetPageSize = 100
/** Our clock and Mux's may disagree a little; look this much further back. */
const clockSkewSeconds = 300

const ignoreNotFound = async (call: () => Promise<unknown>): Promise<void> => {
  try {
    await call()
  } catch (error) {
    if (!isNotFound(error)) throw error
  }
}

const nullIfNotFound = async <T>(call: () => Promise<T>): Promise<T | null> => {
  try {
    return await call()
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}

const createdTrack = (track: { id?: string; status?: string }): CreatedTrack => {
  if (!track.id) throw new Error('Mux returned a track without an id.')
  return { trackId: track.id, status: track.status ?? 'preparing' }
}

/** The primary audio track, which Mux transcribes for generated subtitles. */
const audioTrackIdOf = (asset: MuxAssetData): string => {
  const audioTracks = (asset.tracks ?? []).filter((track) => track.type === 'audio' && track.id)
  const track = audioTracks.find((candidate) => candidate.primary)
  const id = (track ?? audioTracks[0])?.id
  if (!id) throw new Error(`Asset ${asset.id} has no audio track to generate subtitles from.`)
  return id
}

export const createMuxProvider = (options: MuxProviderOptions): VideoProvider => {
  // Everything explicit: the SDK would otherwise read MUX_* variables behind our back.
  const mux = new Mux({
    tokenId: options.tokenId,
    tokenSecret: options.tokenSecret,
    webhookSecret: null,
    jwtSigningKey: null,
    jwtPrivateKey: null,
    authorizationToken: null,
    baseURL: options.baseURL || defaultBaseURL,
    timeout: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 2,
  })
  const { assets, uploads } = mux.video

  return {
    async createDirectUpload({ passthrough, playbackPolicy, corsOrigin, timeoutSeconds }) {
      const upload = await uploads.create({
        cors_origin: corsOrigin ?? '*',
        ...(timeoutSeconds ? { timeout: timeoutSeconds } : {}),
        new_asset_settings: { passthrough, playback_policies: [playbackPolicy] },
      })
      if (!upload.url) throw new Error(`Mux returned direct upload ${upload.id} without a URL.`)
      return { uploadId: upload.id, url: upload.url }
    },

    async putUploadFile(url, body, sizeBytes) {
      const { bytesSent } = await putStream(url, body, {
        sizeBytes,
        idleTimeoutMs: options.uploadIdleTimeoutMs,
      })
      return { bytesSent }
    },

    openUploadStream(url, { expectedBytes } = {}) {
      return new ChunkedUploadStream(url, {
        chunkBytes: options.uploadChunkBytes ?? defaultChunkBytes,
        idleTimeoutMs: options.uploadIdleTimeoutMs,
        expectedBytes,
      })
    },

    async uploadProgress(url) {
      return queryUploadProgress(url, { idleTimeoutMs: options.uploadIdleTimeoutMs })
    },

    async resumeUploadFile(url, body, { start, totalBytes }) {
      const contentRange =
        start < totalBytes
          ? `bytes ${start}-${totalBytes - 1}/${totalBytes}`
          : `bytes */${totalBytes}`
      const { bytesSent } = await putStream(url, body, {
        sizeBytes: totalBytes - start,
        idleTimeoutMs: options.uploadIdleTimeoutMs,
        contentRange,
      })
      return { bytesSent }
    },

    async discardUpload(uploadId) {
      const upload = await nullIfNotFound(() => uploads.retrieve(uploadId))
      if (!upload) return
      if (upload.status === 'waiting') await this.cancelUpload(uploadId)
      // Cancelled while its last bytes arrived, or finished before: its asset goes too.
      const settled =
        upload.status === 'waiting'
          ? await nullIfNotFound(() => uploads.retrieve(uploadId))
          : upload
      if (settled?.asset_id) await ignoreNotFound(() => assets.delete(settled.asset_id as string))
    },

    async cancelUpload(uploadId) {
      try {
        await uploads.cancel(uploadId)
      } catch (error) {
        if (isNotFound(error)) return
        // Mux refuses to cancel an upload that is no longer waiting: nothing left to cancel.
        if (error instanceof BadRequestError) {
          const upload = await nullIfNotFound(() => uploads.retrieve(uploadId))
          if (!upload || upload.status !== 'waiting') return
        }
        throw error
      }
    },

    async createAssetFromUrl({ url, passthrough, playbackPolicy }) {
      const asset = await assets.create({
        inputs: [{ url }],
        passthrough,
        playback_policies: [playbackPolicy],
      })
      return { assetId: asset.id, status: asset.status }
    },

    retrieveAsset: (assetId) => nullIfNotFound(() => assets.retrieve(assetId)),

    retrieveUpload: (uploadId) => nullIfNotFound(() => uploads.retrieve(uploadId)),

    async findAssetsByPassthrough(passthrough, { createdSince } = {}) {
      // The API cannot filter by passthrough, so this walks the pages, newest first.
      const oldestSeconds = createdSince
        ? Math.floor(createdSince.getTime() / 1000) - clockSkewSeconds
        : null
      const found: MuxAssetData[] = []
      for await (const asset of assets.list({ limit: assetPageSize })) {
        if (oldestSeconds !== null && Number(asset.created_at) < oldestSeconds) break
        if (asset.passthrough === passthrough) found.push(asset)
      }
      return found
    },

    deleteAsset: (assetId) => ignoreNotFound(() => assets.delete(assetId)),

    async updateAssetPassthrough(assetId, passthrough) {
      await assets.update(assetId, { passthrough })
    },

    async createTextTrack(assetId, { url, languageCode, name, closedCaptions }) {
      const track = await assets.createTrack(assetId, {
        type: 'text',
        text_type: 'subtitles',
        url,
        language_code: languageCode,
        name,
        closed_captions: closedCaptions,
      })
      return createdTrack(track)
    },

    async createGeneratedSubtitles(assetId, { languageCode, name }) {
      const asset = await assets.retrieve(assetId)
      const tracks = await assets.generateSubtitles(assetId, audioTrackIdOf(asset), {
        generated_subtitles: [{ language_code: languageCode, name }],
      })
      return tracks.map(createdTrack)
    },

    deleteTrack: (assetId, trackId) => ignoreNotFound(() => assets.deleteTrack(assetId, trackId)),

    async createPlaybackId(assetId, policy: PlaybackPolicy) {
      const playbackId = await assets.createPlaybackId(assetId, { policy })
      if (playbackId.policy !== 'public' && playbackId.policy !== 'signed') {
        throw new Error(`Mux created a ${playbackId.policy} playback id; expected ${policy}.`)
      }
      return { playbackId: playbackId.id, policy: playbackId.policy }
    },

    deletePlaybackId: (assetId, playbackId) =>
      ignoreNotFound(() => assets.deletePlaybackId(assetId, playbackId)),

    async verifyWebhook(rawBody, headers) {
      return verifyMuxWebhook({ rawBody, headers, secret: options.webhookSecret })
    },

    isRetryable: isRetryableMuxError,
  }
}
