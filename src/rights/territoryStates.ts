import type { Payload, PayloadRequest } from 'payload'

import {
  availableIntervals,
  buildAvailabilityIndex,
  type ContentRef,
  evaluateAvailability,
  evaluateContainer,
  inheritedApprovalNumber,
  isContainer,
  nodeKey,
  type ReasonCode,
} from '../availability'
import { loadCatalogGraph } from './catalogGraph'
import { engineLicenceFrom, loadLicencesFor } from './licenceRecords'
import { loadRegions } from './regions'

export type TerritoryState = {
  territory: string
  state: 'available' | 'upcoming' | 'expired' | 'none'
  /** available: until when (null: open-ended); upcoming: from when; expired: since when. */
  since: string | null
  until: string | null
  reasons: ReasonCode[]
}

/** For the admin: where a title stands in each territory at an instant (now, or a preview). */
export const territoryStates = async (
  payload: Payload,
  node: ContentRef,
  territories: readonly string[],
  at: Date,
  req?: Partial<PayloadRequest>,
): Promise<TerritoryState[] | null> => {
  const graph = await loadCatalogGraph(payload, [node], req)
  const facts = graph.facts.get(nodeKey(node))
  if (!facts) return null
  const licences = (await loadLicencesFor(payload, graph.nodes, req)).map(engineLicenceFrom)
  const index = buildAvailabilityIndex(licences, graph.tree, await loadRegions(payload, req))
  const factsOf = (title: ContentRef) => graph.facts.get(nodeKey(title))
  const atMs = at.getTime()

  return territories.map((territory) => {
    const answer = isContainer(node)
      ? evaluateContainer({ index, node, territory, at, factsOf })
      : evaluateAvailability({
          index,
          node,
          territory,
          at,
          published: facts.published,
          cnApprovalNumber: inheritedApprovalNumber(node, graph.tree, factsOf),
        })
    const intervals = availableIntervals(index, node, territory, {
      includeLeaf: (leaf) => Boolean(factsOf(leaf)?.published) || !isContainer(node),
    })
    if (answer.available) {
      return { territory, state: 'available', since: null, until: answer.validUntil, reasons: [] }
    }
    const upcoming = intervals.find((interval) => Date.parse(interval.start) > atMs)
    if (upcoming) {
      return {
        territory,
        state: 'upcoming',
        since: upcoming.start,
        until: upcoming.end,
        reasons: answer.reasons,
      }
    }
    const ended = intervals
      .filter((interval) => interval.end && Date.parse(interval.end) <= atMs)
      .at(-1)
    if (ended) {
      return { territory, state: 'expired', since: ended.end, until: null, reasons: answer.reasons }
    }
    return { territory, state: 'none', since: null, until: null, reasons: answer.reasons }
  })
}
