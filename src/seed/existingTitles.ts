import type { PayloadRequest } from 'payload'

import { slugify } from '../text/slugify'
import type { TitleSeed } from './data/types'
import { existingIds, type DocumentId } from './documentIds'

/** Ids of the titles already stored, by seed key; a title is known by its English slug. */
export const existingTitleIds = async (
  req: PayloadRequest,
  collection: 'films' | 'series',
  titles: readonly TitleSeed[],
): Promise<Map<string, DocumentId>> => {
  const slugOf = (seed: TitleSeed) => slugify(seed.title.en)
  const bySlug = await existingIds(req, collection, 'slug', titles.map(slugOf))
  const ids = new Map<string, DocumentId>()
  for (const seed of titles) {
    const id = bySlug.get(slugOf(seed))
    if (id !== undefined) ids.set(seed.key, id)
  }
  return ids
}
