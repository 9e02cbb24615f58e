import type { RequestHandler } from 'express'
import fresh from 'fresh'

import { fileInside, fingerprintFile, versionOf } from '../media/fileFingerprint'

export type StoredFiles = { slug: string; staticDir: string }

type UploadCollection = {
  slug: string
  upload?: boolean | { staticDir?: string; disableLocalStorage?: boolean }
}

/** The upload collections whose files are kept on this server's disk. */
export const storedFilesOf = (collections: readonly UploadCollection[]): StoredFiles[] =>
  collections.flatMap(({ slug, upload }) =>
    typeof upload === 'object' && upload.staticDir && !upload.disableLocalStorage
      ? [{ slug, staticDir: upload.staticDir }]
      : [],
  )

export type ImageFileCachingOptions = {
  /** Payload's REST prefix (`/api`). */
  apiRoute: string
  /** Upload collections whose files Payload serves from disk. */
  collections: readonly StoredFiles[]
}

/** A versioned URL never changes its bytes (the version is their hash): a year, immutable. */
const versionedFileCacheControl = 'public, max-age=31536000, immutable'
/** Any other URL of a file (no `v`, or an old one) may change: caches revalidate it each time. */
const unversionedFileCacheControl = 'public, no-cache'

const decoded = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/**
 * Validators and caching of stored files (`/api/<collection>/file/<name>`), before Payload
 * serves them: a strong `ETag` (the SHA-256 of the bytes) and `Last-Modified`, `304` for a
 * matching `If-None-Match` (or `If-Modified-Since`) without reading the file, and a year of
 * caching for the content-addressed URL the API hands out (`?v=<hash>`). A file that is not on
 * disk goes on to Payload, which answers 404 (src/media/missingFile.ts).
 */
export const imageFileCaching = ({
  apiRoute,
  collections,
}: ImageFileCachingOptions): RequestHandler => {
  const dirs = new Map(collections.map(({ slug, staticDir }) => [slug, staticDir]))
  const route = new RegExp(`^${apiRoute}/([^/]+)/file/([^/]+)$`)
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const match = route.exec(req.path)
    const staticDir = match ? dirs.get(match[1]) : undefined
    const filename = match ? decoded(match[2]) : undefined
    const filePath = staticDir && filename ? fileInside(staticDir, filename) : undefined
    if (!filePath) return next()
    fingerprintFile(filePath).then((fingerprint) => {
      if (!fingerprint) return next()
      const etag = `"${fingerprint.hash}"`
      const lastModified = fingerprint.modified.toUTCString()
      const version = typeof req.query.v === 'string' ? req.query.v : undefined
      res.setHeader('ETag', etag)
      res.setHeader('Last-Modified', lastModified)
      // Set before Next copies Payload's headers: Next keeps a header that is already there.
      res.setHeader(
        'Cache-Control',
        version === versionOf(fingerprint)
          ? versionedFileCacheControl
          : unversionedFileCacheControl,
      )
      if (!req.headers.range && fresh(req.headers, { etag, 'last-modified': lastModified })) {
        res.status(304).end()
        return
      }
      next()
    }, next)
  }
}
