import { describe, expect, it } from 'vitest'

import {
  applyMuxEvent,
  beginIngest,
  emptyVideoMuxState,
  matchKeysOf,
  type MuxWebhookEvent,
  type VideoMuxState,
} from '../../../src/video'
import {
  assetEvent,
  at,
  mainAudio,
  passthrough,
  subtitles,
  trackEvent,
  uploadEvent,
  videoTrack,
} from './muxEventBuilders'

const afterUploadStarted = (uploadId = 'up-1') =>
  beginIngest(emptyVideoMuxState(), { uploadId }).state

const applyAll = (state: VideoMuxState, events: MuxWebhookEvent[]) =>
  events.reduce((current, event) => applyMuxEvent(current, event).state, state)

const readyAsset = (seconds: number, tracks = [videoTrack(), mainAudio()]) =>
  assetEvent('ready', { assetId: 'as-1', uploadId: 'up-1', seconds, tracks })

describe('matchKeysOf', () => {
  it('reads upload id, asset id and passthrough from upload events', () => {
    const event = uploadEvent('asset_created', { uploadId: 'up-1', assetId: 'as-1', seconds: 1 })
    expect(matchKeysOf(event)).toEqual({ passthrough, uploadId: 'up-1', assetId: 'as-1' })
  })

  it('reads asset id, upload id and passthrough from asset events', () => {
    const event = assetEvent('created', { assetId: 'as-1', uploadId: 'up-1', seconds: 1 })
    expect(matchKeysOf(event)).toEqual({ passthrough, uploadId: 'up-1', assetId: 'as-1' })
  })

  it('gives only the asset id for track events, never the track passthrough', () => {
    const event = trackEvent('ready', 'as-1', subtitles('trk-fr', 'ready'), 1)
    expect(matchKeysOf(event)).toEqual({ assetId: 'as-1' })
  })

  it('treats any asset part event carrying data.asset_id like a track event', () => {
    const event: MuxWebhookEvent = {
      ...trackEvent('ready', 'as-1', subtitles('x', 'ready'), 1),
      type: 'video.asset.static_rendition.ready',
      object: { type: 'static_rendition', id: 'sr-1' },
    }
    expect(matchKeysOf(event)).toEqual({ assetId: 'as-1' })
  })

  it('gives nothing for events outside video assets and uploads', () => {
    const event = {
      ...uploadEvent('created', { uploadId: 'x', seconds: 1 }),
      type: 'video.live_stream.active',
    }
    expect(matchKeysOf(event)).toEqual({})
  })
})

