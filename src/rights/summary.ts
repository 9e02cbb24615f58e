import type { Payload, PayloadRequest, Where } from 'payload'

import type { ContentCollection, Offer } from '../availability'
import { openEndInstant } from './materialize'

/** Availability rows of a territory in force at an instant (half-open: start <= at < end). */
export const rowsInForce = (territory: string, at: string): Where[] => [
  { territory: { equals: territory } },
  { start: { less_than_equal: at } },
  { end: { greater_than: at } },
]

export type AvailabilitySummary = {
  territory: string
  licenceTypes: string[]
  formats: string[]
  /** When this answer may change (UTC); null when it will not. */
  validUntil: string | null
}

type RowLike = { contentKey: string; end: string; offers?: unknown }

const summaryOf = (territory: string, row: RowLike): AvailabilitySummary => {
  const offers = (Array.isArray(row.offers) ? row.offers : []) as Offer[]
  return {
    territory,
    licenceTypes: offers.map((offer) => offer.licenceType),
    formats: [...new Set(offers.flatMap((offer) => offer.formats))].sort(),
    validUntil: new Date(row.end).toISOString() === openEndInstant ? null : row.end,
  }
}

/** The rows in force at `at` for these titles, one per title at most. */
export const summariesFor = async (
  payload: Payload,
  collection: ContentCollection,
  ids: readonly (string | number)[],
  territory: string,
  at: string,
  req: PayloadRequest,
): Promise<Map<string, AvailabilitySummary>> => {
  if (ids.length === 0) return new Map()
  const { docs } = await payload.find({
    collection: 'availability-windows',
    where: {
      and: [
        { contentKey: { in: ids.map((id) => `${collection}/${id}`) } },
        ...rowsInForce(territory, at),
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { contentKey: true, end: true, offers: true },
    req,
  })
  return new Map(docs.map((row) => [row.contentKey.split('/')[1], summaryOf(territory, row)]))
}

/** The next instant a title of the collection becomes available in the territory. */
export const nextAppearance = async (
  payload: Payload,
  collection: ContentCollection,
  territory: string,
  at: string,
  req: PayloadRequest,
): Promise<string | null> => {
  const { docs } = await payload.find({
    collection: 'availability-windows',
    where: {
      and: [
        { titleCollection: { equals: collection } },
        { territory: { equals: territory } },
        { start: { greater_than: at } },
      ],
    },
    sort: 'start',
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { start: true },
    req,
  })
  return docs[0]?.start ?? null
}

const maxAgeCeilingSeconds = 300

/** Public caching may not outlive the earliest change of anything on the response. */
export const cacheControlFor = (at: string, changes: readonly (string | null)[]): string => {
  const nextChange = changes
    .filter((instant): instant is string => Boolean(instant))
    .map((instant) => Date.parse(instant))
    .reduce((earliest, instant) => Math.min(earliest, instant), Infinity)
  const seconds = Math.max(
    0,
    Math.min(maxAgeCeilingSeconds, Math.floor((nextChange - Date.parse(at)) / 1000)),
  )
  return `public, max-age=${seconds}`
}
