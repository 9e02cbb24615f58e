import type { CollectionSlug, DataFromCollectionSlug, PayloadRequest } from 'payload'

import type { Film } from '../payload-types'

/** Every collection here uses the same id type (numbers on SQL databases). */
export type DocumentId = Film['id']

export type IdsByKey = ReadonlyMap<string, DocumentId>

/** Ids of the documents whose `field` is one of `values`, keyed by that value. */
export const existingIds = async <TSlug extends CollectionSlug>(
  req: PayloadRequest,
  collection: TSlug,
  field: keyof DataFromCollectionSlug<TSlug> & string,
  values: readonly string[],
): Promise<Map<string, DocumentId>> => {
  if (values.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection,
    where: { [field]: { in: values } },
    pagination: false,
    depth: 0,
    locale: 'en',
    req,
  })
  return new Map(docs.map((doc: DataFromCollectionSlug<TSlug>) => [String(doc[field]), doc.id]))
}

/** The id a seed key stands for; a missing one is a mistake in the seed data. */
export const idFor = (ids: IdsByKey, key: string, kind: string): DocumentId => {
  const id = ids.get(key)
  if (id === undefined) throw new Error(`Seed data refers to an unknown ${kind} "${key}".`)
  return id
}
