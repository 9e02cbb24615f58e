import type { CollectionConfig } from 'payload'

import { allowRoles } from '../access/checkRole'
import { isStaff } from '../access/isStaff'
import { publishedOrStaff } from '../access/publishedOrStaff'

const editors = allowRoles('admin', 'editor')

/** Editors curate and publish; licensing staff read; the public reads published documents. */
export const catalogAccess: CollectionConfig['access'] = {
  read: publishedOrStaff,
  readVersions: isStaff,
  create: editors,
  update: editors,
  delete: editors,
}

/** Drafts with autosave, version history and publishing at a future time. */
export const catalogVersions: CollectionConfig['versions'] = {
  maxPerDoc: 50,
  drafts: {
    autosave: { interval: 2000 },
    schedulePublish: true,
  },
}
