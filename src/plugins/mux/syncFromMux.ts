import type { PayloadRequest } from 'payload'

import {
  applyMuxEvent,
  assetGoneEvent,
  assetObservedEvent,
  syncOf,
  uploadObservedEvent,
  type MuxEffect,
  type MuxGeneration,
  type MuxWebhookEvent,
  type PlaybackPolicy,
  type VideoMuxState,
  type VideoProvider,
} from '../../video'
import type { MuxRuntime } from './runtime'
import { nameAssetsAfterVideo } from './assetPassthrough'
import { applyPendingEvents, changeVideoMuxState } from './videoMuxState'
import { muxStateOf, policyOf } from './videoRecords'

/** What the API says now about one generation, as events for the reducer. */
const observe = async (
  provider: VideoProvider,
  generation: MuxGeneration,
): Promise<MuxWebhookEvent[]> => {
  const observedAt = new Date()
  if (generation.assetId) {
    const asset = await provider.getAsset(generation.assetId)
    return [asset ? assetObservedEvent(asset, observedAt) : assetGoneEvent(generation.assetId)]
  }
  if (!generation.uploadId) return []
  const upload = await provider.getUpload(generation.uploadId)
  if (!upload) {
    const gone = { id: generation.uploadId, status: 'errored' }
    const error = { type: 'not_found', message: 'Mux no longer knows this direct upload.' }
    return [uploadObservedEvent({ ...gone, error }, observedAt)]
  }
  const events = [uploadObservedEvent(upload, observedAt)]
  if (upload.asset_id) {
    const asset = await provider.getAsset(upload.asset_id)
    events.push(asset ? assetObservedEvent(asset, observedAt) : assetGoneEvent(upload.asset_id))
  }
  return events
}

const fold = (state: VideoMuxState, events: MuxWebhookEvent[]) =>
  events.reduce<{ state: VideoMuxState; effects: MuxEffect[] }>(
    (current, event) => {
      const result = applyMuxEvent(current.state, event)
      return { state: result.state, effects: [...current.effects, ...result.effects] }
    },
    { state, effects: [] },
  )

/**
 * Reads a video's upload and assets back from Mux, so a lost or late webhook cannot leave it
 * stuck, then applies events that waited for it.
 */
export const syncVideoFromMux = async (
  runtime: MuxRuntime,
  req: PayloadRequest,
  videoId: string,
): Promise<string> => {
  const { provider } = runtime
  const found = await runtime.videos.find(req.payload, videoId, req)
  if (!found) return 'gone'
  // Events that waited for this video first: they need no call to Mux.
  await applyPendingEvents(runtime, req.payload, found, req)
  const video = await runtime.videos.find(req.payload, videoId, req)
  if (video && provider) {
    // Read outside the lock: observations are stamped with their time, so they merge with any
    // webhook applied meanwhile in whatever order.
    const sync = syncOf(muxStateOf(video))
    const generations = [sync.live, sync.replacement].filter(
      (generation): generation is MuxGeneration => !!generation,
    )
    const events = (await Promise.all(generations.map((g) => observe(provider, g)))).flat()
    await changeVideoMuxState(runtime, req.payload, video.id, (state) => fold(state, events), req)
    await nameAssetsAfterVideo(runtime, req.payload, video.id, events)
  }
  return provider ? 'synced' : 'waiting-for-credentials'
}

/**
 * Brings the playback ids of the video's assets in line with its policy: the new kind first,
 * then the old removed, so a video switched to `signed` keeps no public id.
 */
export const syncPlaybackPolicy = async (
  runtime: MuxRuntime,
  req: PayloadRequest,
  videoId: string,
): Promise<string> => {
  const { provider } = runtime
  if (!provider) return 'waiting-for-credentials'
  const video = await runtime.videos.find(req.payload, videoId, req)
  if (!video) return 'gone'
  const wanted: PlaybackPolicy = policyOf(video)
  const sync = syncOf(muxStateOf(video))
  const assetIds = [sync.live.assetId, sync.replacement?.assetId].filter((id): id is string => !!id)
  const events: MuxWebhookEvent[] = []
  for (const assetId of assetIds) {
    const asset = await provider.getAsset(assetId)
    if (!asset) continue
    const ids = asset.playback_ids ?? []
    if (!ids.some((entry) => entry.policy === wanted)) {
      await provider.updateAsset(assetId, { addPlaybackId: wanted })
    }
    for (const entry of ids) {
      if (entry.policy !== wanted && (entry.policy === 'public' || entry.policy === 'signed')) {
        await provider.updateAsset(assetId, { removePlaybackId: entry.id })
      }
    }
    const updated = await provider.getAsset(assetId)
    events.push(updated ? assetObservedEvent(updated) : assetGoneEvent(assetId))
  }
  await changeVideoMuxState(runtime, req.payload, video.id, (state) => fold(state, events), req)
  return 'synced'
}
