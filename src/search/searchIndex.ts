import type { Payload, PayloadRequest } from 'payload'

import type { SortedCollection, StoredTitle } from '../catalog/sortTitles'
import { searchTermsOf } from './ranking'

export const searchedCollections: SortedCollection[] = ['films', 'series']

export type SearchEntryData = {
  contentKey: string
  titleCollection: SortedCollection
  locale: string
  title: string
  sortTitle: string | null
  terms: string
}

type Localised = Record<string, string | null | undefined>

const localisedOf = (value: unknown): Localised =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Localised) : {}

/** The entries a stored title (all locales) should have: none unless it is published. */
export const expectedEntries = (
  collection: SortedCollection,
  doc: StoredTitle | null,
  locales: readonly string[],
): SearchEntryData[] => {
  if (!doc || doc._status !== 'published') return []
  const titles = localisedOf(doc.title)
  const sortTitles = localisedOf(doc.sortTitle)
  return locales.flatMap((locale) => {
    const title = titles[locale]?.trim()
    if (!title) return []
    return [
      {
        contentKey: `${collection}/${String(doc.id)}`,
        titleCollection: collection,
        locale,
        title,
        sortTitle: sortTitles[locale] ?? null,
        terms: searchTermsOf(title, locale),
      },
    ]
  })
}

const comparable = (entry: SearchEntryData) =>
  [entry.locale, entry.title, entry.sortTitle ?? '', entry.terms].join('\u0000')

const sameEntries = (a: readonly SearchEntryData[], b: readonly SearchEntryData[]) =>
  a.length === b.length &&
  a
    .map(comparable)
    .sort()
    .every((value, index) => value === b.map(comparable).sort()[index])

