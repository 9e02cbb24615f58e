import type { CollectionAfterDeleteHook } from 'payload'

import { queueEffects } from '../jobs'
import { recordReleasedVideo } from '../muxEventStore'
import type { MuxRuntime } from '../runtime'
import { muxStateOf, type VideoRecord } from '../videoRecords'
import { detachFromMux, knownMuxIds } from '../../../video'

/**
 * A deleted video lets go of everything at Mux: its assets are deleted and a waiting upload
 * cancelled by retried jobs (404 counts as done), late events for it are acknowledged, and an
 * asset that still appears for it is deleted too.
 */
export const releaseMuxVideo =
  (runtime: MuxRuntime): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    const video = doc as VideoRecord
    const state = muxStateOf(video)
    await queueEffects(req.payload, detachFromMux(state).effects, req)
    await recordReleasedVideo(req.payload, runtime.videos.slug, video.id, knownMuxIds(state), req)
    await runtime.spool.remove('videos', video.ingest?.spoolFile)
    return doc
  }
