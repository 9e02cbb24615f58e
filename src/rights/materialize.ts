import type { Payload, PayloadRequest } from 'payload'

import {
  availableIntervals,
  buildAvailabilityIndex,
  type ContentRef,
  inheritedApprovalNumber,
  nodeKey,
  passesPolicyGates,
} from '../availability'
import { type AvailabilitySegment, segmentsFrom } from '../availability/segments'
import { type CatalogGraph, loadCatalogGraph } from './catalogGraph'
import { engineLicenceFrom, loadLicencesFor } from './licenceRecords'
import { loadRegions } from './regions'

/** Stored for open-ended windows so the content API filter is a plain range check. */
export const openEndInstant = '9999-12-31T23:59:59.999Z'

const relationFieldOf = {
  films: 'film',
  series: 'series',
  seasons: 'season',
  episodes: 'episode',
} as const

export type AvailabilityRow = {
  contentKey: string
  titleCollection: ContentRef['collection']
  territory: string
  start: string
  end: string
  offers: AvailabilitySegment['offers']
} & Partial<Record<(typeof relationFieldOf)[keyof typeof relationFieldOf], string | number>>

const rowId = (payload: Payload, id: string): string | number =>
  payload.db.defaultIDType === 'number' ? Number(id) : id

/** The rows that say when each title of the graph is available in each territory. */
export const computeAvailabilityRows = async (
  payload: Payload,
  graph: CatalogGraph,
  req?: Partial<PayloadRequest>,
): Promise<AvailabilityRow[]> => {
  const licences = (await loadLicencesFor(payload, graph.nodes, req)).map(engineLicenceFrom)
  const regions = await loadRegions(payload, req)
  const index = buildAvailabilityIndex(licences, graph.tree, regions)
  const territories = [
    ...new Set(licences.flatMap((licence) => licence.windows.map((window) => window.territory))),
  ].sort()
  const factsOf = (node: ContentRef) => graph.facts.get(nodeKey(node))

  const rows: AvailabilityRow[] = []
  for (const territory of territories) {
    const policy = index.policies.get(territory)
    const includeLeaf = (leaf: ContentRef) =>
      Boolean(factsOf(leaf)?.published) &&
      passesPolicyGates(policy, {
        cnApprovalNumber: inheritedApprovalNumber(leaf, graph.tree, factsOf),
      })
    for (const node of graph.nodes) {
      const relation = relationFieldOf[node.collection]
      for (const segment of segmentsFrom(
        availableIntervals(index, node, territory, { includeLeaf }),
      )) {
        rows.push({
          contentKey: nodeKey(node),
          titleCollection: node.collection,
          [relation]: rowId(payload, node.id),
          territory,
          start: new Date(segment.start).toISOString(),
          end: segment.end ? new Date(segment.end).toISOString() : openEndInstant,
          offers: segment.offers,
        })
      }
    }
  }
  return rows
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
  const graph = await loadCatalogGraph(payload, roots, req)
  const keys = [...new Set([...graph.nodes, ...roots].map(nodeKey))]
  const rows = await computeAvailabilityRows(payload, graph, req)
  await payload.db.deleteMany({
    collection: 'availability-windows',
    where: { contentKey: { in: keys } },
    req,
  })
  for (const row of rows) {
    await payload.db.create({ collection: 'availability-windows', data: row, req })
  }
  return { titles: keys.length, rows: rows.length }
}
