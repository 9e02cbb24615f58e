import type { MuxEffect } from '../../video'
import type { StreamedUpload } from './muxStreamingSink'

/**
 * What the Mux plugin keeps on `req.context`. The request's context is shared by every video
 * saved in it, so the per-save entries (`muxEffects`, `muxSpooledFile`) are cleared when a save
 * begins and taken off when it ends: nothing carries over to the next video.
 */
declare module 'payload' {
  interface RequestContext {
    /** An internal write of Mux state (on an isolated request): the editor's hooks stay out. */
    muxInternal?: boolean
    /** The upload the multipart endpoint streamed to Mux for this request's file. */
    muxStreamedUpload?: StreamedUpload
    /** What this save asks of Mux besides the push (from beforeChange to afterChange). */
    muxEffects?: MuxEffect[]
    /** The spool file this save made, removed again should the save fail. */
    muxSpooledFile?: string
  }
}

export {}
