import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { anyone } from '../src/access/anyone'
import { allowRoles } from '../src/access/checkRole'
import { rejectNonImageUpload } from '../hooks/images/rejectNonImageUpload'
import { removeVariantFiles } from '../hooks/images/removeVariantFiles'
import { renderPurposeVariants } from '../hooks/images/renderPurposeVariants'
import { versionFileUrls } from '../hooks/images/versionFileUrls'
import { refusePublicQueries } from '../hooks/media/refusePublicQueries'
import { acceptedImageTypes } from '../src/media/imageTypes'
import { answerMissingFile } from '../src/media/missingFile'
import { defaultImagePurpose, imagePurposes, variantFormats } from '../src/media/variantPlan'

const editors = allowRoles('admin', 'editor')

export const Images: CollectionConfig<'images'> = {
  slug: 'images',
  admin: { useAsTitle: 'alt', group: 'Media', defaultColumns: ['filename', 'alt', 'updatedAt'] },
  // `read` is asked for files (`/api/images/file/<name>`) and for posters populated into titles,
  // which the public may have; lists, counts and queries are staff-only (refusePublicQueries).
  access: { read: anyone, create: editors, update: editors, delete: editors },
  hooks: {
    beforeOperation: [rejectNonImageUpload, refusePublicQueries],
    beforeChange: [renderPurposeVariants],
    afterRead: [versionFileUrls],
    afterDelete: [removeVariantFiles],
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
    // Payload renders every size for every image; the admin's thumbnail is the only one. What an
    // image is shown as comes from its purpose (`variants`, renderPurposeVariants).
    imageSizes: [{ name: 'thumbnail', width: 480, height: 270, formatOptions: { format: 'webp' } }],
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
    {
      name: 'purpose',
      type: 'select',
      options: [...imagePurposes],
      required: true,
      defaultValue: defaultImagePurpose,
      admin: {
        position: 'sidebar',
        description: 'What the image is shown as; decides which renditions are made.',
      },
    },
    {
      name: 'variants',
      type: 'array',
      admin: {
        readOnly: true,
        description: 'Renditions for srcset, made from the upload for its purpose.',
      },
      fields: [
        { name: 'url', type: 'text', virtual: true },
        { name: 'width', type: 'number', required: true },
        { name: 'height', type: 'number', required: true },
        { name: 'format', type: 'select', options: [...variantFormats], required: true },
        { name: 'mimeType', type: 'text', required: true },
        { name: 'filesize', type: 'number', required: true },
        { name: 'filename', type: 'text', required: true },
      ],
    },
  ],
}
