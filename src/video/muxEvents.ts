import {
  assetRank,
  isUploadSettled,
  linkAsset,
  observeAsset,
  observeTrack,
  observeUpload,
  trackRank,
  uploadStatusRank,
} from './generation'
import {
  readAssetFacts,
  readAssetLifecycle,
  readRecord,
  readString,
  readTrack,
  readTracks,
  readUploadFacts,
  readUploadStatus,
} from './muxEventData'
import { laterOf, retire, syncOf, withSync } from './muxSync'
import type {
  AssetLifecycle,
  EventMark,
  MuxEffect,
  MuxEventResult,
  MuxGeneration,
  MuxMatchKeys,
  MuxSync,
  MuxWebhookEvent,
  UploadStatus,
  VideoMuxState,
} from './types'

const uploadStatusByType: Record<string, UploadStatus> = {
  'video.upload.created': 'waiting',
  'video.upload.asset_created': 'asset_created',
  'video.upload.errored': 'errored',
  'video.upload.cancelled': 'cancelled',
  'video.upload.timed_out': 'timed_out',
}

/** Events whose `data` is a whole asset, so they may replace what we know about it. */
const assetSnapshotTypes = new Set([
  'video.asset.created',
  'video.asset.ready',
  'video.asset.errored',
  'video.asset.updated',
  'video.asset.deleted',
])

const isUploadEvent = (type: string) => type.startsWith('video.upload.')
const isTrackEvent = (type: string) => type.startsWith('video.asset.track.')

/**
 * Track, static rendition and similar events describe a part of an asset: their `data.id` is
 * the part's id and their `data.passthrough` is the part's own passthrough, not our document's.
 */
const isAssetPartEvent = (event: MuxWebhookEvent) =>
  isTrackEvent(event.type) ||
  event.type.startsWith('video.asset.static_rendition.') ||
  (event.type.startsWith('video.asset.') && readString(event.data, 'asset_id') !== null)

const definedOnly = (keys: Record<keyof MuxMatchKeys, string | null>): MuxMatchKeys =>
  Object.fromEntries(Object.entries(keys).filter(([, value]) => value)) as MuxMatchKeys

/** The ids in an event that lead to a document: passthrough, upload id, asset id. */
export const matchKeysOf = (event: MuxWebhookEvent): MuxMatchKeys => {
  const { data, object } = event
  if (isUploadEvent(event.type)) {
    return definedOnly({
      passthrough: readString(readRecord(data, 'new_asset_settings'), 'passthrough'),
      uploadId: readString(object, 'id') ?? readString(data, 'id'),
      assetId: readString(data, 'asset_id'),
    })
  }
  if (isAssetPartEvent(event)) {
    return definedOnly({ passthrough: null, uploadId: null, assetId: readString(data, 'asset_id') })
  }
  if (event.type.startsWith('video.asset.')) {
    return definedOnly({
      passthrough: readString(data, 'passthrough'),
      uploadId: readString(data, 'upload_id'),
      assetId:
        (object?.type === 'asset' ? readString(object, 'id') : null) ?? readString(data, 'id'),
    })
  }
  return {}
}

type OwnedRoute =
  { to: 'live'; generation: MuxGeneration } | { to: 'replacement'; generation: MuxGeneration }
type Route = OwnedRoute | { to: 'retired' } | { to: 'unrouted' }

const routeOf = (sync: MuxSync, keys: MuxMatchKeys): Route => {
  const generations: OwnedRoute[] = [{ to: 'live', generation: sync.live }]
  if (sync.replacement) generations.push({ to: 'replacement', generation: sync.replacement })
  if (keys.assetId) {
    const owner = generations.find(({ generation }) => generation.assetId === keys.assetId)
    if (owner) return owner
    if (sync.retiredIds.includes(keys.assetId)) return { to: 'retired' }
  }
  if (keys.uploadId) {
    const owner = generations.find(({ generation }) => generation.uploadId === keys.uploadId)
    // The asset id matched no generation above, yet one upload makes only one asset: if the
    // upload's generation already has an asset, this event's asset is not ours.
    const linkedElsewhere = owner?.generation.assetId && keys.assetId
    if (owner) return linkedElsewhere ? { to: 'unrouted' } : owner
    if (sync.retiredIds.includes(keys.uploadId)) return { to: 'retired' }
  }
  return { to: 'unrouted' }
}