const storedEntries = async (
  payload: Payload,
  contentKeys: readonly string[],
  req?: Partial<PayloadRequest>,
) => {
  const { docs } = await payload.find({
    collection: 'search-entries',
    where: { contentKey: { in: [...contentKeys] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs
}

const replaceEntries = async (
  payload: Payload,
  contentKey: string,
  entries: readonly SearchEntryData[],
  req?: Partial<PayloadRequest>,
) => {
  await payload.db.deleteMany({
    collection: 'search-entries',
    where: { contentKey: { equals: contentKey } },
    req,
  })
  for (const data of entries) {
    await payload.create({ collection: 'search-entries', data, overrideAccess: true, req })
  }
}

const storedTitle = (
  payload: Payload,
  collection: SortedCollection,
  id: number | string,
  req?: Partial<PayloadRequest>,
) =>
  payload.db.findOne<StoredTitle>({
    collection,
    where: { id: { equals: id } },
    locale: 'all',
    req,
  })

const localesOf = (payload: Payload): string[] => {
  const localization = payload.config.localization
  return localization ? localization.localeCodes : ['en']
}

/**
 * Makes a title's entries what its stored (published) document says: entries for each locale
 * with its own title while it is published, none once it is a draft or deleted. Drafts saved
 * over a published title leave the entries alone (the stored document is still the published
 * one), so unreleased titles can never be found.
 */
export const syncSearchEntries = async (
  payload: Payload,
  collection: SortedCollection,
  id: number | string,
  req?: Partial<PayloadRequest>,
): Promise<boolean> => {
  const contentKey = `${collection}/${String(id)}`
  const expected = expectedEntries(
    collection,
    await storedTitle(payload, collection, id, req),
    localesOf(payload),
  )
  const stored = await storedEntries(payload, [contentKey], req)
  if (sameEntries(expected, stored as SearchEntryData[])) return false
  await replaceEntries(payload, contentKey, expected, req)
  return true
}

export const removeSearchEntries = async (
  payload: Payload,
  collection: SortedCollection,
  id: number | string,
  req?: Partial<PayloadRequest>,
) =>
  payload.db.deleteMany({
    collection: 'search-entries',
    where: { contentKey: { equals: `${collection}/${String(id)}` } },
    req,
  })

/** The next titles of a collection after an id, with every locale of the fields entries use. */
const titleBatch = async (
  payload: Payload,
  collection: SortedCollection,
  afterId: number | string | null,
  limit: number,
  req?: Partial<PayloadRequest>,
): Promise<StoredTitle[]> => {
  const { docs } = await payload.find({
    collection,
    where: afterId === null ? undefined : { id: { greater_than: afterId } },
    sort: 'id',
    limit,
    depth: 0,
    locale: 'all',
    overrideAccess: true,
    select: { title: true, sortTitle: true, _status: true },
    req,
  })
  return docs as StoredTitle[]
}

export type SearchIndexCheck = {
  /** Titles checked. */
  checked: number
  /** Titles whose entries differed from their stored document (missing, stale or extra). */
  differing: number
  /** Entries of titles that no longer exist. */
  orphans: number
  repaired: number
  /** The first differing content keys. */
  examples: string[]
}

/**
 * Compares every title's entries with what its stored document gives, and finds entries of
 * titles that no longer exist; with `repair`, rewrites the differing ones and deletes orphans.
 * The rights audit runs it; `rebuild` at start when the index is empty.
 */
export type SearchIndexAuditOptions = {
  repair?: boolean
  batchSize?: number
  /** Called once per repaired title (its entries rewritten, or an orphan's deleted). */
  onRepair?: (contentKey: string, kind: 'differing' | 'orphan') => void
  req?: Partial<PayloadRequest>
}

export const auditSearchIndex = async (
  payload: Payload,
  { repair = false, batchSize = 200, onRepair, req }: SearchIndexAuditOptions = {},
): Promise<SearchIndexCheck> => {
  const result: SearchIndexCheck = {
    checked: 0,
    differing: 0,
    orphans: 0,
    repaired: 0,
    examples: [],
  }
  const locales = localesOf(payload)
  for (const collection of searchedCollections) {
    let afterId: number | string | null = null
    for (;;) {
      const docs = await titleBatch(payload, collection, afterId, batchSize, req)
      if (docs.length === 0) break
      const keys = docs.map((doc) => `${collection}/${String(doc.id)}`)
      const stored = (await storedEntries(payload, keys, req)) as SearchEntryData[]
      for (const doc of docs) {
        const key = `${collection}/${String(doc.id)}`
        const expected = expectedEntries(collection, doc, locales)
        const current = stored.filter((entry) => entry.contentKey === key)
        result.checked += 1
        if (sameEntries(expected, current)) continue
        result.differing += 1
        if (result.examples.length < 10) result.examples.push(key)
        if (repair) {
          await replaceEntries(payload, key, expected, req)
          result.repaired += 1
          onRepair?.(key, 'differing')
        }
      }
      afterId = docs[docs.length - 1].id
    }
  }
  // Entries whose title is gone: their content keys name no stored film or series.
  const { docs: entries } = await payload.find({
    collection: 'search-entries',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { contentKey: true },
    req,
  })
  const contentKeys = [...new Set(entries.map((entry) => entry.contentKey))]
  for (const collection of searchedCollections) {
    const ids = contentKeys
      .filter((key) => key.startsWith(`${collection}/`))
      .map((key) => key.slice(collection.length + 1))
    for (let start = 0; start < ids.length; start += 1000) {
      const chunk = ids.slice(start, start + 1000)
      const { docs } = await payload.find({
        collection,
        where: { id: { in: chunk } },
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: {},
        req,
      })
      const alive = new Set(docs.map((doc) => String(doc.id)))
      for (const id of chunk.filter((candidate) => !alive.has(candidate))) {
        result.orphans += 1
        if (result.examples.length < 10) result.examples.push(`${collection}/${id}`)
        if (repair) {
          await removeSearchEntries(payload, collection, id, req)
          result.repaired += 1
          onRepair?.(`${collection}/${id}`, 'orphan')
        }
      }
    }
  }
  return result
}

/** At start: an empty index over a catalog with published titles is built once. */
export const ensureSearchIndex = async (payload: Payload): Promise<number> => {
  const { totalDocs: entries } = await payload.count({
    collection: 'search-entries',
    overrideAccess: true,
  })
  if (entries > 0) return 0
  let published = 0
  for (const collection of searchedCollections) {
    const { totalDocs } = await payload.count({
      collection,
      where: { _status: { equals: 'published' } },
      overrideAccess: true,
    })
    published += totalDocs
  }
  if (published === 0) return 0
  return (await auditSearchIndex(payload, { repair: true })).repaired
}
