import type { PayloadRequest, Where } from 'payload'

import {
  type ContentCollection,
  type ContentRef,
  type LicenceType,
  type MatrixCell,
  matrixCellOf,
  type VideoFormat,
} from '../availability'
import { answerFor, intervalsFor, loadRightsContext } from './rightsContext'

export type MatrixQuestion = {
  at: Date
  territories: readonly string[]
  collection: ContentCollection
  licenceType?: LicenceType
  format?: VideoFormat
  /** Part of the title (case-insensitive). */
  search?: string
  page: number
  limit: number
}

type MatrixRow = {
  collection: ContentCollection
  id: string
  title: string
  published: boolean
  cells: MatrixCell[]
}

export type AvailabilityMatrix = {
  at: string
  territories: string[]
  /** Each territory's reference time zone, for showing the dates as its local days. */
  timeZones: Record<string, string | null>
  collection: ContentCollection
  rows: MatrixRow[]
  page: number
  limit: number
  totalDocs: number
  totalPages: number
}

type TitleListing = { id: number | string; title?: string | null }

/**
 * One page of titles of a collection (by name) with the engine's state in each territory at
 * the instant, for licensing staff. The page's titles share one rights context.
 */
export const availabilityMatrix = async (
  req: PayloadRequest,
  question: MatrixQuestion,
): Promise<AvailabilityMatrix> => {
  const where: Where = question.search ? { title: { like: question.search } } : {}
  const listing = await req.payload.find({
    collection: question.collection,
    where,
    // Films and series sort the way a reader of the locale expects (see src/text/sortTitle).
    sort:
      question.collection === 'films' || question.collection === 'series' ? 'sortTitle' : 'title',
    page: question.page,
    limit: question.limit,
    depth: 0,
    select: { title: true },
    overrideAccess: false,
    user: req.user,
    req,
  })
  const docs = listing.docs as TitleListing[]
  const nodes: ContentRef[] = docs.map((doc) => ({
    collection: question.collection,
    id: String(doc.id),
  }))
  const context = await loadRightsContext(req.payload, nodes, req)
  const { at, licenceType, format } = question
  const rows = docs.map((doc, index): MatrixRow => {
    const node = nodes[index]
    const cells = question.territories.map((territory) => {
      const title = { node, territory, licenceType, format }
      return matrixCellOf({
        territory,
        answer: answerFor(context, { ...title, at }),
        intervals: intervalsFor(context, title),
        at,
      })
    })
    return {
      collection: question.collection,
      id: node.id,
      title: doc.title || `${question.collection}/${node.id}`,
      published: Boolean(context.factsOf(node)?.published),
      cells,
    }
  })
  return {
    at: at.toISOString(),
    territories: [...question.territories],
    timeZones: Object.fromEntries(
      question.territories.map((territory) => [
        territory,
        context.regions.find((region) => region.code === territory)?.timeZone ?? null,
      ]),
    ),
    collection: question.collection,
    rows,
    page: listing.page ?? question.page,
    limit: question.limit,
    totalDocs: listing.totalDocs,
    totalPages: listing.totalPages,
  }
}
