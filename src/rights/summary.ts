import type { Payload, PayloadRequest } from 'payload'

import {
  type ContentCollection,
  type ContentRef,
  type LicenceType,
  nodeKey,
  type Offer,
  type VideoFormat,
} from '../availability'
import { formatPublicCacheControl, lifetimeUntil } from '../http/publicCacheControl'
import type { AvailabilitySummary } from '../payload-types'
import type { RowState } from './materialize'
import { openEndInstant, rowsInForce } from './rowsInForce'

export type { AvailabilitySummary }

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
        { contentKey: { in: ids.map((id) => nodeKey({ collection, id: String(id) })) } },
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

/**
 * The next instant a title of the collection (or, with `ids`, one of these titles) gets a row
 * of this state in the territory: becomes available (the default), or, `announced`, is
 * announced as coming soon.
 */
export const nextAppearance = async (
  payload: Payload,
  collection: ContentCollection,
  territory: string,
  at: string,
  req: PayloadRequest,
  { ids, state = 'available' }: { ids?: readonly (string | number)[]; state?: RowState } = {},
): Promise<string | null> => {
  const { docs } = await payload.find({
    collection: 'availability-windows',
    where: {
      and: [
        ids
          ? { contentKey: { in: ids.map((id) => nodeKey({ collection, id: String(id) })) } }
          : { titleCollection: { equals: collection } },
        { territory: { equals: territory } },
        { state: { equals: state } },
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

/**
 * Public caching may not outlive the earliest change of anything on the response: `max-age`
 * and the stale windows together end by then (src/http/publicCacheControl.ts).
 */
export const cacheControlFor = (
  at: string,
  changes: readonly (string | null | undefined)[],
): string => {
  const nextChange = changes
    .filter((instant): instant is string => Boolean(instant))
    .map((instant) => Date.parse(instant))
    .reduce((earliest, instant) => Math.min(earliest, instant), Infinity)
  return formatPublicCacheControl(lifetimeUntil(Date.parse(at), nextChange))
}

export type StoredAvailability = {
  /** What a public read of the title answers now: published, and a stored row in force. */
  available: boolean
  /** When the stored row in force ends (null: open-ended or not available). */
  validUntil: string | null
}

/**
 * What the content API answers for one title at an instant, read from the stored rows the
 * public filter uses (not recomputed): the staff endpoint shows it beside the engine's answer.
 */
export const storedAvailability = async (
  payload: Payload,
  question: {
    node: ContentRef
    territory: string
    at: Date
    licenceType?: LicenceType
    format?: VideoFormat
  },
  req?: Partial<PayloadRequest>,
): Promise<StoredAvailability> => {
  const { node, territory, at, licenceType, format } = question
  const { docs: titles } = await payload.find({
    collection: node.collection,
    where: { id: { equals: node.id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { _status: true },
    req,
  })
  const { docs: rows } = await payload.find({
    collection: 'availability-windows',
    where: {
      and: [{ contentKey: { equals: nodeKey(node) } }, ...rowsInForce(territory, at.toISOString())],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { end: true, offers: true },
    req,
  })
  const matching = rows.filter((row) => {
    const offers = (Array.isArray(row.offers) ? row.offers : []) as Offer[]
    return offers.some(
      (offer) =>
        (!licenceType || offer.licenceType === licenceType) &&
        (!format || offer.formats.includes(format)),
    )
  })
  const published = titles[0]?._status === 'published'
  const row = published ? matching[0] : undefined
  if (!row) return { available: false, validUntil: null }
  return {
    available: true,
    validUntil: new Date(row.end).toISOString() === openEndInstant ? null : row.end,
  }
}
