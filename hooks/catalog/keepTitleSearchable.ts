import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { fillSortTitles, type SortedCollection } from '../../src/catalog/sortTitles'
import { removeSearchEntries, syncSearchEntries } from '../../src/search/searchIndex'

/**
 * After a save, every locale has its sort title (a locale without its own title sorts by the
 * one it shows), and the search entries mirror the stored, published document.
 */
export const keepTitleSearchable =
  (collection: SortedCollection): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const locale = req.locale
    const previousTitle = (previousDoc as { title?: unknown } | undefined)?.title
    const previous =
      locale && locale !== 'all' && typeof previousTitle === 'string'
        ? { [locale]: previousTitle }
        : {}
    await fillSortTitles(req.payload, collection, doc.id, previous, req)
    await syncSearchEntries(req.payload, collection, doc.id, req)
    return doc
  }

export const forgetDeletedTitle =
  (collection: SortedCollection): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await removeSearchEntries(req.payload, collection, doc.id, req)
    return doc
  }
