import type { Payload, PayloadRequest } from 'payload'

import {
  announcementRunCalculator,
  type ContentRef,
  inheritedApprovalNumber,
  intervalRunCalculator,
  nodeKey,
  type Offer,
  passesPolicyGates,
} from '../availability'
import { documentId } from './ids'
import { loadRightsContext, type RightsContext } from './rightsContext'
import { openEndInstant } from './rowsInForce'
import { insertAvailabilityRows } from './tableWrites'

const relationFieldOf = {
  films: 'film',
  series: 'series',
  seasons: 'season',
  episodes: 'episode',
} as const

export const rowStates = ['available', 'announced'] as const
export type RowState = (typeof rowStates)[number]

const instantOf = (ms: number) => (ms === Infinity ? openEndInstant : new Date(ms).toISOString())

export type AvailabilityRow = {
  contentKey: string
  titleCollection: ContentRef['collection']
  territory: string
  start: string
  end: string
  offers: Offer[]
  /** `announced` rows are for the coming-soon rail only; the content API reads `available`. */
  state: RowState
  /**
   * Available rows: the start of the unbroken stretch of availability the row belongs to (rows
   * also split where offers change). Announced rows: when the title becomes available.
   */
  availableFrom: string
  /** Available rows: the end of that stretch (openEndInstant when open). Announced: null. */
  availableUntil: string | null
} & Partial<Record<(typeof relationFieldOf)[keyof typeof relationFieldOf], string | number>>

/**
 * The rows that say when each title of the context is available in each territory: for
 * published titles (and ancestors) that pass the territory's gates, the engine's intervals.
 */
export const computeAvailabilityRows = (
  idFor: (id: string) => string | number,
  context: Pick<RightsContext, 'tree' | 'nodes' | 'factsOf' | 'licences' | 'index'>,
  nodes: readonly ContentRef[] = context.nodes,
): AvailabilityRow[] => {
  const territories = [
    ...new Set(
      context.licences.flatMap((licence) => licence.windows.map((window) => window.territory)),
    ),
  ].sort()
  const rows: AvailabilityRow[] = []
  // Titles of one batch share most boundaries (a season's are its episodes'): write each once.
  const isoTexts = new Map<number, string>()
  const isoText = (instant: number) => {
    let text = isoTexts.get(instant)
    if (text === undefined) {
      text = instantOf(instant)
      isoTexts.set(instant, text)
    }
    return text
  }
  for (const territory of territories) {
    const policy = context.index.policies.get(territory)
    const includeLeaf = (leaf: ContentRef) =>
      Boolean(context.factsOf(leaf)?.published) &&
      passesPolicyGates(policy, {
        cnApprovalNumber: inheritedApprovalNumber(leaf, context.tree, context.factsOf),
      })
    const runsOf = intervalRunCalculator(context.index, territory, { includeLeaf })
    const announcementsOf = announcementRunCalculator(context.index, territory, { includeLeaf })
    for (const node of nodes) {
      const runs = runsOf(node)
      const announcements = announcementsOf(node)
      if (runs.length === 0 && announcements.length === 0) continue
      const common = {
        contentKey: nodeKey(node),
        titleCollection: node.collection,
        territory,
        [relationFieldOf[node.collection]]: idFor(node.id),
      }
      // Runs that touch are one unbroken stretch of availability.
      const stretchStarts: number[] = []
      runs.forEach((run, position) => {
        const previous = runs[position - 1]
        stretchStarts.push(
          previous && previous.end === run.start ? stretchStarts[position - 1] : run.start,
        )
      })
      const stretchEnds: number[] = []
      for (let position = runs.length - 1; position >= 0; position -= 1) {
        const next = runs[position + 1]
        stretchEnds[position] =
          next && next.start === runs[position].end ? stretchEnds[position + 1] : runs[position].end
      }
      runs.forEach((run, position) => {
        rows.push({
          ...common,
          start: isoText(run.start),
          end: isoText(run.end),
          offers: run.offers,
          state: 'available',
          availableFrom: isoText(stretchStarts[position]),
          availableUntil: isoText(stretchEnds[position]),
        })
      })
      for (const announcement of announcements) {
        rows.push({
          ...common,
          start: isoText(announcement.start),
          end: isoText(announcement.end),
          offers: [],
          state: 'announced',
          availableFrom: isoText(announcement.availableFrom),
          availableUntil: null,
        })
      }
    }
  }
  return rows
}

/** Replaces the stored rows of these titles (by content key) with `rows`. */
export const replaceAvailabilityRows = async (
  payload: Payload,
  keys: readonly string[],
  rows: readonly AvailabilityRow[],
  req?: Partial<PayloadRequest>,
): Promise<void> => {
  if (keys.length === 0) return
  await payload.db.deleteMany({
    collection: 'availability-windows',
    where: { contentKey: { in: [...keys] } },
    req,
  })
  if (await insertAvailabilityRows(payload, rows, req)) return
  for (const row of rows) {
    await payload.db.create({ collection: 'availability-windows', data: row, req })
  }
}

/**
 * Recomputes the availability rows of some titles and of everything whose answer depends on
 * them (their ancestors, as containers, and their descendants, through scope), inside the
 * caller's transaction when `req` is given.
 */
export const rematerializeAvailability = async (
  payload: Payload,
  roots: readonly ContentRef[],
  req?: Partial<PayloadRequest>,
): Promise<{ titles: number; rows: number }> => {
  if (roots.length === 0) return { titles: 0, rows: 0 }
  const context = await loadRightsContext(payload, roots, req)
  const keys = [...new Set([...context.nodes, ...roots].map(nodeKey))]
  const rows = computeAvailabilityRows((id) => documentId(payload, id), context)
  await replaceAvailabilityRows(payload, keys, rows, req)
  return { titles: keys.length, rows: rows.length }
}
