import { emptyGeneration, observeAsset, viewOf, type GenerationView } from './generation'
import { readAssetFacts, readAssetLifecycle, readTracks } from './muxEventData'
import type { MuxAssetData, MuxUploadData, MuxWebhookEvent } from './types'

// A reconciliation job reads assets and uploads from the API and feeds what it saw through
// `applyMuxEvent` as synthetic events stamped with the time of the read, so API reads and
// webhooks merge by the same rules.

const isoOf = (observedAt: Date) => observedAt.toISOString()

/** The document fields a Mux asset implies on its own, e.g. for an import or a repair. */
export const stateFromAsset = (asset: MuxAssetData): GenerationView => {
  const data: Record<string, unknown> = { ...asset }
  const status = readAssetLifecycle(data) ?? 'preparing'
  const mark = { rank: 0, at: new Date(0).toISOString(), eventId: '' }
  const generation = observeAsset(
    emptyGeneration({ uploadId: asset.upload_id ?? null, assetId: asset.id }),
    mark,
    readAssetFacts(data, status),
    readTracks(data),
  )
  return viewOf(generation)
}

/** What an API read of an asset saw, as an event for `applyMuxEvent`. */
export const assetObservedEvent = (
  asset: MuxAssetData,
  observedAt: Date = new Date(),
): MuxWebhookEvent => ({
  type: 'video.asset.updated',
  id: `observed:${asset.id}:${isoOf(observedAt)}`,
  created_at: isoOf(observedAt),
  object: { type: 'asset', id: asset.id },
  data: { ...asset },
  environment: null,
  attempts: [],
})

/** An API read answered 404 for this asset. */
export const assetGoneEvent = (
  assetId: string,
  observedAt: Date = new Date(),
): MuxWebhookEvent => ({
  type: 'video.asset.deleted',
  id: `gone:${assetId}:${isoOf(observedAt)}`,
  created_at: isoOf(observedAt),
  object: { type: 'asset', id: assetId },
  data: { id: assetId },
  environment: null,
  attempts: [],
})

/** What an API read of a direct upload saw (e.g. that it timed out, which no webhook says). */
export const uploadObservedEvent = (
  upload: MuxUploadData,
  observedAt: Date = new Date(),
): MuxWebhookEvent => ({
  type: `video.upload.${upload.status === 'waiting' ? 'created' : upload.status}`,
  id: `observed:${upload.id}:${isoOf(observedAt)}`,
  created_at: isoOf(observedAt),
  object: { type: 'upload', id: upload.id },
  data: { ...upload },
  environment: null,
  attempts: [],
})
