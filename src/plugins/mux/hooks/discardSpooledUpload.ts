import type { AfterErrorHook } from 'payload'

import type { MuxRuntime } from '../runtime'

/** A save that failed after its file was spooled leaves no copy behind. */
export const discardSpooledUpload =
  (runtime: MuxRuntime): AfterErrorHook =>
  async ({ context }) => {
    const file = context.muxSpooledFile
    delete context.muxSpooledFile
    if (file) await runtime.spool.remove('videos', file)
  }
