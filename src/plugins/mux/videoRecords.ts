import {
  isolateObjectProperty,
  type CollectionSlug,
  type DataFromCollectionSlug,
  type Payload,
  type PayloadRequest,
  type Where,
} from 'payload'

import {
  hasPlaybackPolicyDrift,
  isAwaitingMux,
  knownMuxIds,
  type MuxSync,
  type PlaybackPolicy,
  type VideoError,
  type VideoMuxState,
} from '../../video'

/**
 * A video as the plugin reads and writes it: the videos collection's generated type (the
 * fields are the plugin's own, `fields.ts`), whatever the collection is called in the app.
 */
export type VideoRecord = DataFromCollectionSlug<'videos'>

/** A source (uploaded file or URL) that still has to be sent to Mux. */
export type IngestRecord = NonNullable<VideoRecord['ingest']>

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
  // A JSON field the plugin alone writes, always with a reducer state.
  muxSync: (video.muxSync as MuxSync | null | undefined) ?? null,
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

/** The Local API calls on the videos collection, for the slug the app gave the plugin. */
export interface VideoRecords {
  slug: CollectionSlug
  find(
    payload: Payload,
    id: number | string,
    req?: Partial<PayloadRequest>,
  ): Promise<VideoRecord | null>
  findMany(
    payload: Payload,
    where: Where,
    options?: { limit?: number; req?: Partial<PayloadRequest> },
  ): Promise<VideoRecord[]>
  /** An internal write: hooks see `context.muxInternal` and stay out of the way. */
  update(
    payload: Payload,
    id: number | string,
    data: Partial<VideoRecord>,
    req?: Partial<PayloadRequest>,
  ): Promise<VideoRecord>
}

export const videoRecordsOf = (slug: CollectionSlug): VideoRecords => ({
  slug,
  async find(payload, id, req) {
    const doc = await payload.findByID({
      collection: slug,
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    return (doc as VideoRecord | null) ?? null
  },
  async findMany(payload, where, { limit = 50, req } = {}) {
    const { docs } = await payload.find({
      collection: slug,
      where,
      limit,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      sort: 'updatedAt',
      req,
    })
    return docs as VideoRecord[]
  },
  async update(payload, id, data, req) {
    const doc = await payload.update({
      collection: slug,
      id,
      data,
      depth: 0,
      overrideAccess: true,
      context: { muxInternal: true },
      req: internalRequest(req),
    })
    return doc as VideoRecord
  },
})
