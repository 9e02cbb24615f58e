import type { PayloadRequest, TypedLocale } from 'payload'

import { visibleTitleIds } from '../access/publishedAndAvailable'
import type { SortedCollection } from '../catalog/sortTitles'
import { stricterCacheControl } from '../http/publicCacheControl'
import type { Image, SearchEntry, SearchHit, SearchResults } from '../payload-types'
import {
  type AvailabilitySummary,
  cacheControlFor,
  nextAppearance,
  summariesFor,
} from '../rights/summary'
import { availabilityInstantOf, viewerTerritoryOf } from '../rights/viewerTerritory'
import { isStaffUser, type RoleBearer } from '../roles'
import {
  compareRanked,
  queryFormsOf,
  queryNeedlesOf,
  type RankedCandidate,
  rankTerms,
} from './ranking'
import { searchedCollections } from './searchIndex'
import type { SearchQuery } from './searchQuery'

/** What the page's read gives for each hit (films and series alike). */
type HitDocument = {
  id: number
  title?: string | null
  slug?: string | null
  sortTitle?: string | null
  poster?: number | Image | null
  availability?: AvailabilitySummary | null
}

type Candidate = RankedCandidate & { collection: SortedCollection; matchLocale: string }

/** Ids are looked up in bounded chunks (SQLite refuses more than ~32,000 parameters). */
const idChunk = 2000

const visibleAmong = async (
  req: PayloadRequest,
  collection: SortedCollection,
  ids: readonly string[],
): Promise<Set<string>> => {
  const visible = new Set<string>()
  for (let start = 0; start < ids.length; start += idChunk) {
    for (const id of await visibleTitleIds(req, collection, ids.slice(start, start + idChunk))) {
      visible.add(id)
    }
  }
  return visible
}

/**
 * The answer (its hits, their count and pages) may not be cached past the moment one of the
 * matching titles stops being available, or a title of either collection becomes available
 * (it might match).
 */
const limitCacheToResults = async (req: PayloadRequest, ranked: readonly Candidate[]) => {
  const territory = await viewerTerritoryOf(req)
  const at = availabilityInstantOf(req)
  const changes: (string | null)[] = []
  for (const collection of searchedCollections) {
    const ids = ranked
      .filter((candidate) => candidate.collection === collection)
      .map((candidate) => candidate.id)
    for (let start = 0; start < ids.length; start += idChunk) {
      const chunk = ids.slice(start, start + idChunk)
      const summaries = await summariesFor(req.payload, collection, chunk, territory, at, req)
      for (const summary of summaries.values()) changes.push(summary.validUntil ?? null)
    }
    changes.push(await nextAppearance(req.payload, collection, territory, at, req))
  }
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set(
    'Cache-Control',
    stricterCacheControl(req.responseHeaders.get('Cache-Control'), cacheControlFor(at, changes)),
  )
}

/**
 * Public search over film and series titles in every locale. The index finds candidates (one
 * `contains` per query spelling), `rankTitle` keeps the real matches and ranks them, and the
 * catalog's own read access (`visibleTitleIds`, the filter of every public read) keeps only
 * titles the viewer may see now, before anything is counted or paged. The page's documents are
 * then read through the content API itself (overrideAccess false), which adds their
 * availability summaries and bounds the response's caching.
 */
export const searchTitles = async (
  req: PayloadRequest,
  { q, locale, page, limit }: SearchQuery,
): Promise<SearchResults> => {
  const needles = queryNeedlesOf(q)
  const queryForms = queryFormsOf(q)
  // Straight from the adapter: an internal read of possibly thousands of rows, which Payload's
  // operation would walk through its read hooks one by one.
  const { docs: entries } = await req.payload.db.find<SearchEntry>({
    collection: 'search-entries',
    where: { or: needles.map((needle) => ({ terms: { contains: needle } })) },
    limit: 0,
    pagination: false,
    sort: 'id',
    select: { contentKey: true, titleCollection: true, locale: true, sortTitle: true, terms: true },
    req,
  })

  const best = new Map<string, Candidate>()
  const viewerSortTitle = new Map<string, string>()
  for (const entry of entries) {
    const [, id] = entry.contentKey.split('/')
    if (entry.locale === locale && entry.sortTitle) {
      viewerSortTitle.set(entry.contentKey, entry.sortTitle)
    }
    const tier = rankTerms(entry.terms, queryForms)
    if (!tier) continue
    const candidate: Candidate = {
      collection: entry.titleCollection,
      id,
      tier,
      inViewerLocale: entry.locale === locale,
      sortTitle: entry.sortTitle ?? '',
      matchLocale: entry.locale,
    }
    const current = best.get(entry.contentKey)
    if (!current || compareRanked(candidate, current) < 0) best.set(entry.contentKey, candidate)
  }

  const visible = new Map<SortedCollection, Set<string>>()
  for (const collection of searchedCollections) {
    const ids = [...best.values()]
      .filter((candidate) => candidate.collection === collection)
      .map((candidate) => candidate.id)
    visible.set(collection, ids.length ? await visibleAmong(req, collection, ids) : new Set())
  }
  const ranked = [...best.entries()]
    .filter(([, candidate]) => visible.get(candidate.collection)?.has(candidate.id))
    .map(([key, candidate]) => ({
      ...candidate,
      sortTitle: viewerSortTitle.get(key) ?? candidate.sortTitle,
    }))
    .sort(compareRanked)

  if (!isStaffUser(req.user as RoleBearer)) await limitCacheToResults(req, ranked)

  const totalDocs = ranked.length
  const totalPages = Math.max(1, Math.ceil(totalDocs / limit))
  const onPage = ranked.slice((page - 1) * limit, page * limit)

  const read = new Map<string, HitDocument>()
  for (const collection of searchedCollections) {
    const ids = onPage
      .filter((candidate) => candidate.collection === collection)
      .map((candidate) => candidate.id)
    if (ids.length === 0) continue
    const { docs } = await req.payload.find({
      collection,
      where: { id: { in: ids } },
      locale: locale as TypedLocale,
      limit: ids.length,
      // The poster populated, as on rail cards.
      depth: 1,
      overrideAccess: false,
      joins: false,
      select: { title: true, slug: true, sortTitle: true, poster: true, availability: true },
      req,
    })
    for (const doc of docs) read.set(`${collection}/${String(doc.id)}`, doc)
  }

  const docs = onPage.flatMap((candidate): SearchHit[] => {
    const doc = read.get(`${candidate.collection}/${candidate.id}`)
    // Seen by the filter a moment ago, gone now (a window just closed): left out of this page.
    if (!doc) return []
    return [
      {
        id: doc.id,
        collection: candidate.collection,
        title: doc.title ?? null,
        slug: doc.slug ?? null,
        sortTitle: doc.sortTitle ?? null,
        poster: doc.poster ?? null,
        availability: doc.availability ?? null,
        match: { tier: candidate.tier, locale: candidate.matchLocale },
      },
    ]
  })

  return {
    docs,
    totalDocs,
    limit,
    totalPages,
    page,
    pagingCounter: (page - 1) * limit + 1,
    hasPrevPage: page > 1,
    hasNextPage: page < totalPages,
    prevPage: page > 1 ? page - 1 : null,
    nextPage: page < totalPages ? page + 1 : null,
  }
}
