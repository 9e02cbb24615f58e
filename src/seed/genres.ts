import type { PayloadRequest } from 'payload'

import { slugify } from '../text/slugify'
import { genres } from './data/genres'
import { existingIds, type IdsByKey } from './documentIds'
import { allLocales, everyLocale } from './localized'

/** Genre ids by seed key (the genre's English slug). Existing slugs are reused. */
export const seedGenres = async (req: PayloadRequest): Promise<IdsByKey> => {
  const ids = await existingIds(
    req,
    'genres',
    'slug',
    genres.map(({ key }) => key),
  )
  for (const genre of genres) {
    if (ids.has(genre.key)) continue
    const created = await req.payload.create({
      collection: 'genres',
      locale: everyLocale,
      data: { name: allLocales(genre.name), slug: slugify(genre.key) },
      depth: 0,
      req,
    })
    ids.set(genre.key, created.id)
  }
  return ids
}
