/** A video's lifecycle, in order; the Videos collection's status options are these. */
export const videoStatuses = ['pending', 'uploading', 'preparing', 'ready', 'errored'] as const
export type VideoStatus = (typeof videoStatuses)[number]

export type PlaybackPolicy = 'public' | 'signed'

export interface PlaybackIdEntry {
  playbackId: string
  policy: PlaybackPolicy
}

export type TrackKind = 'audio' | 'text'

export interface VideoTrack {
  kind: TrackKind
  languageCode?: string | null
  name?: string | null
  closedCaptions?: boolean | null
  /** Mux track status: preparing | ready | errored (deleted tracks are dropped from the list). */
  status?: string | null
  muxTrackId: string
}

export interface VideoError {
  type?: string | null
  messages?: string[] | null
}

export type AssetLifecycle = 'preparing' | 'ready' | 'errored' | 'deleted'

export type UploadStatus = 'waiting' | 'asset_created' | 'errored' | 'cancelled' | 'timed_out'

/**
 * Orders two observations of the same thing: the higher lifecycle rank wins (ready never falls
 * back to preparing), then the later event, then the larger event id so ties are deterministic.
 */
export interface EventMark {
  rank: number
  at: string
  eventId: string
}

/** What one asset snapshot (webhook `data` or an API read) says about the asset as a whole. */
export interface AssetFacts {
  status: AssetLifecycle
  duration: number | null
  aspectRatio: string | null
  maxResolution: string | null
  playbackIds: PlaybackIdEntry[]
  error: VideoError | null
  /** Audio and text track ids the snapshot listed; an older track missing here was deleted. */
  trackIds: string[]
}

export interface UploadFacts {
  status: UploadStatus
  error: VideoError | null
}

/**
 * Everything we have heard about one upload/asset pair, kept as per-item maxima so that the
 * result does not depend on the order in which webhooks arrived.
 */
export interface MuxGeneration {
  uploadId: string | null
  assetId: string | null
  upload: { mark: EventMark; facts: UploadFacts } | null
  asset: { mark: EventMark; facts: AssetFacts } | null
  /** Keyed by Mux track id; a track whose status is `deleted` is a tombstone. */
  tracks: Record<string, { mark: EventMark; track: VideoTrack }>
}

/**
 * Bookkeeping the reducer needs to stay order-independent; store it as one JSON field
 * (`muxSync`) next to the visible fields, which are a projection of `live`.
 */
export type MuxSync = {
  /** The generation editors and viewers see. */
  live: MuxGeneration
  /** A new upload or URL ingest that swaps in for `live` once its asset is ready. */
  replacement: MuxGeneration | null
  /** Upload and asset ids we let go of; their late events are acknowledged, not applied. */
  retiredIds: string[]
}

/** The Mux-derived fields of a `videos` document. */
export interface VideoMuxState {
  status: VideoStatus
  muxUploadId?: string | null
  muxAssetId?: string | null
  playbackIds: PlaybackIdEntry[]
  /** Seconds. */
  duration?: number | null
  aspectRatio?: string | null
  maxResolution?: string | null
  tracks: VideoTrack[]
  error?: VideoError | null
  /** ISO time of the newest Mux event applied to this document. */
  lastMuxEventAt?: string | null
  muxSync?: MuxSync | null
}

export interface MuxWebhookAttempt {
  id?: string
  address?: string
  created_at?: string
  max_attempts?: number
  response_status_code?: number
  response_body?: string | null
  response_headers?: Record<string, string>
  webhook_id?: number
}

/** The envelope Mux POSTs to a webhook endpoint. */
export type MuxWebhookEvent = {
  type: string
  id: string
  created_at: string
  object: { type: string; id: string }
  data: Record<string, unknown>
  environment?: { id: string; name: string } | null
  attempts?: MuxWebhookAttempt[] | null
}

/** The parts of a Mux Asset (API object or webhook `data`) we read; the SDK's `Asset` fits. */
export interface MuxAssetData {
  id: string
  status: string
  /** Unix seconds, as a string (the API's format). */
  created_at?: string
  passthrough?: string
  upload_id?: string
  duration?: number
  aspect_ratio?: string
  resolution_tier?: string
  max_resolution_tier?: string
  playback_ids?: Array<{ id: string; policy: string }>
  tracks?: Array<MuxTrackData>
  errors?: { type?: string; messages?: string[] }
}

export interface MuxTrackData {
  id?: string
  type?: string
  status?: string
  language_code?: string
  name?: string
  closed_captions?: boolean
  primary?: boolean
}

/** The parts of a Mux Direct Upload we read; the SDK's `Upload` fits. */
export interface MuxUploadData {
  id: string
  status: string
  url?: string
  asset_id?: string
  error?: { type?: string; message?: string }
  new_asset_settings?: { passthrough?: string }
}

/** Work the caller must do at Mux after a state change; each is safe to repeat. */
export type MuxEffect =
  | {
      kind: 'deleteAsset'
      assetId: string
      reason: 'replaced' | 'superseded' | 'orphaned' | 'detached'
    }
  | { kind: 'cancelUpload'; uploadId: string; reason: 'superseded' | 'detached' }

/**
 * - `applied`: the event concerns the live or replacement generation (a stale or duplicate event
 *   is still `applied`; it just changes nothing).
 * - `retired`: it concerns an upload or asset this document let go of; acknowledge it.
 * - `unrouted`: it cannot be tied to a generation yet (a track event that overtook the event
 *   linking its asset). Answer non-2xx so Mux redelivers it later.
 */
export type MuxEventOutcome = 'applied' | 'retired' | 'unrouted'

export interface MuxTransition {
  state: VideoMuxState
  effects: MuxEffect[]
}

export interface MuxEventResult extends MuxTransition {
  outcome: MuxEventOutcome
}

/** Ids in an event that can lead to our document. */
export interface MuxMatchKeys {
  passthrough?: string
  uploadId?: string
  assetId?: string
}
