import type { Announcement, AvailabilityAnswer, AvailabilityWarning, Offer } from './answer'
import { type AvailabilityIndex, type IndexedWindow, windowsCovering } from './availabilityIndex'
import { AvailabilityInputError } from './errors'
import {
  availableTypes,
  nextAvailableAfter,
  type RightsAtInstant,
  type RightsFilter,
  scanRights,
} from './grantsAndHoldbacks'
import { formatEnd, formatInstant, toEpochMs } from './instant'
import { formatsOf, licenceTypeIndex } from './masks'
import { passesPolicyGates } from './policy'
import { isContainer, nodeKey } from './tree'
import { allLicenceTypes, type ContentRef, type NodeFacts, type ReasonCode } from './types'

export interface AvailabilityQuery extends RightsFilter, NodeFacts {
  index: AvailabilityIndex
  /** A film or an episode; series and seasons go through evaluateContainer. */
  node: ContentRef
  territory: string
  at: Date | number | string
}

const offersOf = (rights: RightsAtInstant, typesMask: number): Offer[] => {
  const offers: Offer[] = []
  allLicenceTypes.forEach((licenceType, index) => {
    if (typesMask & (1 << index)) {
      offers.push({ licenceType, formats: formatsOf(rights.formatsByType[index]) })
    }
  })
  return offers
}

const warningsOf = (rights: RightsAtInstant): AvailabilityWarning[] => {
  const seen = new Set<string>()
  const warnings: AvailabilityWarning[] = []
  for (const holdback of rights.softHoldbacks) {
    if (seen.has(holdback.licenceId)) continue
    seen.add(holdback.licenceId)
    const licenceType = allLicenceTypes[licenceTypeIndex(holdback.typeBit)]
    warnings.push({ code: 'SOFT_HOLDBACK', licenceId: holdback.licenceId, licenceType })
  }
  return warnings
}

/**
 * Announced: not available now, a grant not started yet is announced (`announceAt <= at <
 * start`), and the title does become available later. Publishing and gates apply as for
 * availability: an unpublished or gated title is never announced either.
 */
const announcementOf = (
  windowLists: readonly (readonly IndexedWindow[])[],
  rights: RightsAtInstant,
  at: number,
  filter: RightsFilter,
): Announcement | null => {
  if (rights.announcing.length === 0) return null
  const availableFrom = nextAvailableAfter(windowLists, at, filter)
  if (availableFrom === Infinity) return null
  const announcedAt = Math.min(...rights.announcing.map((window) => window.announceAt))
  return { announcedAt: formatInstant(announcedAt), availableFrom: formatInstant(availableFrom) }
}

/** Is a film or episode visible in `territory` at `at`? Applies rules 1-4 of the spec. */
export const evaluateAvailability = (query: AvailabilityQuery): AvailabilityAnswer => {
  if (isContainer(query.node)) {
    throw new AvailabilityInputError(
      'node',
      `${nodeKey(query.node)} is a container; use evaluateContainer`,
    )
  }
  const at = toEpochMs(query.at)
  const lists = windowsCovering(query.index, query.node, query.territory)
  const rights = scanRights(lists, at, query)
  const typesMask = availableTypes(rights)
  const passesGates = passesPolicyGates(query.index.policies.get(query.territory), query)

  const reasons: ReasonCode[] = []
  if (!query.published) reasons.push('UNPUBLISHED')
  if (typesMask === 0) reasons.push(rights.grantedTypes === 0 ? 'NO_GRANT' : 'HOLDBACK')
  if (!passesGates) reasons.push('POLICY_GATE')
  const available = reasons.length === 0

  const offers = available ? offersOf(rights, typesMask) : []
  const formatsMask = offers.length === 0 ? 0 : rights.formatsByType.reduce((a, b) => a | b, 0)
  return {
    available,
    reasons,
    validUntil: formatEnd(rights.nextChange),
    licences: available ? [...new Set(rights.grants.map((grant) => grant.licenceId))].sort() : [],
    licenceTypes: offers.map((offer) => offer.licenceType),
    formats: formatsOf(formatsMask),
    offers,
    warnings: warningsOf(rights),
    announced:
      !available && query.published && passesGates
        ? announcementOf(lists, rights, at, query)
        : null,
  }
}
