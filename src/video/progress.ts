import { replacementOf } from './ingest'
import type { MuxGeneration, PlaybackPolicy, VideoMuxState } from './types'

const idsOf = (generation: MuxGeneration | null | undefined): string[] =>
  generation ? [generation.uploadId, generation.assetId].filter((id): id is string => !!id) : []

/** Every upload and asset id an event may carry for this document, retired ones included. */
export const knownMuxIds = (state: VideoMuxState): string[] => {
  const sync = state.muxSync
  const ids = sync
    ? [...idsOf(sync.live), ...idsOf(sync.replacement), ...sync.retiredIds]
    : [state.muxUploadId, state.muxAssetId].filter((id): id is string => !!id)
  return [...new Set(ids)]
}

const inFlight = (status: string | undefined) => status === 'uploading' || status === 'preparing'

/** True while Mux still owes us an outcome: the live video or its replacement is on its way. */
export const isAwaitingMux = (state: VideoMuxState): boolean =>
  inFlight(state.status) || inFlight(replacementOf(state)?.status)

/**
 * The asset carries a playback id of another policy than the document asks for, or none of
 * the wanted one: its playback ids must be brought in line.
 */
export const hasPlaybackPolicyDrift = (state: VideoMuxState, policy: PlaybackPolicy): boolean => {
  const asset = state.muxSync?.live.asset?.facts
  if (!asset || asset.status !== 'ready') return false
  return (
    asset.playbackIds.some((entry) => entry.policy !== policy) ||
    !asset.playbackIds.some((entry) => entry.policy === policy)
  )
}
