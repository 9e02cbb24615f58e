import type { CollectionAfterReadHook } from 'payload'

import type { AvailsImport } from '../../src/payload-types'
import { liveApplyProgress } from '../../src/rights/availsApplyJob'

/**
 * An import this process is applying answers with the progress of the running apply: on a
 * SQLite file the apply's progress writes wait for its transaction to commit.
 */
export const showRunningProgress: CollectionAfterReadHook<AvailsImport> = ({ doc }) => {
  const live = doc.progress === undefined ? null : liveApplyProgress(doc.id)
  return live ? { ...doc, progress: live } : doc
}
