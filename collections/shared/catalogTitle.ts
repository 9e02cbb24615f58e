import type { CollectionConfig } from 'payload'

import {
  refreshAvailabilityAfterTitleDelete,
  refreshTitleAvailability,
} from '../../hooks/catalog/refreshTitleAvailability'
import { forgetDeletedTitle, keepTitleSearchable } from '../../hooks/catalog/keepTitleSearchable'
import { requireViewerTerritory } from '../../hooks/catalog/requireViewerTerritory'
import { settleAvailability } from '../../hooks/catalog/settleAvailability'
import { summariseAvailability } from '../../hooks/catalog/summariseAvailability'
import { allowRoles } from '../../src/access/checkRole'
import { isStaff } from '../../src/access/isStaff'
import { publishedAndAvailable } from '../../src/access/publishedAndAvailable'
import type { ContentCollection } from '../../src/availability'
import type { SortedCollection } from '../../src/catalog/sortTitles'

const editors = allowRoles('admin', 'editor')

/**
 * Editors curate and publish; licensing staff read; the public reads what is published and
 * available in their territory now.
 */
export const catalogAccess = (collection: ContentCollection): CollectionConfig['access'] => ({
  read: publishedAndAvailable(collection),
  readVersions: isStaff,
  create: editors,
  update: editors,
  delete: editors,
})

/** Keeps availability rows in step with the title, and summarises them on public reads. */
export const catalogHooks = (collection: ContentCollection): CollectionConfig['hooks'] => ({
  beforeOperation: [requireViewerTerritory],
  afterChange: [refreshTitleAvailability(collection)],
  afterDelete: [refreshAvailabilityAfterTitleDelete(collection)],
  afterRead: [settleAvailability],
  afterOperation: [summariseAvailability(collection)],
})

/** Films and series also keep their sort titles in every locale and their search entries. */
export const searchableCatalogHooks = (collection: SortedCollection): CollectionConfig['hooks'] => {
  const hooks = catalogHooks(collection)
  return {
    ...hooks,
    afterChange: [...(hooks?.afterChange ?? []), keepTitleSearchable(collection)],
    afterDelete: [...(hooks?.afterDelete ?? []), forgetDeletedTitle(collection)],
  }
}

/** Drafts with autosave, version history and publishing at a future time. */
export const catalogVersions: CollectionConfig['versions'] = {
  maxPerDoc: 50,
  drafts: {
    autosave: { interval: 2000 },
    schedulePublish: true,
  },
}
