import fs from 'node:fs'

import type { CollectionAfterDeleteHook } from 'payload'

import { fileInside } from '../../src/media/fileFingerprint'
import type { Image } from '../../src/payload-types'

/** Payload deletes the original and its sizes; the purpose renditions go with them. */
export const removeVariantFiles: CollectionAfterDeleteHook<Image> = async ({ collection, doc }) => {
  const staticDir = collection.upload ? collection.upload.staticDir : undefined
  if (!staticDir) return doc
  await Promise.all(
    (doc.variants ?? []).map(async ({ filename }) => {
      const filePath = fileInside(staticDir, filename)
      if (filePath) await fs.promises.rm(filePath, { force: true })
    }),
  )
  return doc
}
