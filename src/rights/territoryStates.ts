import type { Payload, PayloadRequest } from 'payload'

import { type ContentRef, type TerritoryState, territoryStateOf } from '../availability'
import { answerFor, intervalsFor, loadRightsContext } from './rightsContext'

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
  return territories.map((territory) =>
    territoryStateOf({
      territory,
      answer: answerFor(context, { node, territory, at }),
      intervals: intervalsFor(context, { node, territory }),
      at,
    }),
  )
}
