import type { Payload, PayloadRequest } from 'payload'

import type { AvailabilityAnswer } from '../availability'
import { answerFor, loadRightsContext, type TitleQuestion } from './rightsContext'

export type { TitleQuestion } from './rightsContext'

/** The engine's full answer for one title, from the licences and catalog as stored now. */
export const evaluateTitle = async (
  payload: Payload,
  question: TitleQuestion,
  req?: Partial<PayloadRequest>,
): Promise<AvailabilityAnswer | null> =>
  answerFor(await loadRightsContext(payload, [question.node], req), question)
