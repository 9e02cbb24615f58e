import type { Payload, PayloadRequest, Where } from 'payload'

import { sortTitlesFor } from '../text/sortTitle'

export type SortedCollection = 'films' | 'series'

type Localised = Record<string, string | null | undefined>

/** A stored film or series with every locale (`locale: 'all'`). */
export type StoredTitle = { id: number | string } & Record<string, unknown>

const localisedOf = (value: unknown): Localised =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Localised) : {}

/**
 * Gives every locale of a stored title its sort title: Payload saves one locale at a time, and a
 * locale without its own title (it shows the default locale's) must still sort, in the same
 * place on every database (SQLite sorts a missing value first, PostgreSQL last). Reads the
 * stored document with all its locales and, when a sort title is missing or was derived from a
 * title that changed, writes the document back with them, as Payload's own update writes it.
 * `previousTitles`: the titles before the save (by locale), to tell derived values from set ones.
 */
export const fillSortTitles = async (
  payload: Payload,
  collection: SortedCollection,
  id: number | string,
  previousTitles: Localised,
  req?: Partial<PayloadRequest>,
): Promise<boolean> => {
  const localization = payload.config.localization
  if (!localization) return false
  const stored = await payload.db.findOne<StoredTitle>({
    collection,
    where: { id: { equals: id } },
    locale: 'all',
    req,
  })
  if (!stored) return false
  const titles = localisedOf(stored.title)
  const given = localisedOf(stored.sortTitle)
  const next = sortTitlesFor({
    locales: localization.localeCodes,
    defaultLocale: localization.defaultLocale,
    titles,
    previousTitles: { ...titles, ...previousTitles },
    given,
  })
  const changed = localization.localeCodes.some(
    (locale) => (given[locale] ?? null) !== next[locale],
  )
  if (!changed) return false
  // Join fields are read, never stored: they are not written back.
  const data: Record<string, unknown> = { ...stored, sortTitle: next }
  for (const field of payload.collections[collection].config.flattenedFields) {
    if (field.type === 'join') delete data[field.name]
  }
  await payload.db.updateOne({
    collection,
    id,
    data,
    locale: 'all',
    req,
  })
  return true
}

/**
 * Titles stored before sort titles existed (or written around Payload) get theirs: at start-up,
 * every film and series with a locale whose sort title is missing. Returns how many were filled.
 */
export const backfillSortTitles = async (
  payload: Payload,
  { batchSize = 200 }: { batchSize?: number } = {},
): Promise<number> => {
  const localization = payload.config.localization
  if (!localization) return 0
  let filled = 0
  for (const collection of ['films', 'series'] as const) {
    const missing: Where = {
      or: localization.localeCodes.map((locale) => ({
        [`sortTitle.${locale}`]: { exists: false },
      })),
    }
    let afterId: number | string | null = null
    for (;;) {
      const where: Where =
        afterId === null ? missing : { and: [missing, { id: { greater_than: afterId } }] }
      const { docs } = await payload.find({
        collection,
        where,
        locale: 'all',
        sort: 'id',
        limit: batchSize,
        depth: 0,
        overrideAccess: true,
        select: {},
      })
      if (docs.length === 0) break
      for (const doc of docs) {
        if (await fillSortTitles(payload, collection, doc.id, {})) filled += 1
      }
      afterId = docs[docs.length - 1].id
    }
  }
  return filled
}