describe('applyMuxEvent: a direct upload', () => {
  it('moves uploading -> preparing -> ready and fills the playback fields', () => {
    let state = afterUploadStarted()
    expect(state.status).toBe('uploading')

    state = applyMuxEvent(state, uploadEvent('created', { uploadId: 'up-1', seconds: 1 })).state
    expect(state.status).toBe('uploading')

    state = applyMuxEvent(
      state,
      uploadEvent('asset_created', { uploadId: 'up-1', assetId: 'as-1', seconds: 5 }),
    ).state
    expect(state).toMatchObject({ status: 'preparing', muxUploadId: 'up-1', muxAssetId: 'as-1' })

    state = applyMuxEvent(
      state,
      assetEvent('created', { assetId: 'as-1', uploadId: 'up-1', seconds: 6 }),
    ).state
    expect(state.status).toBe('preparing')

    const result = applyMuxEvent(state, readyAsset(30))
    expect(result.outcome).toBe('applied')
    expect(result.effects).toEqual([])
    expect(result.state).toMatchObject({
      status: 'ready',
      muxAssetId: 'as-1',
      playbackIds: [{ playbackId: 'play-as-1', policy: 'signed' }],
      duration: 63.5,
      aspectRatio: '16:9',
      maxResolution: '1080p',
      error: null,
      lastMuxEventAt: at(30),
    })
    // The video track is not ours to list; the main audio track is.
    expect(result.state.tracks).toEqual([
      {
        kind: 'audio',
        languageCode: 'en',
        name: 'English',
        closedCaptions: null,
        status: 'ready',
        muxTrackId: 'trk-audio',
      },
    ])
  })

  it('ends ready when asset.ready arrives before upload.asset_created', () => {
    const state = applyAll(afterUploadStarted(), [
      readyAsset(30),
      uploadEvent('asset_created', { uploadId: 'up-1', assetId: 'as-1', seconds: 5 }),
      uploadEvent('created', { uploadId: 'up-1', seconds: 1 }),
    ])
    expect(state).toMatchObject({ status: 'ready', muxAssetId: 'as-1', duration: 63.5 })
  })

  it('does not fall back to preparing when an older asset.created arrives after ready', () => {
    const ready = applyAll(afterUploadStarted(), [readyAsset(30)])
    const late = applyMuxEvent(
      ready,
      assetEvent('created', { assetId: 'as-1', uploadId: 'up-1', seconds: 6, playbackIds: [] }),
    )
    expect(late.outcome).toBe('applied')
    expect(late.state.status).toBe('ready')
    expect(late.state.playbackIds).toEqual(ready.playbackIds)
    expect(late.state.lastMuxEventAt).toBe(at(30))
  })

  it('is idempotent: applying an event twice changes nothing more', () => {
    const events = [
      uploadEvent('asset_created', { uploadId: 'up-1', assetId: 'as-1', seconds: 5 }),
      readyAsset(30),
      trackEvent('ready', 'as-1', subtitles('trk-fr', 'ready'), 40),
    ]
    const once = applyAll(afterUploadStarted(), events)
    const twice = applyAll(once, events)
    expect(twice).toEqual(once)
  })

  it('lets a newer asset.updated replace what asset.ready said', () => {
    const state = applyAll(afterUploadStarted(), [
      readyAsset(30),
      assetEvent('updated', {
        assetId: 'as-1',
        uploadId: 'up-1',
        seconds: 50,
        status: 'ready',
        playbackIds: [
          { id: 'play-as-1', policy: 'signed' },
          { id: 'play-public', policy: 'public' },
          { id: 'play-drm', policy: 'drm' },
        ],
        tracks: [videoTrack(), mainAudio()],
      }),
    ])
    // DRM playback ids are out of scope and never surface.
    expect(state.playbackIds).toEqual([
      { playbackId: 'play-as-1', policy: 'signed' },
      { playbackId: 'play-public', policy: 'public' },
    ])
  })

  it('ignores event types that say nothing about the asset, but notes them', () => {
    const ready = applyAll(afterUploadStarted(), [readyAsset(30)])
    const warning: MuxWebhookEvent = {
      ...assetEvent('updated', {
        assetId: 'as-1',
        seconds: 60,
        status: 'preparing',
        playbackIds: [],
      }),
      type: 'video.asset.warning',
    }
    const { state, outcome } = applyMuxEvent(ready, warning)
    expect(outcome).toBe('applied')
    expect({ ...state, lastMuxEventAt: null }).toEqual({ ...ready, lastMuxEventAt: null })
    expect(state.lastMuxEventAt).toBe(at(60))
  })
})

