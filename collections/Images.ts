import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { anyone } from '../src/access/anyone'
import { allowRoles } from '../src/access/checkRole'
import { rejectNonImageUpload } from '../hooks/images/rejectNonImageUpload'
import { versionFileUrls } from '../hooks/images/versionFileUrls'
import { refusePublicQueries } from '../hooks/media/refusePublicQueries'
import { acceptedImageTypes } from '../src/media/imageTypes'
import { answerMissingFile } from '../src/media/missingFile'

const editors = allowRoles('admin', 'editor')

export const Images: CollectionConfig<'images'> = {
  slug: 'images',
  admin: { useAsTitle: 'alt', group: 'Media', defaultColumns: ['filename', 'alt', 'updatedAt'] },
  // `read` is asked for files (`/api/images/file/<name>`) and for posters populated into titles,
  // which the public may have; lists, counts and queries are staff-only (refusePublicQueries).
  access: { read: anyone, create: editors, update: editors, delete: editors },
  hooks: {
    beforeOperation: [rejectNonImageUpload, refusePublicQueries],
    afterRead: [versionFileUrls],
  },
  upload: {
    staticDir: path.resolve(process.env.MEDIA_DIR ?? 'media', 'images'),
    mimeTypes: [...acceptedImageTypes],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    handlers: [answerMissingFile],
    formatOptions: { format: 'webp', options: { quality: 82 } },
    // Files are the same for everyone. Behind the Express server a versioned URL (`?v=`) is kept
    // for a year and others revalidate (src/server/imageFileCaching.ts); this is Next's fallback.
    modifyResponseHeaders: ({ headers }) => {
      headers.set('Cache-Control', 'public, max-age=3600')
      return headers
    },
    imageSizes: [
      { name: 'thumbnail', width: 480, height: 270, formatOptions: { format: 'webp' } },
      { name: 'poster', width: 800, height: 1200, formatOptions: { format: 'webp' } },
      { name: 'backdrop', width: 1920, height: 1080, formatOptions: { format: 'webp' } },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      localized: true,
      required: true,
      admin: { description: 'Describes the image for people who cannot see it.' },
    },
    { name: 'credit', type: 'text' },
  ],
}
