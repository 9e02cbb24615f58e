import { isolateObjectProperty, type Payload, type PayloadRequest, type Where } from 'payload'

import {
  hasPlaybackPolicyDrift,
  isAwaitingMux,
  knownMuxIds,
  type MuxSync,
  type PlaybackIdEntry,
  type PlaybackPolicy,
  type VideoError,
  type VideoMuxState,
  type VideoStatus,
  type VideoTrack,
} from '../../video'

export const videosSlug = 'videos' as const

export type IngestSource = 'file' | 'url'

/** Where a source waiting for Mux stands; the admin shows `message`. */
export type IngestState = 'queued' | 'pushing' | 'retrying' | 'waiting' | 'failed'

/** A source (uploaded file or URL) that still has to be sent to Mux. */
export interface IngestRecord {
  source?: IngestSource | null
  state?: IngestState | null
  nonce?: string | null
  spoolFile?: string | null
  spoolBytes?: number | null
  /** The spool file holds the video from this byte on; Mux already has the bytes before it. */
  spoolOffset?: number | null
  uploadId?: string | null
  requestedAt?: string | null
  heartbeatAt?: string | null
  message?: string | null
}

type Row<T> = T & { id?: string | null }

/** The fields of a `videos` document this plugin reads and writes. */
export interface VideoRecord {
  id: number | string
  title?: string | null
  status?: VideoStatus | null
  playbackPolicy?: PlaybackPolicy | null
  sourceUrl?: string | null
  muxUploadId?: string | null
  muxAssetId?: string | null
  playbackIds?: Row<PlaybackIdEntry>[] | null
  duration?: number | null
  aspectRatio?: string | null
  maxResolution?: string | null
  tracks?: Row<Omit<VideoTrack, 'muxTrackId'> & { muxTrackId?: string | null }>[] | null
  error?: { type?: string | null; messages?: string[] | null } | null
  lastMuxEventAt?: string | null
  muxSync?: MuxSync | null
  muxIds?: string[] | null
  muxAwaiting?: boolean | null
  muxCheckedAt?: string | null
  ingest?: IngestRecord | null
  filename?: string | null
  updatedAt?: string
}

const errorOf = (error: VideoRecord['error']): VideoError | null =>
  error && (error.type || error.messages?.length)
    ? { type: error.type ?? null, messages: error.messages ?? [] }
    : null

/** The reducer's view of a document. */
export const muxStateOf = (video: VideoRecord): VideoMuxState => ({
  status: video.status ?? 'pending',
  muxUploadId: video.muxUploadId ?? null,
  muxAssetId: video.muxAssetId ?? null,
  playbackIds: (video.playbackIds ?? []).map(({ playbackId, policy }) => ({ playbackId, policy })),
  duration: video.duration ?? null,
  aspectRatio: video.aspectRatio ?? null,
  maxResolution: video.maxResolution ?? null,
  tracks: (video.tracks ?? []).flatMap(({ id: _id, muxTrackId, ...track }) =>
    muxTrackId ? [{ ...track, muxTrackId }] : [],
  ),
  error: errorOf(video.error),
  lastMuxEventAt: video.lastMuxEventAt ?? null,
  muxSync: video.muxSync ?? null,
})

/** The document fields that store a reducer state, plus the indexes derived from it. */
export const muxFieldsOf = (state: VideoMuxState): Partial<VideoRecord> => ({
  status: state.status,
  muxUploadId: state.muxUploadId ?? null,
  muxAssetId: state.muxAssetId ?? null,
  playbackIds: state.playbackIds.map(({ playbackId, policy }) => ({ playbackId, policy })),
  duration: state.duration ?? null,
  aspectRatio: state.aspectRatio ?? null,
  maxResolution: state.maxResolution ?? null,
  tracks: state.tracks.map((track) => ({ ...track })),
  error: { type: state.error?.type ?? null, messages: state.error?.messages ?? [] },
  lastMuxEventAt: state.lastMuxEventAt ?? null,
  muxSync: state.muxSync ?? null,
  muxIds: knownMuxIds(state),
  muxAwaiting: isAwaitingMux(state),
})

export const policyOf = (video: VideoRecord): PlaybackPolicy => video.playbackPolicy ?? 'signed'

export const needsPolicySync = (video: VideoRecord): boolean =>
  hasPlaybackPolicyDrift(muxStateOf(video), policyOf(video))

// The generated Payload types learn these fields only when they are regenerated, so the
// Local API calls for them are typed here, once.

export const findVideo = async (
  payload: Payload,
  id: number | string,
  req?: Partial<PayloadRequest>,
): Promise<VideoRecord | null> => {
  const doc = await payload.findByID({
    collection: videosSlug,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return (doc as VideoRecord | null) ?? null
}

export const findVideos = async (
  payload: Payload,
  where: Where,
  { limit = 50, req }: { limit?: number; req?: Partial<PayloadRequest> } = {},
): Promise<VideoRecord[]> => {
  const { docs } = await payload.find({
    collection: videosSlug,
    where,
    limit,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    sort: 'updatedAt',
    req,
  })
  return docs as unknown as VideoRecord[]
}

/**
 * The caller's request (and so its transaction) without its context and uploaded file, so an
 * internal write neither re-processes a file nor leaks `muxInternal` into the caller's hooks.
 */
export const internalRequest = (
  req?: Partial<PayloadRequest>,
): Partial<PayloadRequest> | undefined => {
  if (!req) return undefined
  const isolated = isolateObjectProperty(req, ['context', 'file', 'files'])
  isolated.context = {}
  isolated.file = undefined
  isolated.files = undefined
  return isolated
}

/** An internal write: hooks see `context.muxInternal` and stay out of the way. */
export const updateVideo = async (
  payload: Payload,
  id: number | string,
  data: Partial<VideoRecord>,
  req?: Partial<PayloadRequest>,
): Promise<VideoRecord> => {
  const doc = await payload.update({
    collection: videosSlug,
    id,
    data: data as never,
    depth: 0,
    overrideAccess: true,
    context: { muxInternal: true },
    req: internalRequest(req),
  })
  return doc as unknown as VideoRecord
}