const assetLifecycleOf = (event: MuxWebhookEvent): AssetLifecycle | null => {
  if (event.type === 'video.asset.deleted') return 'deleted'
  if (event.type === 'video.asset.errored') return 'errored'
  if (event.type === 'video.asset.ready') return 'ready'
  const status = readAssetLifecycle(event.data)
  return status ?? (event.type === 'video.asset.created' ? 'preparing' : null)
}

const trackStatusOf = (event: MuxWebhookEvent): string => {
  const suffix = event.type.slice('video.asset.track.'.length)
  if (suffix === 'deleted' || suffix === 'errored' || suffix === 'ready') return suffix
  return readString(event.data, 'status') ?? 'preparing'
}

const observeEvent = (
  generation: MuxGeneration,
  event: MuxWebhookEvent,
  keys: MuxMatchKeys,
): MuxGeneration => {
  const markOf = (rank: number): EventMark => ({ rank, at: event.created_at, eventId: event.id })
  const linked = linkAsset(generation, keys.assetId ?? null)

  if (isUploadEvent(event.type)) {
    const status = uploadStatusByType[event.type] ?? readUploadStatus(event.data)
    if (!status) return linked
    return observeUpload(
      linked,
      markOf(uploadStatusRank(status)),
      readUploadFacts(event.data, status),
    )
  }
  if (isTrackEvent(event.type)) {
    const track = readTrack(event.data, trackStatusOf(event))
    return track ? observeTrack(generation, markOf(trackRank(track.status)), track) : generation
  }
  if (!assetSnapshotTypes.has(event.type)) return linked
  const status = assetLifecycleOf(event)
  if (!status) return linked
  const tracks = status === 'deleted' ? [] : readTracks(event.data)
  return observeAsset(linked, markOf(assetRank(status)), readAssetFacts(event.data, status), tracks)
}

/** An asset born from an upload or asset we already let go of is an orphan: delete it. */
const orphanCleanup = (event: MuxWebhookEvent, keys: MuxMatchKeys): MuxEffect[] => {
  const producesAsset =
    (assetSnapshotTypes.has(event.type) && event.type !== 'video.asset.deleted') ||
    event.type === 'video.upload.asset_created'
  return keys.assetId && producesAsset
    ? [{ kind: 'deleteAsset', assetId: keys.assetId, reason: 'orphaned' }]
    : []
}

const replacedEffects = (outgoing: MuxGeneration): MuxEffect[] => {
  if (outgoing.assetId)
    return [{ kind: 'deleteAsset', assetId: outgoing.assetId, reason: 'replaced' }]
  if (outgoing.uploadId && !isUploadSettled(outgoing)) {
    return [{ kind: 'cancelUpload', uploadId: outgoing.uploadId, reason: 'superseded' }]
  }
  return []
}

/**
 * Folds one Mux webhook (or a synthetic event from `reconcile.ts`) into a document's state.
 * Idempotent and order-independent: any order of the same events, with duplicates, ends in the
 * same state, provided `unrouted` events are delivered again later (as Mux does after a 5xx).
 */
export const applyMuxEvent = (state: VideoMuxState, event: MuxWebhookEvent): MuxEventResult => {
  const sync = syncOf(state)
  const keys = matchKeysOf(event)
  const route = routeOf(sync, keys)
  if (route.to === 'unrouted') return { state, effects: [], outcome: 'unrouted' }

  const lastMuxEventAt = laterOf(state.lastMuxEventAt, event.created_at)
  if (route.to === 'retired') {
    return {
      state: { ...state, lastMuxEventAt },
      effects: orphanCleanup(event, keys),
      outcome: 'retired',
    }
  }

  const observed = observeEvent(route.generation, event, keys)
  if (route.to === 'live') {
    return {
      state: withSync(state, { ...sync, live: observed }, lastMuxEventAt),
      effects: [],
      outcome: 'applied',
    }
  }
  if (observed.asset?.facts.status !== 'ready') {
    return {
      state: withSync(state, { ...sync, replacement: observed }, lastMuxEventAt),
      effects: [],
      outcome: 'applied',
    }
  }
  const swapped: MuxSync = {
    live: observed,
    replacement: null,
    retiredIds: retire(sync.retiredIds, sync.live),
  }
  return {
    state: withSync(state, swapped, lastMuxEventAt),
    effects: replacedEffects(sync.live),
    outcome: 'applied',
  }
}
