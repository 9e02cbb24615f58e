/**
 * `npm run images:variants`: renders the renditions of every image that has none yet (images
 * uploaded before they had purposes). Safe to run again: images with renditions are skipped.
 */
import { getPayload } from 'payload'

import config from '../payload.config'
import { closePayload } from '../src/config/closeDatabase'
import { renderMissingVariants } from '../src/media/backfillVariants'

const payload = await getPayload({ config })
try {
  const result = await renderMissingVariants(payload)
  console.log(
    `Images: ${result.checked} checked, ${result.rendered} rendered, ` +
      `${result.missingFile} without their file on disk.`,
  )
  process.exitCode = result.missingFile > 0 ? 1 : 0
} finally {
  await closePayload(payload)
}
