import type { CollectionAfterDeleteHook } from 'payload'

import { queueEffects } from '../../src/plugins/mux/jobs'
import { recordReleasedVideo } from '../../src/plugins/mux/muxEventStore'
import type { MuxRuntime } from '../../src/plugins/mux/runtime'
import { muxStateOf, videosSlug, type VideoRecord } from '../../src/plugins/mux/videoRecords'
import { detachFromMux, knownMuxIds } from '../../src/video'

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
    await recordReleasedVideo(req.payload, videosSlug, video.id, knownMuxIds(state), req)
    await runtime.spool.remove('videos', video.ingest?.spoolFile)
    return doc
  }