describe('applyMuxEvent: failures', () => {
  it('marks asset.errored as errored with the Mux error type and messages', () => {
    const state = applyAll(afterUploadStarted(), [
      assetEvent('created', { assetId: 'as-1', uploadId: 'up-1', seconds: 6 }),
      assetEvent('errored', {
        assetId: 'as-1',
        uploadId: 'up-1',
        seconds: 9,
        errors: { type: 'invalid_input', messages: ['The file is not a video.'] },
      }),
    ])
    expect(state).toMatchObject({
      status: 'errored',
      error: { type: 'invalid_input', messages: ['The file is not a video.'] },
      playbackIds: [{ playbackId: 'play-as-1', policy: 'signed' }],
    })
  })

  it.each(['errored', 'cancelled', 'timed_out'] as const)('marks upload.%s as errored', (kind) => {
    const state = applyAll(afterUploadStarted(), [
      uploadEvent('created', { uploadId: 'up-1', seconds: 1 }),
      uploadEvent(kind, { uploadId: 'up-1', seconds: 3 }),
    ])
    expect(state.status).toBe('errored')
    expect(state.error?.type).toBe(`upload_${kind}`)
  })

  it('keeps the message Mux gives for an errored upload', () => {
    const state = applyAll(afterUploadStarted(), [
      uploadEvent('errored', {
        uploadId: 'up-1',
        seconds: 3,
        error: { type: 'invalid_file', message: 'Unreadable container' },
      }),
      uploadEvent('created', { uploadId: 'up-1', seconds: 1 }),
    ])
    expect(state.error).toEqual({ type: 'invalid_file', messages: ['Unreadable container'] })
  })

  it('clears playback when the current asset is deleted, and stays deleted', () => {
    const ready = applyAll(afterUploadStarted(), [
      readyAsset(30),
      trackEvent('ready', 'as-1', subtitles('trk-fr', 'ready'), 40),
    ])
    const deleted = applyAll(ready, [
      assetEvent('deleted', { assetId: 'as-1', uploadId: 'up-1', seconds: 90, status: 'ready' }),
      readyAsset(30),
      trackEvent('ready', 'as-1', subtitles('trk-fr', 'ready'), 40),
    ])
    expect(deleted).toMatchObject({
      status: 'errored',
      muxAssetId: 'as-1',
      playbackIds: [],
      tracks: [],
      duration: null,
      error: { type: 'asset_deleted' },
    })
  })

  it('leaves the document alone for an asset it does not know', () => {
    const ready = applyAll(afterUploadStarted(), [readyAsset(30)])
    const result = applyMuxEvent(ready, assetEvent('deleted', { assetId: 'as-other', seconds: 90 }))
    expect(result.outcome).toBe('unrouted')
    expect(result.state).toBe(ready)
    expect(result.effects).toEqual([])
  })

  it('does not let another asset claim our upload', () => {
    const ready = applyAll(afterUploadStarted(), [readyAsset(30)])
    const impostor = assetEvent('errored', { assetId: 'as-x', uploadId: 'up-1', seconds: 40 })
    expect(applyMuxEvent(ready, impostor).outcome).toBe('unrouted')
  })
})

describe('applyMuxEvent: tracks', () => {
  const ready = () => applyAll(afterUploadStarted(), [readyAsset(30)])
  const french = subtitles('trk-fr', 'preparing')

  it('adds a text track on track.created and updates it on track.ready', () => {
    const created = applyMuxEvent(ready(), trackEvent('created', 'as-1', french, 40)).state
    expect(created.tracks.find((t) => t.muxTrackId === 'trk-fr')).toMatchObject({
      kind: 'text',
      languageCode: 'fr',
      status: 'preparing',
    })
    const readyTrack = applyMuxEvent(created, trackEvent('ready', 'as-1', french, 45)).state
    expect(readyTrack.tracks.find((t) => t.muxTrackId === 'trk-fr')?.status).toBe('ready')
  })

  it('records an errored track', () => {
    const state = applyAll(ready(), [
      trackEvent('errored', 'as-1', french, 45),
      trackEvent('created', 'as-1', french, 40),
    ])
    expect(state.tracks.find((t) => t.muxTrackId === 'trk-fr')?.status).toBe('errored')
  })

  it('removes a deleted track and never brings it back from a late ready', () => {
    const state = applyAll(ready(), [
      trackEvent('created', 'as-1', french, 40),
      trackEvent('deleted', 'as-1', french, 60),
      trackEvent('ready', 'as-1', french, 45),
    ])
    expect(state.tracks.map((t) => t.muxTrackId)).toEqual(['trk-audio'])
  })

  it('drops a track a newer asset snapshot no longer lists', () => {
    const state = applyAll(ready(), [
      trackEvent('ready', 'as-1', subtitles('trk-fr', 'ready'), 45),
      assetEvent('updated', {
        assetId: 'as-1',
        seconds: 70,
        status: 'ready',
        tracks: [videoTrack(), mainAudio()],
      }),
    ])
    expect(state.tracks.map((t) => t.muxTrackId)).toEqual(['trk-audio'])
  })

  it('answers unrouted for a track event that overtook the event naming its asset', () => {
    const started = afterUploadStarted()
    const early = applyMuxEvent(started, trackEvent('ready', 'as-1', french, 45))
    expect(early.outcome).toBe('unrouted')
    expect(early.state).toBe(started)
  })
})
