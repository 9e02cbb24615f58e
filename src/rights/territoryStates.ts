import type { Payload, PayloadRequest } from 'payload'

import { availableIntervals, type ContentRef, isContainer, type ReasonCode } from '../availability'
import { answerFor, loadRightsContext } from './rightsContext'

export type TerritoryState = {
  territory: string
  state: 'available' | 'upcoming' | 'expired' | 'none'
  /** available: until when (null: open-ended); upcoming: from when; expired: since when. */
  since: string | null
  until: string | null
  reasons: ReasonCode[]
  /** Listed as coming soon (announced) since this instant; null when not announced now. */
  announcedAt?: string | null
}

/** For the admin: where a title stands in each territory at an instant (now, or a preview). */
export const territoryStates = async (
  payload: Payload,
  node: ContentRef,
  territories: readonly string[],
  at: Date,
  req?: Partial<PayloadRequest>,
): Promise<TerritoryState[] | null> => {
  const context = await loadRightsContext(payload, [node], req)
  if (!context.factsOf(node)) return null
  const atMs = at.getTime()

  return territories.map((territory) => {
    const answer = answerFor(context, { node, territory, at })
    if (!answer) return { territory, state: 'none', since: null, until: null, reasons: [] }
    const intervals = availableIntervals(context.index, node, territory, {
      includeLeaf: (leaf) => Boolean(context.factsOf(leaf)?.published) || !isContainer(node),
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
        announcedAt: answer.announced?.announcedAt ?? null,
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
