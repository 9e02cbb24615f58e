import type { CollectionAfterChangeHook } from 'payload'

import { queueEffects, queueMuxTask } from '../jobs'
import type { MuxRuntime } from '../runtime'
import { policyOf, type VideoRecord } from '../videoRecords'

/**
 * Moves what an editor's save asks of Mux to the jobs queue, in the save's transaction: push a
 * new source, read back a linked asset, align playback ids with a changed policy.
 */
export const queueVideoWork =
  (runtime: MuxRuntime): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req, context }) => {
    if (context.muxInternal) return doc
    // What a streamed upload superseded (an earlier replacement still on its way...). Taken
    // off the shared context, as is the spool file this save kept, so a later save in the same
    // request neither repeats these effects nor, failing, removes this video's file.
    const effects = context.muxEffects ?? []
    delete context.muxEffects
    delete context.muxSpooledFile
    if (effects.length) await queueEffects(req.payload, effects, req)
    const video = doc as VideoRecord
    const previous = (previousDoc ?? {}) as VideoRecord
    const videoId = String(video.id)
    const { ingest } = video
    const replacedFile = previous.ingest?.spoolFile
    if (replacedFile && replacedFile !== ingest?.spoolFile) {
      await runtime.spool.remove('videos', replacedFile)
    }
    if (
      runtime.provider &&
      ingest?.source &&
      ingest.nonce &&
      ingest.nonce !== previous.ingest?.nonce
    ) {
      await queueMuxTask(req.payload, 'muxPushSource', { videoId, nonce: ingest.nonce }, { req })
    }
    if (operation === 'create' && video.muxAssetId && !ingest?.source) {
      await queueMuxTask(req.payload, 'muxSyncVideo', { videoId }, { req, once: true })
    }
    const policyChanged = operation === 'update' && policyOf(video) !== policyOf(previous)
    if (policyChanged && video.muxIds?.length) {
      await queueMuxTask(req.payload, 'muxSyncPlaybackPolicy', { videoId }, { req, once: true })
    }
    return doc
  }
