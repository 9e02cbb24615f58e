import { describe, expect, it } from 'vitest'

import {
  applyMuxEvent,
  beginIngest,
  detachFromMux,
  emptyVideoMuxState,
  replacementOf,
  type MuxWebhookEvent,
  type VideoMuxState,
} from '../../../src/video'
import {
  assetEvent,
  mainAudio,
  subtitles,
  trackEvent,
  uploadEvent,
  videoTrack,
} from './muxEventBuilders'

const applyAll = (state: VideoMuxState, events: MuxWebhookEvent[]) =>
  events.reduce((current, event) => applyMuxEvent(current, event).state, state)

const liveAndReady = () =>
  applyAll(beginIngest(emptyVideoMuxState(), { uploadId: 'up-1' }).state, [
    assetEvent('ready', {
      assetId: 'as-1',
      uploadId: 'up-1',
      seconds: 30,
      tracks: [videoTrack('v1'), mainAudio('a1')],
    }),
  ])

const replacementReady = (seconds = 130) =>
  assetEvent('ready', {
    assetId: 'as-2',
    uploadId: 'up-2',
    seconds,
    duration: 90,
    tracks: [videoTrack('v2'), mainAudio('a2')],
  })

describe('replacing the video of a document', () => {
  it('keeps the live video playing while the replacement prepares', () => {
    const live = liveAndReady()
    const { state, effects } = beginIngest(live, { uploadId: 'up-2' })
    expect(effects).toEqual([])
    const preparing = applyAll(state, [
      uploadEvent('asset_created', { uploadId: 'up-2', assetId: 'as-2', seconds: 110 }),
      assetEvent('created', { assetId: 'as-2', uploadId: 'up-2', seconds: 111 }),
    ])
    expect(preparing).toMatchObject({
      status: 'ready',
      muxAssetId: 'as-1',
      playbackIds: live.playbackIds,
    })
    expect(replacementOf(preparing)).toMatchObject({
      status: 'preparing',
      muxUploadId: 'up-2',
      muxAssetId: 'as-2',
    })
  })

  it('swaps the replacement in when it is ready and asks for the old asset to be deleted', () => {
    const state = beginIngest(liveAndReady(), { uploadId: 'up-2' }).state
    const result = applyMuxEvent(state, replacementReady())
    expect(result.effects).toEqual([{ kind: 'deleteAsset', assetId: 'as-1', reason: 'replaced' }])
    expect(result.state).toMatchObject({
      status: 'ready',
      muxUploadId: 'up-2',
      muxAssetId: 'as-2',
      duration: 90,
      playbackIds: [{ playbackId: 'play-as-2', policy: 'signed' }],
    })
    expect(result.state.tracks.map((t) => t.muxTrackId)).toEqual(['a2'])
    expect(replacementOf(result.state)).toBeNull()
  })

  it('acknowledges late events of the replaced asset without letting them clobber the new one', () => {
    const swapped = applyMuxEvent(
      beginIngest(liveAndReady(), { uploadId: 'up-2' }).state,
      replacementReady(),
    ).state

    const deleted = applyMuxEvent(
      swapped,
      assetEvent('deleted', { assetId: 'as-1', uploadId: 'up-1', seconds: 140 }),
    )
    expect(deleted.outcome).toBe('retired')
    expect(deleted.effects).toEqual([])
    expect({ ...deleted.state, lastMuxEventAt: null }).toEqual({ ...swapped, lastMuxEventAt: null })

    const lateTrack = applyMuxEvent(
      swapped,
      trackEvent('ready', 'as-1', subtitles('old', 'ready'), 135),
    )
    expect(lateTrack.outcome).toBe('retired')
    expect(lateTrack.state.tracks).toEqual(swapped.tracks)
  })

  it('asks again for the old asset to go when a late event shows it still exists', () => {
    const swapped = applyMuxEvent(
      beginIngest(liveAndReady(), { uploadId: 'up-2' }).state,
      replacementReady(),
    ).state
    const late = applyMuxEvent(
      swapped,
      assetEvent('updated', { assetId: 'as-1', uploadId: 'up-1', seconds: 150, status: 'ready' }),
    )
    expect(late.effects).toEqual([{ kind: 'deleteAsset', assetId: 'as-1', reason: 'orphaned' }])
    expect(late.state.muxAssetId).toBe('as-2')
  })

  it('keeps the live video when the replacement errors, and shows why', () => {
    const state = applyAll(beginIngest(liveAndReady(), { uploadId: 'up-2' }).state, [
      assetEvent('errored', {
        assetId: 'as-2',
        uploadId: 'up-2',
        seconds: 120,
        errors: { type: 'invalid_input', messages: ['Bad file'] },
      }),
    ])
    expect(state).toMatchObject({ status: 'ready', muxAssetId: 'as-1' })
    expect(replacementOf(state)).toEqual({
      status: 'errored',
      muxUploadId: 'up-2',
      muxAssetId: 'as-2',
      error: { type: 'invalid_input', messages: ['Bad file'] },
    })

    // Trying again lets go of the errored replacement.
    const retry = beginIngest(state, { uploadId: 'up-3' })
    expect(retry.effects).toEqual([{ kind: 'deleteAsset', assetId: 'as-2', reason: 'superseded' }])
    expect(replacementOf(retry.state)).toMatchObject({ status: 'uploading', muxUploadId: 'up-3' })
  })

  it('deletes an asset that appears later from a superseded upload', () => {
    const state = beginIngest(beginIngest(liveAndReady(), { uploadId: 'up-2' }).state, {
      uploadId: 'up-3',
    }).state
    const orphan = applyMuxEvent(
      state,
      assetEvent('created', { assetId: 'as-2', uploadId: 'up-2', seconds: 120 }),
    )
    expect(orphan.outcome).toBe('retired')
    expect(orphan.effects).toEqual([{ kind: 'deleteAsset', assetId: 'as-2', reason: 'orphaned' }])
  })
})

