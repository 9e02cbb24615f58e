import type { Payload, PayloadRequest } from 'payload'

import {
  type AvailabilityAnswer,
  type AvailabilityIndex,
  type AvailabilityInterval,
  availableIntervals,
  buildAvailabilityIndex,
  type ContentRef,
  evaluateAvailability,
  evaluateContainer,
  type FactsLookup,
  inheritedApprovalNumber,
  isContainer,
  type Licence,
  type LicenceType,
  nodeKey,
  type Region,
  type TitleTree,
  type VideoFormat,
} from '../availability'
import { type CatalogGraph, loadCatalogGraph } from './catalogGraph'
import { engineLicenceFrom, type LicenceRecord, loadLicencesFor } from './licenceRecords'
import { loadRegions } from './regions'
import { readEngineLicences } from './tableReads'

/**
 * Everything the rights engine needs to answer for some titles: the catalog around them, every
 * licence naming any of them, the regions and the index built from them. One loader for the
 * materialiser, the staff endpoints, conflict recording, playback and the audit, so that they
 * cannot disagree about what the licences say.
 */
export type RightsContext = {
  tree: TitleTree
  /** Every title the context knows (the roots, their ancestors and all their descendants). */
  nodes: readonly ContentRef[]
  /** Facts per title; `published` means the title and every ancestor are published. */
  factsOf: FactsLookup
  licences: readonly Licence[]
  regions: readonly Region[]
  index: AvailabilityIndex
}

const rightsContextFrom = (
  graph: CatalogGraph,
  licences: readonly Licence[],
  regions: readonly Region[],
): RightsContext => ({
  tree: graph.tree,
  nodes: graph.nodes,
  factsOf: (node) => graph.facts.get(nodeKey(node)),
  licences,
  regions,
  index: buildAvailabilityIndex(licences, graph.tree, regions),
})

/** The rights context around `roots`. */
export const loadRightsContext = async (
  payload: Payload,
  roots: readonly ContentRef[],
  req?: Partial<PayloadRequest>,
): Promise<RightsContext> => {
  const graph = await loadCatalogGraph(payload, roots, req)
  const licences =
    (await readEngineLicences(payload, graph.nodes.map(nodeKey), req)) ??
    (await loadLicencesFor(payload, graph.nodes, req)).map(engineLicenceFrom)
  return rightsContextFrom(graph, licences, await loadRegions(payload, req))
}

/**
 * The rights context around `roots` with the stored licence documents behind it (what conflict
 * recording compares its findings with).
 */
export const loadRightsContextWithRecords = async (
  payload: Payload,
  roots: readonly ContentRef[],
  req?: Partial<PayloadRequest>,
): Promise<RightsContext & { licenceDocs: readonly LicenceRecord[] }> => {
  const graph = await loadCatalogGraph(payload, roots, req)
  const licenceDocs = await loadLicencesFor(payload, graph.nodes, req)
  const context = rightsContextFrom(
    graph,
    licenceDocs.map(engineLicenceFrom),
    await loadRegions(payload, req),
  )
  return { ...context, licenceDocs }
}

export type TitleQuestion = {
  node: ContentRef
  territory: string
  at: Date
  licenceType?: LicenceType
  format?: VideoFormat
}

/** The engine's full answer for one title of the context; null for a title it does not know. */
export const answerFor = (
  context: RightsContext,
  question: TitleQuestion,
): AvailabilityAnswer | null => {
  const facts = context.factsOf(question.node)
  if (!facts) return null
  const common = { ...question, index: context.index }
  return isContainer(question.node)
    ? evaluateContainer({ ...common, factsOf: context.factsOf })
    : evaluateAvailability({
        ...common,
        published: facts.published,
        cnApprovalNumber: inheritedApprovalNumber(question.node, context.tree, context.factsOf),
      })
}

/**
 * When a title of the context can be watched in a territory (licence type and format as asked);
 * a container counts only the published episodes it shows.
 */
export const intervalsFor = (
  context: RightsContext,
  question: Omit<TitleQuestion, 'at'>,
): AvailabilityInterval[] =>
  availableIntervals(context.index, question.node, question.territory, {
    licenceType: question.licenceType,
    format: question.format,
    includeLeaf: (leaf) => Boolean(context.factsOf(leaf)?.published) || !isContainer(question.node),
  })
