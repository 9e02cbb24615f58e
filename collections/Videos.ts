import type { CollectionConfig } from 'payload'

import { anyone } from '../src/access/anyone'
import { allowRoles } from '../src/access/checkRole'
import { isStaffField } from '../src/access/isStaff'
import { refusePublicQueries } from '../hooks/media/refusePublicQueries'

const editors = allowRoles('admin', 'editor')
const staffOnly = { read: isStaffField }

/** Containers Mux ingests; Payload checks the file's real type, not just its name. */
export const videoMimeTypes = ['video/*', 'application/mxf']

/**
 * A video is an upload collection whose files never stay here: the Mux plugin
 * (`src/plugins/mux`) sends each uploaded file or source URL to Mux and keeps these fields in
 * step with it. Only staff see Mux ids, playback ids and sources; players get ready-to-use
 * playback data through the titles that use the video.
 */
export const Videos: CollectionConfig<'videos'> = {
  slug: 'videos',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'duration', 'updatedAt'],
    group: 'Media',
  },
  // The public reads videos only populated into titles it may read (refusePublicQueries).
  access: { read: anyone, create: editors, update: editors, delete: editors },
  hooks: { beforeOperation: [refusePublicQueries] },
  disableDuplicate: true,
  upload: {
    // The file is streamed to Mux from a spool; Payload must neither store nor buffer it.
    disableLocalStorage: true,
    mimeTypes: videoMimeTypes,
    filesRequiredOnCreate: false,
    pasteURL: false,
    focalPoint: false,
    crop: false,
    adminThumbnail: ({ doc }) =>
      doc.status === 'ready' ? `/api/videos/${String(doc.id)}/thumbnail` : null,
  },
  fields: [
    { name: 'title', type: 'text', required: true },
    // Payload's own upload fields: the file is not served from here, so staff-only.
    { name: 'filename', type: 'text', access: staffOnly },
    { name: 'mimeType', type: 'text', access: staffOnly },
    { name: 'filesize', type: 'number', access: staffOnly },
    { name: 'thumbnailURL', type: 'text', access: staffOnly },
    { name: 'url', type: 'text', access: staffOnly, hooks: { afterRead: [() => null] } },
  ],
}
