import type { PayloadRequest } from 'payload'

import { films } from './data/films'
import type { DocumentId, IdsByKey } from './documentIds'
import { everyLocale } from './localized'
import { giveTitleArtwork } from './titleArtwork'
import { titleArtwork, titleData, type CatalogRefs } from './titleData'

export type SeededFilms = { ids: IdsByKey; created: number }

/** Creates the films not in `existing` (by seed key); returns every film's id by seed key. */
export const seedFilms = async (
  req: PayloadRequest,
  refs: CatalogRefs,
  existing: IdsByKey,
): Promise<SeededFilms> => {
  const ids = new Map<string, DocumentId>(existing)
  let created = 0
  for (const film of films) {
    if (ids.has(film.key)) continue
    const doc = await req.payload.create({
      collection: 'films',
      locale: everyLocale,
      draft: Boolean(film.draft),
      data: { ...titleData(film, refs), runtimeMinutes: film.runtimeMinutes },
      depth: 0,
      req,
    })
    await giveTitleArtwork(req, 'films', doc.id, doc._status, titleArtwork(film, refs))
    ids.set(film.key, doc.id)
    created++
  }
  return { ids, created }
}
