import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  applyMuxEvent,
  beginIngest,
  emptyVideoMuxState,
  type MuxEffect,
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

/**
 * Delivers events the way Mux does to a handler that answers 5xx for `unrouted` events: those
 * come back later. Returns the final state, every effect, and each state along the way.
 */
const deliver = (initial: VideoMuxState, events: MuxWebhookEvent[]) => {
  let state = initial
  let queue = [...events]
  let redeliveriesInARow = 0
  const effects: MuxEffect[] = []
  const history: VideoMuxState[] = []
  while (queue.length && redeliveriesInARow <= queue.length) {
    const [event, ...rest] = queue
    const result = applyMuxEvent(state, event)
    if (result.outcome === 'unrouted') {
      queue = [...rest, event]
      redeliveriesInARow += 1
      continue
    }
    redeliveriesInARow = 0
    queue = rest
    state = result.state
    effects.push(...result.effects)
    history.push(state)
  }
  return { state, effects, history, undelivered: queue }
}

const effectKeys = (effects: MuxEffect[]) =>
  [
    ...new Set(
      effects.map(
        (effect) => `${effect.kind}:${'assetId' in effect ? effect.assetId : effect.uploadId}`,
      ),
    ),
  ].sort()

const french = subtitles('trk-fr', 'preparing')
const german = subtitles('trk-de', 'preparing', 'de')
const spanish = subtitles('trk-es', 'preparing', 'es')
const italian = subtitles('trk-it', 'preparing', 'it')

/** One direct upload, told in causal order: asset, subtitles from the start, tracks added later. */
const firstUploadStory: MuxWebhookEvent[] = [
  uploadEvent('created', { uploadId: 'up-1', seconds: 1 }),
  uploadEvent('asset_created', { uploadId: 'up-1', assetId: 'as-1', seconds: 5 }),
  assetEvent('created', { assetId: 'as-1', uploadId: 'up-1', seconds: 6 }),
  trackEvent('created', 'as-1', french, 7),
  assetEvent('ready', {
    assetId: 'as-1',
    uploadId: 'up-1',
    seconds: 30,
    tracks: [videoTrack('v1'), mainAudio('a1'), french],
  }),
  trackEvent('ready', 'as-1', french, 31),
  trackEvent('created', 'as-1', german, 40),
  trackEvent('errored', 'as-1', german, 45),
  trackEvent('created', 'as-1', spanish, 50),
  trackEvent('ready', 'as-1', spanish, 55),
  trackEvent('deleted', 'as-1', spanish, 60),
  assetEvent('updated', {
    assetId: 'as-1',
    uploadId: 'up-1',
    seconds: 61,
    status: 'ready',
    tracks: [
      videoTrack('v1'),
      mainAudio('a1'),
      { ...french, status: 'ready' },
      { ...german, status: 'errored' },
    ],
  }),
  {
    ...trackEvent('ready', 'as-1', subtitles('sr-1', 'ready'), 70),
    type: 'video.asset.static_rendition.ready',
  },
]

const a1Deleted = assetEvent('deleted', { assetId: 'as-1', uploadId: 'up-1', seconds: 140 })
const a2Ready = assetEvent('ready', {
  assetId: 'as-2',
  uploadId: 'up-2',
  seconds: 130,
  duration: 90,
  tracks: [videoTrack('v2'), mainAudio('a2')],
})

/** A replacement upload, plus late and repeated events of the asset it replaces. */
const replacementStory: MuxWebhookEvent[] = [
  uploadEvent('created', { uploadId: 'up-2', seconds: 101 }),
  uploadEvent('asset_created', { uploadId: 'up-2', assetId: 'as-2', seconds: 105 }),
  assetEvent('created', { assetId: 'as-2', uploadId: 'up-2', seconds: 106 }),
  a2Ready,
  trackEvent('created', 'as-2', italian, 131),
  trackEvent('ready', 'as-2', italian, 135),
  firstUploadStory[4],
  firstUploadStory[5],
  a1Deleted,
]

/** Any order of the story, with some events delivered more than once. */
const deliveriesOf = (story: MuxWebhookEvent[]) =>
  fc
    .tuple(
      fc.shuffledSubarray(story, { minLength: story.length, maxLength: story.length }),
      fc.array(fc.tuple(fc.nat(story.length - 1), fc.nat(story.length)), { maxLength: 10 }),
    )
    .map(([order, duplicates]) => {
      const deliveries = [...order]
      for (const [which, where] of duplicates) deliveries.splice(where, 0, story[which])
      return deliveries
    })

const started = beginIngest(emptyVideoMuxState(), { uploadId: 'up-1' }).state
const inOrder = deliver(started, firstUploadStory)

describe('applyMuxEvent is order-independent', () => {
  it('settles the told-in-order story as expected', () => {
    expect(inOrder.undelivered).toEqual([])
    expect(inOrder.state).toMatchObject({ status: 'ready', muxAssetId: 'as-1', duration: 63.5 })
    expect(inOrder.state.tracks.map((t) => [t.muxTrackId, t.status])).toEqual([
      ['a1', 'ready'],
      ['trk-de', 'errored'],
      ['trk-fr', 'ready'],
    ])
  })

  it('reaches the same state from any order of a direct upload, duplicates included', () => {
    fc.assert(
      fc.property(deliveriesOf(firstUploadStory), (deliveries) => {
        const run = deliver(started, deliveries)
        expect(run.undelivered).toEqual([])
        expect(run.state).toEqual(inOrder.state)
        expect(run.effects).toEqual([])
        // Once ready, never back to preparing or uploading.
        const firstReady = run.history.findIndex((state) => state.status === 'ready')
        expect(run.history.slice(firstReady).every((state) => state.status === 'ready')).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('reaches the same state from any order of a replacement, with one delete of the old asset', () => {
    const replacing = beginIngest(inOrder.state, { uploadId: 'up-2' }).state
    const expected = deliver(replacing, replacementStory)
    expect(expected.state).toMatchObject({ status: 'ready', muxAssetId: 'as-2', duration: 90 })
    expect(expected.state.tracks.map((t) => t.muxTrackId)).toEqual(['a2', 'trk-it'])
    expect(effectKeys(expected.effects)).toEqual(['deleteAsset:as-1'])

    fc.assert(
      fc.property(deliveriesOf(replacementStory), (deliveries) => {
        // We delete the old asset only after the swap, so Mux cannot report it deleted before.
        const swapAt = deliveries.indexOf(a2Ready)
        const causal = deliveries.filter((event, index) => event !== a1Deleted || index > swapAt)
        const dropped = deliveries.length - causal.length
        causal.push(...Array<MuxWebhookEvent>(dropped).fill(a1Deleted))

        const run = deliver(replacing, causal)
        expect(run.undelivered).toEqual([])
        expect(run.state).toEqual(expected.state)
        expect(effectKeys(run.effects)).toEqual(['deleteAsset:as-1'])
        // Viewers never lose the video during the swap.
        expect(run.history.every((state) => state.status === 'ready')).toBe(true)
      }),
      { numRuns: 400 },
    )
  })
})
