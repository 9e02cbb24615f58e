import { describe, expect, it } from 'vitest'

import {
  applyMuxEvent,
  beginIngest,
  emptyVideoMuxState,
  hasPlaybackPolicyDrift,
  isAwaitingMux,
  knownMuxIds,
  type VideoMuxState,
} from '../../../src/video'
import { assetEvent, uploadEvent } from './muxEventBuilders'

const readyFromUpload = (uploadId: string, assetId: string): VideoMuxState => {
  let state = beginIngest(emptyVideoMuxState(), { uploadId }).state
  for (const event of [
    uploadEvent('asset_created', { uploadId, assetId, seconds: 1 }),
    assetEvent('ready', { assetId, uploadId, seconds: 2 }),
  ]) {
    state = applyMuxEvent(state, event).state
  }
  return state
}

describe('progress of a video at Mux', () => {
  it('knows every id events may name, retired ones included', () => {
    const ready = readyFromUpload('up-1', 'as-1')
    expect(knownMuxIds(ready).sort()).toEqual(['as-1', 'up-1'])
    const replacing = beginIngest(ready, { uploadId: 'up-2' }).state
    expect(knownMuxIds(replacing).sort()).toEqual(['as-1', 'up-1', 'up-2'])
    const again = beginIngest(replacing, { uploadId: 'up-3' }).state
    expect(knownMuxIds(again).sort()).toEqual(['as-1', 'up-1', 'up-2', 'up-3'])
    expect(knownMuxIds({ ...emptyVideoMuxState(), muxAssetId: 'legacy' })).toEqual(['legacy'])
  })

  it('awaits Mux while the live video or its replacement is on its way', () => {
    expect(isAwaitingMux(emptyVideoMuxState())).toBe(false)
    const uploading = beginIngest(emptyVideoMuxState(), { uploadId: 'up-1' }).state
    expect(isAwaitingMux(uploading)).toBe(true)
    const ready = readyFromUpload('up-1', 'as-1')
    expect(isAwaitingMux(ready)).toBe(false)
    expect(isAwaitingMux(beginIngest(ready, { assetId: 'as-2' }).state)).toBe(true)
  })

  it('sees playback ids that do not match the policy', () => {
    const ready = readyFromUpload('up-1', 'as-1')
    const policies = ready.playbackIds.map((entry) => entry.policy)
    expect(policies).toEqual(['signed'])
    expect(hasPlaybackPolicyDrift(ready, 'signed')).toBe(false)
    expect(hasPlaybackPolicyDrift(ready, 'public')).toBe(true)
    expect(hasPlaybackPolicyDrift(emptyVideoMuxState(), 'public')).toBe(false)
  })
})