describe('beginIngest', () => {
  it('replaces a video that never became playable, cancelling its waiting upload', () => {
    const waiting = applyMuxEvent(
      beginIngest(emptyVideoMuxState(), { uploadId: 'up-1' }).state,
      uploadEvent('created', { uploadId: 'up-1', seconds: 1 }),
    ).state
    const { state, effects } = beginIngest(waiting, { assetId: 'as-9' })
    expect(effects).toEqual([{ kind: 'cancelUpload', uploadId: 'up-1', reason: 'superseded' }])
    expect(state).toMatchObject({ status: 'preparing', muxUploadId: null, muxAssetId: 'as-9' })
    expect(replacementOf(state)).toBeNull()
  })

  it('replaces an errored asset outright and asks for it to be deleted', () => {
    const errored = applyAll(beginIngest(emptyVideoMuxState(), { assetId: 'as-1' }).state, [
      assetEvent('errored', { assetId: 'as-1', seconds: 5, errors: { type: 'x', messages: [] } }),
    ])
    const { state, effects } = beginIngest(errored, { uploadId: 'up-2' })
    expect(effects).toEqual([{ kind: 'deleteAsset', assetId: 'as-1', reason: 'superseded' }])
    expect(state).toMatchObject({ status: 'uploading', muxUploadId: 'up-2', muxAssetId: null })
    expect(state.error).toBeNull()
  })

  it('is idempotent for the same source', () => {
    const once = beginIngest(liveAndReady(), { uploadId: 'up-2' })
    const twice = beginIngest(once.state, { uploadId: 'up-2' })
    expect(twice.state).toBe(once.state)
    expect(twice.effects).toEqual([])
  })
})

describe('detachFromMux', () => {
  it('asks for the live and pending assets to go and forgets them', () => {
    const pending = applyAll(beginIngest(liveAndReady(), { uploadId: 'up-2' }).state, [
      uploadEvent('asset_created', { uploadId: 'up-2', assetId: 'as-2', seconds: 110 }),
    ])
    const { state, effects } = detachFromMux(pending)
    expect(effects).toEqual([
      { kind: 'deleteAsset', assetId: 'as-1', reason: 'detached' },
      { kind: 'deleteAsset', assetId: 'as-2', reason: 'detached' },
    ])
    expect(state).toMatchObject({ status: 'pending', muxAssetId: null, playbackIds: [] })
    const late = applyMuxEvent(state, replacementReady())
    expect(late.outcome).toBe('retired')
    expect(late.state.status).toBe('pending')
  })
})
