import { describe, expect, it } from 'vitest'

import {
  applyMuxEvent,
  assetGoneEvent,
  assetObservedEvent,
  beginIngest,
  emptyVideoMuxState,
  stateFromAsset,
  uploadObservedEvent,
  type MuxAssetData,
  type VideoMuxState,
} from '../../../src/video'
import { assetEvent } from './muxEventBuilders'

const readyAsset: MuxAssetData = {
  id: 'as-1',
  status: 'ready',
  upload_id: 'up-1',
  passthrough: 'videos:42',
  duration: 12.5,
  aspect_ratio: '4:3',
  max_resolution_tier: '2160p',
  resolution_tier: '1440p',
  playback_ids: [
    { id: 'p-signed', policy: 'signed' },
    { id: 'p-drm', policy: 'drm' },
  ],
  tracks: [
    { id: 'v', type: 'video' },
    { id: 'a', type: 'audio', status: 'ready', language_code: 'en', primary: true },
    {
      id: 't',
      type: 'text',
      status: 'ready',
      language_code: 'fr',
      name: 'Français',
      closed_captions: true,
    },
  ],
}

describe('stateFromAsset', () => {
  it('maps a ready asset onto the document fields', () => {
    expect(stateFromAsset(readyAsset)).toEqual({
      status: 'ready',
      muxUploadId: 'up-1',
      muxAssetId: 'as-1',
      playbackIds: [{ playbackId: 'p-signed', policy: 'signed' }],
      duration: 12.5,
      aspectRatio: '4:3',
      maxResolution: '1440p',
      tracks: [
        {
          kind: 'audio',
          languageCode: 'en',
          name: null,
          closedCaptions: null,
          status: 'ready',
          muxTrackId: 'a',
        },
        {
          kind: 'text',
          languageCode: 'fr',
          name: 'Français',
          closedCaptions: true,
          status: 'ready',
          muxTrackId: 't',
        },
      ],
      error: null,
    })
  })

  it('maps an errored asset with its errors', () => {
    const errored = {
      id: 'as-2',
      status: 'errored',
      errors: { type: 'invalid_input', messages: ['nope'] },
    }
    expect(stateFromAsset(errored)).toMatchObject({
      status: 'errored',
      error: { type: 'invalid_input', messages: ['nope'] },
      playbackIds: [],
    })
  })
})

describe('reconciling a stuck document from API reads', () => {
  const stuckPreparing = (): VideoMuxState =>
    applyMuxEvent(
      beginIngest(emptyVideoMuxState(), { uploadId: 'up-1' }).state,
      assetEvent('created', { assetId: 'as-1', uploadId: 'up-1', seconds: 5 }),
    ).state

  it('recovers a lost asset.ready from an asset read', () => {
    const { state, outcome } = applyMuxEvent(stuckPreparing(), assetObservedEvent(readyAsset))
    expect(outcome).toBe('applied')
    expect(state).toMatchObject({ status: 'ready', duration: 12.5, muxAssetId: 'as-1' })
  })

  it('marks the document when the asset is gone', () => {
    const { state } = applyMuxEvent(stuckPreparing(), assetGoneEvent('as-1'))
    expect(state).toMatchObject({
      status: 'errored',
      error: { type: 'asset_deleted' },
      playbackIds: [],
    })
  })

  it('marks a direct upload that timed out, which no webhook reports', () => {
    const uploading = beginIngest(emptyVideoMuxState(), { uploadId: 'up-7' }).state
    const { state } = applyMuxEvent(
      uploading,
      uploadObservedEvent({ id: 'up-7', status: 'timed_out' }),
    )
    expect(state).toMatchObject({ status: 'errored', error: { type: 'upload_timed_out' } })
  })

  it('takes a document without bookkeeping at its word until Mux says otherwise', () => {
    const legacy: VideoMuxState = { ...emptyVideoMuxState(), ...stateFromAsset(readyAsset) }
    const older = applyMuxEvent(
      legacy,
      assetEvent('created', { assetId: 'as-1', uploadId: 'up-1', seconds: 1 }),
    )
    expect(older.state).toMatchObject({ status: 'ready', duration: 12.5 })
    expect(older.state.tracks.map((t) => t.muxTrackId)).toEqual(['a', 't'])
    const gone = applyMuxEvent(older.state, assetGoneEvent('as-1'))
    expect(gone.state.status).toBe('errored')
  })
})
