import { createHash } from 'node:crypto'

import type { MuxWebhookEvent } from '../../../src/video'

// Builders for webhook envelopes shaped like Mux's, so reducer tests read as stories.

const baseTime = Date.parse('2025-03-01T10:00:00.000Z')

/** ISO time `seconds` after the story starts. */
export const at = (seconds: number) => new Date(baseTime + seconds * 1000).toISOString()

/** Mux event ids are opaque UUIDs: their order says nothing about time, and neither may ours. */
const opaqueId = (description: string) =>
  createHash('sha256').update(description).digest('hex').slice(0, 32)

const envelope = (
  description: string,
  type: string,
  object: { type: string; id: string },
  data: Record<string, unknown>,
  seconds: number,
): MuxWebhookEvent => ({
  id: opaqueId(description),
  type,
  created_at: at(seconds),
  object,
  data,
  environment: { id: 'env', name: 'Test' },
  attempts: [],
})

export const passthrough = 'videos:42'

export interface UploadEventOptions {
  uploadId: string
  assetId?: string
  seconds: number
  id?: string
  error?: { type: string; message: string }
}

export const uploadEvent = (
  kind: 'created' | 'asset_created' | 'errored' | 'cancelled' | 'timed_out',
  { uploadId, assetId, seconds, id, error }: UploadEventOptions,
): MuxWebhookEvent => {
  const status = kind === 'created' ? 'waiting' : kind
  return envelope(
    id ?? `evt-upload-${kind}-${uploadId}-${seconds}`,
    `video.upload.${kind}`,
    { type: 'upload', id: uploadId },
    {
      id: uploadId,
      status,
      timeout: 3600,
      cors_origin: '*',
      new_asset_settings: { passthrough, playback_policies: ['signed'] },
      ...(assetId ? { asset_id: assetId } : {}),
      ...(error ? { error } : {}),
    },
    seconds,
  )
}

export interface MuxTrackFixture {
  id: string
  type: 'video' | 'audio' | 'text'
  status?: string
  language_code?: string
  name?: string
  closed_captions?: boolean
  primary?: boolean
}

export const videoTrack = (id = 'trk-video'): MuxTrackFixture => ({ id, type: 'video' })
export const mainAudio = (id = 'trk-audio'): MuxTrackFixture => ({
  id,
  type: 'audio',
  status: 'ready',
  language_code: 'en',
  name: 'English',
  primary: true,
})
export const subtitles = (id: string, status: string, language = 'fr'): MuxTrackFixture => ({
  id,
  type: 'text',
  status,
  language_code: language,
  name: `Subtitles ${language}`,
  closed_captions: false,
})

export interface AssetEventOptions {
  assetId: string
  uploadId?: string
  seconds: number
  id?: string
  status?: string
  playbackIds?: Array<{ id: string; policy: string }>
  tracks?: MuxTrackFixture[]
  duration?: number
  errors?: { type: string; messages: string[] }
}

export const assetEvent = (
  kind: 'created' | 'ready' | 'errored' | 'updated' | 'deleted',
  options: AssetEventOptions,
): MuxWebhookEvent => {
  const status =
    options.status ?? (kind === 'ready' ? 'ready' : kind === 'errored' ? 'errored' : 'preparing')
  const playable = status === 'ready'
  return envelope(
    options.id ?? `evt-asset-${kind}-${options.assetId}-${options.seconds}`,
    `video.asset.${kind}`,
    { type: 'asset', id: options.assetId },
    {
      id: options.assetId,
      status,
      passthrough,
      created_at: '1740823200',
      max_resolution_tier: '1080p',
      playback_ids: options.playbackIds ?? [{ id: `play-${options.assetId}`, policy: 'signed' }],
      tracks: options.tracks ?? [],
      ...(options.uploadId ? { upload_id: options.uploadId } : {}),
      ...(playable
        ? { duration: options.duration ?? 63.5, aspect_ratio: '16:9', resolution_tier: '1080p' }
        : {}),
      ...(options.errors ? { errors: options.errors } : {}),
    },
    options.seconds,
  )
}

export const trackEvent = (
  kind: 'created' | 'ready' | 'errored' | 'deleted',
  assetId: string,
  track: MuxTrackFixture,
  seconds: number,
): MuxWebhookEvent =>
  envelope(
    `evt-track-${kind}-${track.id}-${seconds}`,
    `video.asset.track.${kind}`,
    { type: 'track', id: track.id },
    {
      ...track,
      status: kind === 'created' ? 'preparing' : kind,
      asset_id: assetId,
      // A track's own passthrough: must never be mistaken for the document's.
      passthrough: `track-label-${track.id}`,
    },
    seconds,
  )
