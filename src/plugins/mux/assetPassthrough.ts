import type { Payload } from 'payload'

import { matchKeysOf, passthroughNamingRecord, type MuxWebhookEvent } from '../../video'
import type { MuxRuntime } from './runtime'

const describesAsset = (event: MuxWebhookEvent) =>
  event.type.startsWith('video.asset.') && event.type !== 'video.asset.deleted'

/**
 * An asset made from a file streamed while its video was unsaved carries `videos:new:<nonce>`;
 * once an event (a webhook, or a read-back from Mux) ties it to the saved video, its passthrough
 * is rewritten to name the video, so the dashboard, support and reconciliation can tell whose it
 * is. A failed update only warns: the asset's next event or read-back tries again.
 */
export const nameAssetsAfterVideo = async (
  runtime: MuxRuntime,
  payload: Payload,
  videoId: number | string,
  events: MuxWebhookEvent[],
): Promise<void> => {
  const { provider } = runtime
  if (!provider) return
  const renames = new Map<string, string>()
  // Asset events carry the asset's passthrough as it is now; an upload's settings keep the
  // unsaved one forever, so they would ask for the same update again on every read-back.
  for (const event of events.filter(describesAsset)) {
    const { assetId, passthrough } = matchKeysOf(event)
    const named = passthroughNamingRecord(passthrough, {
      collection: runtime.videos.slug,
      id: String(videoId),
    })
    if (assetId && named) renames.set(assetId, named)
  }
  for (const [assetId, passthrough] of renames) {
    try {
      await provider.updateAsset(assetId, { passthrough })
    } catch (error) {
      payload.logger.warn(
        { err: error, assetId, videoId: String(videoId), passthrough },
        'Mux asset passthrough not updated to name its video; its next event or read-back retries',
      )
    }
  }
}
