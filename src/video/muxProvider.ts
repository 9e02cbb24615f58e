import Mux, { BadRequestError } from '@mux/mux-node'

import { isNotFound, isRetryableMuxError } from './muxErrors'
import type {
  AssetChange,
  AssetChanged,
  CreatedTrack,
  TextTrackSource,
  VideoProvider,
} from './provider'
import type { MuxAssetData } from './types'

export interface MuxProviderOptions {
  tokenId: string
  tokenSecret: string
  /** Point the SDK elsewhere, e.g. at the fake Mux server (`tests/fakes`). */
  baseURL?: string | null
  /** Per HTTP attempt; the SDK retries timeouts, so a call may take (maxRetries + 1) times this. */
  timeoutMs?: number
  maxRetries?: number
}

const defaultBaseURL = 'https://api.mux.com'
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

  const cancelUpload = async (uploadId: string) => {
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
  }

  const addTextTrack = async (assetId: string, track: TextTrackSource) => {
    if (track.kind === 'file') {
      const created = await assets.createTrack(assetId, {
        type: 'text',
        text_type: 'subtitles',
        url: track.url,
        language_code: track.languageCode,
        name: track.name,
        closed_captions: track.closedCaptions,
      })
      return [createdTrack(created)]
    }
    const asset = await assets.retrieve(assetId)
    const tracks = await assets.generateSubtitles(assetId, audioTrackIdOf(asset), {
      generated_subtitles: [{ language_code: track.languageCode, name: track.name }],
    })
    return tracks.map(createdTrack)
  }

  const nothingAdded: AssetChanged = { playbackIds: [], tracks: [] }

  const changeAsset = async (assetId: string, change: AssetChange): Promise<AssetChanged> => {
    if ('passthrough' in change) {
      await assets.update(assetId, { passthrough: change.passthrough })
      return nothingAdded
    }
    if ('addPlaybackId' in change) {
      const policy = change.addPlaybackId
      const playbackId = await assets.createPlaybackId(assetId, { policy })
      if (playbackId.policy !== 'public' && playbackId.policy !== 'signed') {
        throw new Error(`Mux created a ${playbackId.policy} playback id; expected ${policy}.`)
      }
      return {
        ...nothingAdded,
        playbackIds: [{ playbackId: playbackId.id, policy: playbackId.policy }],
      }
    }
    if ('removePlaybackId' in change) {
      await ignoreNotFound(() => assets.deletePlaybackId(assetId, change.removePlaybackId))
      return nothingAdded
    }
    if ('addTextTrack' in change) {
      return { ...nothingAdded, tracks: await addTextTrack(assetId, change.addTextTrack) }
    }
    await ignoreNotFound(() => assets.deleteTrack(assetId, change.removeTrack))
    return nothingAdded
  }

  return {
    async createUpload({ passthrough, playbackPolicy, corsOrigin, timeoutSeconds }) {
      const upload = await uploads.create({
        cors_origin: corsOrigin ?? '*',
        ...(timeoutSeconds ? { timeout: timeoutSeconds } : {}),
        new_asset_settings: { passthrough, playback_policies: [playbackPolicy] },
      })
      if (!upload.url) throw new Error(`Mux returned direct upload ${upload.id} without a URL.`)
      return { uploadId: upload.id, url: upload.url }
    },

    async createAsset({ url, passthrough, playbackPolicy }) {
      const asset = await assets.create({
        inputs: [{ url }],
        passthrough,
        playback_policies: [playbackPolicy],
      })
      return { assetId: asset.id, status: asset.status }
    },

    getAsset: (assetId) => nullIfNotFound(() => assets.retrieve(assetId)),

    getUpload: (uploadId) => nullIfNotFound(() => uploads.retrieve(uploadId)),

    async findAssets({ passthrough, createdSince }) {
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

    updateAsset: changeAsset,

    deleteAsset: (assetId) => ignoreNotFound(() => assets.delete(assetId)),

    async deleteUpload(uploadId) {
      const upload = await nullIfNotFound(() => uploads.retrieve(uploadId))
      if (!upload) return
      if (upload.status === 'waiting') await cancelUpload(uploadId)
      // Cancelled while its last bytes arrived, or finished before: its asset goes too.
      const settled =
        upload.status === 'waiting'
          ? await nullIfNotFound(() => uploads.retrieve(uploadId))
          : upload
      if (settled?.asset_id) await ignoreNotFound(() => assets.delete(settled.asset_id as string))
    },

    isRetryable: isRetryableMuxError,
  }
}
