import { emptyGeneration, isUploadSettled, viewOf } from './generation'
import { emptyVideoMuxState, retire, syncOf, withSync } from './muxSync'
import type { MuxEffect, MuxGeneration, MuxTransition, VideoMuxState } from './types'

/** What we just created at Mux for a document: a direct upload, or an asset from a URL. */
export type MuxIngestRef = { uploadId: string } | { assetId: string }

const releaseEffects = (
  generation: MuxGeneration | null,
  reason: 'superseded' | 'detached',
): MuxEffect[] => {
  if (!generation) return []
  if (generation.assetId) {
    return generation.asset?.facts.status === 'deleted'
      ? []
      : [{ kind: 'deleteAsset', assetId: generation.assetId, reason }]
  }
  if (generation.uploadId && !isUploadSettled(generation)) {
    return [{ kind: 'cancelUpload', uploadId: generation.uploadId, reason }]
  }
  return []
}

const isSameSource = (generation: MuxGeneration | null, source: MuxIngestRef): boolean =>
  !!generation &&
  ('uploadId' in source
    ? generation.uploadId === source.uploadId
    : generation.assetId === source.assetId)

/**
 * Records a new upload or URL ingest. Call it as soon as Mux returns the id, before any
 * webhook for it can be applied. A playable video keeps playing: the new source waits as the
 * replacement and swaps in when ready. Anything it supersedes is returned for deletion.
 */
export const beginIngest = (state: VideoMuxState, source: MuxIngestRef): MuxTransition => {
  const sync = syncOf(state)
  if (isSameSource(sync.live, source) || isSameSource(sync.replacement, source)) {
    return { state, effects: [] }
  }
  const incoming = emptyGeneration(source)
  if (viewOf(sync.live).status === 'ready') {
    return {
      state: withSync(state, {
        live: sync.live,
        replacement: incoming,
        retiredIds: retire(sync.retiredIds, sync.replacement),
      }),
      effects: releaseEffects(sync.replacement, 'superseded'),
    }
  }
  return {
    state: withSync(state, {
      live: incoming,
      replacement: null,
      retiredIds: retire(retire(sync.retiredIds, sync.live), sync.replacement),
    }),
    effects: [
      ...releaseEffects(sync.live, 'superseded'),
      ...releaseEffects(sync.replacement, 'superseded'),
    ],
  }
}

/** Lets go of everything at Mux (the document is deleted or its video removed). */
export const detachFromMux = (state: VideoMuxState): MuxTransition => {
  const sync = syncOf(state)
  const retiredIds = retire(retire(sync.retiredIds, sync.live), sync.replacement)
  return {
    state: withSync(
      { ...emptyVideoMuxState(), lastMuxEventAt: state.lastMuxEventAt ?? null },
      { live: emptyGeneration(), replacement: null, retiredIds },
    ),
    effects: [
      ...releaseEffects(sync.live, 'detached'),
      ...releaseEffects(sync.replacement, 'detached'),
    ],
  }
}

/** The replacement waiting to swap in, as an editor would want to see it. */
export const replacementOf = (
  state: VideoMuxState,
): Pick<VideoMuxState, 'status' | 'muxUploadId' | 'muxAssetId' | 'error'> | null => {
  const replacement = state.muxSync?.replacement
  if (!replacement) return null
  const { status, muxUploadId, muxAssetId, error } = viewOf(replacement)
  return { status, muxUploadId, muxAssetId, error }
}
