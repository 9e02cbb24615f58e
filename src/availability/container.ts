import type { Announcement, AvailabilityAnswer, AvailabilityWarning, Offer } from './answer'
import { type AvailabilityIndex, windowsCovering } from './availabilityIndex'
import { AvailabilityInputError } from './errors'
import { evaluateAvailability } from './evaluate'
import { nextAvailableAfter, type RightsFilter } from './grantsAndHoldbacks'
import { formatEnd, formatInstant, toEpochMs } from './instant'
import { hasApprovalNumber, passesPolicyGates } from './policy'
import { isContainer, lineage, nodeKey, playableLeaves, type TitleTree } from './tree'
import {
  allLicenceTypes,
  allVideoFormats,
  type ContentRef,
  type NodeFacts,
  reasonCodes,
  type ReasonCode,
} from './types'

export type FactsLookup = (node: ContentRef) => NodeFacts | undefined

export interface ContainerQuery extends RightsFilter {
  index: AvailabilityIndex
  /** A series or season. */
  node: ContentRef
  territory: string
  at: Date | number | string
  /** Facts of the container and every title below it; unknown titles count as unpublished. */
  factsOf: FactsLookup
}

export interface ContainerAnswer extends AvailabilityAnswer {
  /** Direct children that are available: what the container's listing shows. */
  availableChildren: ContentRef[]
}

/** An approval number covers everything below the title it is recorded on. */
export const inheritedApprovalNumber = (
  node: ContentRef,
  tree: TitleTree,
  factsOf: FactsLookup,
): string | null => {
  for (const title of lineage(node, tree)) {
    const facts = factsOf(title)
    if (facts && hasApprovalNumber(facts)) return facts.cnApprovalNumber ?? null
  }
  return null
}

const evaluateChild = (query: ContainerQuery, child: ContentRef): AvailabilityAnswer => {
  if (isContainer(child)) return evaluateContainer({ ...query, node: child })
  const gated = query.index.policies.get(query.territory)?.requiresApprovalNumber ?? false
  return evaluateAvailability({
    ...query,
    node: child,
    published: query.factsOf(child)?.published ?? false,
    cnApprovalNumber: gated
      ? inheritedApprovalNumber(child, query.index.tree, query.factsOf)
      : null,
  })
}

const mergeOffers = (answers: readonly AvailabilityAnswer[]): Offer[] => {
  const offers = answers.flatMap((answer) => answer.offers)
  return allLicenceTypes.flatMap((licenceType) => {
    const matching = offers.filter((offer) => offer.licenceType === licenceType)
    if (matching.length === 0) return []
    const formats = allVideoFormats.filter((format) =>
      matching.some((offer) => offer.formats.includes(format)),
    )
    return [{ licenceType, formats }]
  })
}

const mergeWarnings = (answers: readonly AvailabilityAnswer[]): AvailabilityWarning[] => {
  const byLicence = new Map<string, AvailabilityWarning>()
  for (const warning of answers.flatMap((answer) => answer.warnings)) {
    byLicence.set(warning.licenceId, warning)
  }
  return [...byLicence.values()]
}

const earliestValidUntil = (answers: readonly AvailabilityAnswer[]): string | null =>
  formatEnd(
    Math.min(
      // validUntil values are this module's own UTC output, so the plain parser is exact.
      ...answers.map((answer) => (answer.validUntil ? Date.parse(answer.validUntil) : Infinity)),
    ),
  )

/** Is this episode shown under the container: it and every title between them published? */
const shownUnder = (query: ContainerQuery, leaf: ContentRef): boolean => {
  for (const title of lineage(leaf, query.index.tree)) {
    if (nodeKey(title) === nodeKey(query.node)) return true
    if (!query.factsOf(title)?.published) return false
  }
  return false
}

/**
 * Announced when an episode under it is: announced since the earliest of those, available
 * from the first instant any episode it shows becomes available.
 */
const announcementOfContainer = (
  query: ContainerQuery,
  at: number,
  answers: readonly AvailabilityAnswer[],
): Announcement | null => {
  const announcedAt = answers
    .flatMap((answer) => (answer.announced ? [answer.announced.announcedAt] : []))
    .sort()[0]
  if (!announcedAt) return null
  const policy = query.index.policies.get(query.territory)
  const availableFrom = Math.min(
    ...playableLeaves(query.node, query.index.tree)
      .filter((leaf) => shownUnder(query, leaf))
      .filter((leaf) =>
        passesPolicyGates(policy, {
          cnApprovalNumber: inheritedApprovalNumber(leaf, query.index.tree, query.factsOf),
        }),
      )
      .map((leaf) =>
        nextAvailableAfter(windowsCovering(query.index, leaf, query.territory), at, query),
      ),
  )
  return availableFrom === Infinity
    ? null
    : { announcedAt, availableFrom: formatInstant(availableFrom) }
}

/**
 * A series or season is available when it is published and at least one child is; rights
 * held on the container itself only matter through the children they cover.
 */
export const evaluateContainer = (query: ContainerQuery): ContainerAnswer => {
  if (!isContainer(query.node)) {
    throw new AvailabilityInputError(
      'node',
      `${nodeKey(query.node)} is not a container; use evaluateAvailability`,
    )
  }
  const at = toEpochMs(query.at)
  const children = query.index.tree.childrenOf(query.node)
  const answers = children.map((child) => evaluateChild({ ...query, at }, child))
  const availableAnswers = answers.filter((answer) => answer.available)
  const published = query.factsOf(query.node)?.published ?? false

  const reasons = new Set<ReasonCode>()
  if (!published) reasons.add('UNPUBLISHED')
  if (availableAnswers.length === 0) {
    if (answers.length === 0) reasons.add('NO_GRANT')
    for (const reason of answers.flatMap((answer) => answer.reasons)) reasons.add(reason)
  }
  const available = reasons.size === 0
  const contributing = available ? availableAnswers : []
  const offers = mergeOffers(contributing)

  return {
    available,
    reasons: reasonCodes.filter((reason) => reasons.has(reason)),
    validUntil: earliestValidUntil(answers),
    licences: [...new Set(contributing.flatMap((answer) => answer.licences))].sort(),
    licenceTypes: offers.map((offer) => offer.licenceType),
    formats: allVideoFormats.filter((format) =>
      offers.some((offer) => offer.formats.includes(format)),
    ),
    offers,
    warnings: mergeWarnings(answers),
    // Announced when published, not available, and an episode under it is announced.
    announced: !available && published ? announcementOfContainer(query, at, answers) : null,
    availableChildren: children.filter((_child, index) => answers[index].available),
  }
}
