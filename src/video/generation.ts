import type {
  AssetFacts,
  AssetLifecycle,
  EventMark,
  MuxGeneration,
  UploadFacts,
  UploadStatus,
  VideoError,
  VideoMuxState,
  VideoTrack,
} from './types'

// Every merge below keeps a maximum, so applying observations in any order, any number of
// times, ends in the same generation.

const lifecycleRank: Record<AssetLifecycle, number> = {
  preparing: 1,
  ready: 2,
  errored: 2,
  deleted: 3,
}

const uploadRank: Record<UploadStatus, number> = {
  waiting: 1,
  asset_created: 2,
  errored: 2,
  cancelled: 2,
  timed_out: 2,
}

export const assetRank = (status: AssetLifecycle): number => lifecycleRank[status]
export const uploadStatusRank = (status: UploadStatus): number => uploadRank[status]

export const trackRank = (status: string | null | undefined): number =>
  status === 'deleted' ? 3 : status === 'ready' || status === 'errored' ? 2 : 1

export const timeOf = (iso: string): number => {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? 0 : time
}

export const compareMarks = (a: EventMark, b: EventMark): number =>
  a.rank - b.rank ||
  timeOf(a.at) - timeOf(b.at) ||
  (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)

const isNewer = (candidate: EventMark, current: EventMark | undefined): boolean =>
  !current || compareMarks(candidate, current) > 0

export const emptyGeneration = (
  ids: { uploadId?: string | null; assetId?: string | null } = {},
): MuxGeneration => ({
  uploadId: ids.uploadId ?? null,
  assetId: ids.assetId ?? null,
  upload: null,
  asset: null,
  tracks: {},
})

export const linkAsset = (generation: MuxGeneration, assetId: string | null): MuxGeneration =>
  generation.assetId || !assetId ? generation : { ...generation, assetId }

export const observeUpload = (
  generation: MuxGeneration,
  mark: EventMark,
  facts: UploadFacts,
): MuxGeneration =>
  isNewer(mark, generation.upload?.mark) ? { ...generation, upload: { mark, facts } } : generation

export const observeTrack = (
  generation: MuxGeneration,
  mark: EventMark,
  track: VideoTrack,
): MuxGeneration =>
  isNewer(mark, generation.tracks[track.muxTrackId]?.mark)
    ? { ...generation, tracks: { ...generation.tracks, [track.muxTrackId]: { mark, track } } }
    : generation

/** An asset snapshot also tells us about each track it lists, as of the snapshot's time. */
export const observeAsset = (
  generation: MuxGeneration,
  mark: EventMark,
  facts: AssetFacts,
  tracks: VideoTrack[],
): MuxGeneration => {
  const withAsset = isNewer(mark, generation.asset?.mark)
    ? { ...generation, asset: { mark, facts } }
    : generation
  return tracks.reduce(
    (current, track) => observeTrack(current, { ...mark, rank: trackRank(track.status) }, track),
    withAsset,
  )
}

const isUploadFailure = (status: UploadStatus | undefined): boolean =>
  status === 'errored' || status === 'cancelled' || status === 'timed_out'

/** True when nothing more will come of this upload without our help. */
export const isUploadSettled = (generation: MuxGeneration): boolean =>
  isUploadFailure(generation.upload?.facts.status) ||
  generation.upload?.facts.status === 'asset_created'

const deletedAssetError: VideoError = {
  type: 'asset_deleted',
  messages: ['The Mux asset was deleted; upload the video again.'],
}

const uploadError = (facts: UploadFacts): VideoError => ({
  type: facts.error?.type ?? `upload_${facts.status}`,
  messages: facts.error?.messages ?? [`The direct upload ${facts.status.replace('_', ' ')}.`],
})

/** The document fields one generation (upload/asset) implies. */
export type GenerationView = Pick<
  VideoMuxState,
  | 'status'
  | 'muxUploadId'
  | 'muxAssetId'
  | 'playbackIds'
  | 'duration'
  | 'aspectRatio'
  | 'maxResolution'
  | 'tracks'
  | 'error'
>

const visibleTracks = (generation: MuxGeneration): VideoTrack[] => {
  const snapshot = generation.asset
  if (snapshot?.facts.status === 'deleted') return []
  return Object.values(generation.tracks)
    .filter(({ track }) => track.status !== 'deleted')
    .filter(
      ({ mark, track }) =>
        !snapshot ||
        snapshot.facts.trackIds.includes(track.muxTrackId) ||
        timeOf(mark.at) >= timeOf(snapshot.mark.at),
    )
    .map(({ track }) => track)
    .sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) ||
        (a.muxTrackId < b.muxTrackId ? -1 : a.muxTrackId > b.muxTrackId ? 1 : 0),
    )
}

const statusOf = (generation: MuxGeneration): VideoMuxState['status'] => {
  const asset = generation.asset?.facts
  if (asset) return asset.status === 'deleted' ? 'errored' : asset.status
  if (isUploadFailure(generation.upload?.facts.status)) return 'errored'
  if (generation.assetId) return 'preparing'
  if (generation.uploadId) return 'uploading'
  return 'pending'
}

const errorOf = (generation: MuxGeneration): VideoError | null => {
  const asset = generation.asset?.facts
  if (asset?.status === 'deleted') return deletedAssetError
  if (asset) return asset.error
  const upload = generation.upload?.facts
  return upload && isUploadFailure(upload.status) ? uploadError(upload) : null
}

/** The document fields editors and players read, derived from one generation. */
export const viewOf = (generation: MuxGeneration): GenerationView => {
  const asset = generation.asset?.facts
  const playable = asset && asset.status !== 'deleted'
  return {
    status: statusOf(generation),
    muxUploadId: generation.uploadId,
    muxAssetId: generation.assetId,
    playbackIds: playable ? asset.playbackIds : [],
    duration: playable ? asset.duration : null,
    aspectRatio: playable ? asset.aspectRatio : null,
    maxResolution: playable ? asset.maxResolution : null,
    tracks: visibleTracks(generation),
    error: errorOf(generation),
  }
}
