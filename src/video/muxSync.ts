import { assetRank, emptyGeneration, timeOf, trackRank, viewOf } from './generation'
import type { AssetLifecycle, MuxGeneration, MuxSync, VideoMuxState } from './types'

/** How many retired ids to remember; older ones only matter to a webhook delayed for days. */
const retiredIdsKept = 50

export const emptyVideoMuxState = (): VideoMuxState => ({
  status: 'pending',
  muxUploadId: null,
  muxAssetId: null,
  playbackIds: [],
  duration: null,
  aspectRatio: null,
  maxResolution: null,
  tracks: [],
  error: null,
  lastMuxEventAt: null,
  muxSync: null,
})

const seededAssetStatus = (state: VideoMuxState): AssetLifecycle | null =>
  state.status === 'preparing' || state.status === 'ready' || state.status === 'errored'
    ? state.status
    : null

/**
 * A document written before `muxSync` existed (or filled in by hand from `stateFromAsset`) is
 * taken at its word, as the oldest possible observation, so any real event overrides it.
 */
const seedGeneration = (state: VideoMuxState): MuxGeneration => {
  const generation = emptyGeneration({ uploadId: state.muxUploadId, assetId: state.muxAssetId })
  const status = seededAssetStatus(state)
  if (!generation.assetId || !status) return generation
  const at = new Date(0).toISOString()
  const seedMark = { rank: assetRank(status), at, eventId: '' }
  return {
    ...generation,
    asset: {
      mark: seedMark,
      facts: {
        status,
        duration: state.duration ?? null,
        aspectRatio: state.aspectRatio ?? null,
        maxResolution: state.maxResolution ?? null,
        playbackIds: state.playbackIds,
        error: state.error ?? null,
        trackIds: state.tracks.map((track) => track.muxTrackId),
      },
    },
    tracks: Object.fromEntries(
      state.tracks.map((track) => [
        track.muxTrackId,
        { mark: { rank: trackRank(track.status), at, eventId: '' }, track },
      ]),
    ),
  }
}

export const syncOf = (state: VideoMuxState): MuxSync =>
  state.muxSync ?? { live: seedGeneration(state), replacement: null, retiredIds: [] }

export const retire = (retiredIds: string[], generation: MuxGeneration | null): string[] => {
  if (!generation) return retiredIds
  const leaving = [generation.uploadId, generation.assetId].filter(
    (id): id is string => !!id && !retiredIds.includes(id),
  )
  return [...retiredIds, ...leaving].slice(-retiredIdsKept)
}

/** The document after `sync` changed: visible fields are always re-derived from `live`. */
export const withSync = (
  state: VideoMuxState,
  sync: MuxSync,
  lastMuxEventAt = state.lastMuxEventAt ?? null,
): VideoMuxState => ({
  ...state,
  ...viewOf(sync.live),
  lastMuxEventAt,
  muxSync: sync,
})

export const laterOf = (current: string | null | undefined, candidate: string): string | null => {
  const candidateTime = timeOf(candidate)
  if (!candidateTime) return current ?? null
  if (current && timeOf(current) >= candidateTime) return current
  return new Date(candidateTime).toISOString()
}
