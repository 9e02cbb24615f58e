import path from 'node:path'

import type { CollectionSlug, Field, PayloadRequest } from 'payload'

import { muxConfigFromEnv, type MuxConfig, type VideoProvider } from '../../video'

/** What the app lets whom do; the plugin decides nothing about users itself. */
export interface MuxAccessOptions {
  /**
   * May upload, replace and manage videos (direct uploads, tracks, retries, adopting an asset):
   * the same rule as the videos collection's create and update.
   */
  manageVideos: (req: PayloadRequest) => boolean
  /** Staff: see Mux ids, sources and states, and get playback for every title. */
  isStaff: (req: PayloadRequest) => boolean
  /** May read the `mux-events` log. */
  readEvents: (req: PayloadRequest) => boolean
}

/** The members of a title's `playback` group, each filled from one relationship to a video. */
export type PlaybackMember = 'video' | 'trailer'

export interface MuxPlaybackOptions {
  /**
   * Which collections carry a virtual `playback` group, and for each member the relationship
   * field that points at its video, e.g. `{ films: { video: 'video', trailer: 'trailer' } }`.
   */
  collections: Partial<Record<CollectionSlug, Partial<Record<PlaybackMember, string>>>>
  /** The `playback` group field itself (its shape is the app's public contract). */
  field: (idType: 'number' | 'text') => Field
  /**
   * Whether the viewer may play this title now (`available`), or its trailer while it is
   * announced as coming soon (`announced`). Staff (`access.isStaff`) are not asked.
   */
  mayPlay: (
    req: PayloadRequest,
    title: { collection: CollectionSlug; id: string; state: 'available' | 'announced' },
  ) => Promise<boolean>
  /** Narrows the response's public caching to `cacheControl` (signed URLs expire). */
  limitCache: (req: PayloadRequest, cacheControl: string) => void
  /**
   * What a read answers for the group once filled (`value`; null when the viewer may not play),
   * given what Payload read (`read`). By default `value` itself.
   */
  present?: (req: PayloadRequest, read: unknown, value: object | null) => unknown
}

/** What the app hands the plugin besides its settings. */
export interface MuxVideoPluginWiring {
  /** The upload collection whose documents are videos at Mux; the plugin adds its fields. */
  videosCollection: CollectionSlug
  access: MuxAccessOptions
  playback: MuxPlaybackOptions
}

export interface MuxVideoPluginOptions extends MuxVideoPluginWiring, MuxVideoPluginSettings {}

/** The plugin's settings, read from the environment by `muxVideoPluginSettingsFromEnv`. */
export interface MuxVideoPluginSettings {
  /** Mux credentials and keys; null runs without Mux: videos wait as `pending`. */
  mux: MuxConfig | null
  /** Replaces the Mux provider built from `mux` (another adapter, or a test double). */
  provider?: VideoProvider | null
  /** Per HTTP attempt to the Mux API, and how often the SDK retries one call. */
  apiTimeoutMs: number
  apiMaxRetries: number
  /** Uploaded files wait here (durably) until they are pushed to Mux. */
  spoolDir: string
  /** A video uploading or preparing this long without news is read back from Mux. */
  reconcileAfterSeconds: number
  /** When the maintenance task runs (seconds first); false turns the schedule off. */
  maintenanceCron: string | false
  /** Lifetime of signed playback tokens handed to players. */
  playbackTokenTtlSeconds: number
  /** How long a direct-upload URL stays valid. */
  uploadTimeoutSeconds: number
  /** First retry delay of the Mux jobs; later ones double. */
  retryBaseMs: number
  retryAttempts: number
  /** Where Mux can fetch files from us (subtitle uploads); null when it cannot. */
  publicServerUrl: string | null
  /** How long a subtitle file URL handed to Mux stays valid. */
  trackUrlTtlSeconds: number
  /** CORS origin for browser direct uploads; null uses the request's Origin. */
  corsOrigin: string | null
  /**
   * Files uploaded through `POST`/`PATCH /api/videos` go on to Mux while they arrive (only what
   * Mux has not confirmed touches the disk); false spools the whole file first, then pushes it.
   */
  streamUploads: boolean
  /** Chunk size of those streamed uploads; memory holds about two chunks per upload. */
  uploadChunkBytes: number
  /** Applied events are kept this long to recognise duplicates; pending ones expire after it. */
  eventRetentionDays: number
}

const numberFrom = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value)
  return value !== undefined && value.trim() !== '' && Number.isFinite(parsed) ? parsed : fallback
}

const trimmed = (value: string | undefined): string | null => value?.trim() || null

export const muxVideoPluginSettingsFromEnv = (
  env: Record<string, string | undefined>,
): MuxVideoPluginSettings => ({
  mux: muxConfigFromEnv(env),
  apiTimeoutMs: numberFrom(env.MUX_TIMEOUT_MS, 30_000),
  apiMaxRetries: numberFrom(env.MUX_MAX_RETRIES, 2),
  spoolDir: path.resolve(env.VIDEO_SPOOL_DIR?.trim() || 'data/video-spool'),
  reconcileAfterSeconds: numberFrom(env.MUX_RECONCILE_AFTER_SECONDS, 900),
  maintenanceCron:
    env.MUX_MAINTENANCE_CRON === 'false' ? false : (env.MUX_MAINTENANCE_CRON ?? '0 * * * * *'),
  playbackTokenTtlSeconds: numberFrom(env.MUX_PLAYBACK_TOKEN_TTL_SECONDS, 1800),
  uploadTimeoutSeconds: numberFrom(env.MUX_UPLOAD_TIMEOUT_SECONDS, 86_400),
  retryBaseMs: numberFrom(env.MUX_RETRY_BASE_MS, 5_000),
  retryAttempts: numberFrom(env.MUX_RETRY_ATTEMPTS, 8),
  publicServerUrl: trimmed(env.PUBLIC_SERVER_URL) ?? trimmed(env.SERVER_URL),
  trackUrlTtlSeconds: numberFrom(env.MUX_TRACK_URL_TTL_SECONDS, 6 * 3600),
  corsOrigin: trimmed(env.MUX_CORS_ORIGIN),
  eventRetentionDays: numberFrom(env.MUX_EVENT_RETENTION_DAYS, 7),
  streamUploads: env.MUX_STREAM_UPLOADS?.trim() !== 'false',
  // Whole multiples of 256 KiB, as resumable uploads require.
  uploadChunkBytes:
    Math.max(1, Math.round(numberFrom(env.MUX_UPLOAD_CHUNK_MB, 16) * 4)) * 256 * 1024,
})
