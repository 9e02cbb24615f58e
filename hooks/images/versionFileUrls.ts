import type { CollectionAfterReadHook } from 'payload'

import {
  fileInside,
  fingerprintFile,
  siblingFileUrl,
  versionOf,
  withVersion,
} from '../../src/media/fileFingerprint'
import type { Image } from '../../src/payload-types'

type FileEntry = { url?: string | null; filename?: string | null }

/**
 * Content-addressed file URLs: every `url` of an image (the file and each size) carries
 * `?v=<hash of the file's bytes>` (the renditions in `variants` too), so a new upload, a new crop or a new focal point is a new
 * URL, and the file server can let caches keep a versioned URL for a year
 * (src/server/imageFileCaching.ts). Runs after Payload's own hooks built the (absolute) URLs.
 */
export const versionFileUrls: CollectionAfterReadHook<Image> = async ({ collection, doc }) => {
  const staticDir = collection.upload ? collection.upload.staticDir : undefined
  if (!staticDir) return doc
  const versioned = async (entry: FileEntry) => {
    if (!entry.url || !entry.filename) return
    const filePath = fileInside(staticDir, entry.filename)
    const fingerprint = filePath ? await fingerprintFile(filePath) : undefined
    if (fingerprint) entry.url = withVersion(entry.url, versionOf(fingerprint))
  }
  // Renditions are served like the file itself: beside it, under their own names.
  const variants: FileEntry[] = doc.variants ?? []
  if (doc.url) {
    const original = doc.url
    for (const variant of variants) {
      if (variant.filename) variant.url = siblingFileUrl(original, variant.filename)
    }
  }
  await versioned(doc)
  await Promise.all(variants.map(versioned))
  const sizes: Record<string, FileEntry | undefined> = doc.sizes ?? {}
  await Promise.all(Object.values(sizes).map((size) => (size ? versioned(size) : undefined)))
  const thumbnail =
    typeof collection.upload.adminThumbnail === 'string'
      ? sizes[collection.upload.adminThumbnail]
      : undefined
  if (doc.thumbnailURL && thumbnail?.url) doc.thumbnailURL = thumbnail.url
  return doc
}
