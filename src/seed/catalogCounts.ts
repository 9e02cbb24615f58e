import type { CollectionSlug, PayloadRequest } from 'payload'

const countedCollections = [
  'films',
  'series',
  'seasons',
  'episodes',
  'genres',
  'people',
  'images',
  'licences',
  'regions',
  'users',
] as const satisfies readonly CollectionSlug[]

export type CatalogCounts = Record<(typeof countedCollections)[number], number> & {
  draftFilms: number
}

/** How many documents each seeded collection holds (drafts included). */
export const countCatalog = async (req: PayloadRequest): Promise<CatalogCounts> => {
  const counts = { draftFilms: 0 } as CatalogCounts
  for (const collection of countedCollections) {
    counts[collection] = (await req.payload.count({ collection, req })).totalDocs
  }
  counts.draftFilms = (
    await req.payload.count({ collection: 'films', where: { _status: { equals: 'draft' } }, req })
  ).totalDocs
  return counts
}

export const describeCounts = (counts: CatalogCounts): string =>
  `${counts.films} films (${counts.draftFilms} drafts), ${counts.series} series, ` +
  `${counts.seasons} seasons, ${counts.episodes} episodes, ${counts.people} people, ` +
  `${counts.images} images, ${counts.licences} licences, ${counts.regions} regions`
