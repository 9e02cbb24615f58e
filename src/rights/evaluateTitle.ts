import type { Payload, PayloadRequest } from 'payload'

import {
  type AvailabilityAnswer,
  buildAvailabilityIndex,
  type ContentRef,
  evaluateAvailability,
  evaluateContainer,
  inheritedApprovalNumber,
  isContainer,
  type LicenceType,
  nodeKey,
  type VideoFormat,
} from '../availability'
import { loadCatalogGraph } from './catalogGraph'
import { engineLicenceFrom, loadLicencesFor } from './licenceRecords'
import { loadRegions } from './regions'

export type TitleQuestion = {
  node: ContentRef
  territory: string
  at: Date
  licenceType?: LicenceType
  format?: VideoFormat
}

/** The engine's full answer for one title, from the licences and catalog as stored now. */
export const evaluateTitle = async (
  payload: Payload,
  question: TitleQuestion,
  req?: Partial<PayloadRequest>,
): Promise<AvailabilityAnswer | null> => {
  const graph = await loadCatalogGraph(payload, [question.node], req)
  const facts = graph.facts.get(nodeKey(question.node))
  if (!facts) return null
  const licences = (await loadLicencesFor(payload, graph.nodes, req)).map(engineLicenceFrom)
  const index = buildAvailabilityIndex(licences, graph.tree, await loadRegions(payload, req))
  const factsOf = (node: ContentRef) => graph.facts.get(nodeKey(node))
  const common = {
    index,
    node: question.node,
    territory: question.territory,
    at: question.at,
    licenceType: question.licenceType,
    format: question.format,
  }
  return isContainer(question.node)
    ? evaluateContainer({ ...common, factsOf })
    : evaluateAvailability({
        ...common,
        published: facts.published,
        cnApprovalNumber: inheritedApprovalNumber(question.node, graph.tree, factsOf),
      })
}
