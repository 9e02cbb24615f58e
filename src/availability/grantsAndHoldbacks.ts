import type { IndexedWindow } from './availabilityIndex'
import {
  allFormatsMask,
  allLicenceTypesMask,
  formatBit,
  licenceTypeBit,
  licenceTypeIndex,
} from './masks'
import { allLicenceTypes, type LicenceType, type VideoFormat } from './types'

export interface RightsFilter {
  licenceType?: LicenceType
  format?: VideoFormat
}

/** Rules 2 and 3 (granted, not held back) at one instant, for one title in one territory. */
export interface RightsAtInstant {
  /** Licence types with a matching grant in force, before holdbacks. */
  grantedTypes: number
  /** Licence types blocked by a hard holdback in force. */
  blockedTypes: number
  /** Per licence type (index as in allLicenceTypes): formats granted and not blocked. */
  formatsByType: number[]
  /** Grants in force whose type is not blocked. */
  grants: IndexedWindow[]
  softHoldbacks: IndexedWindow[]
  /** Grants not started yet whose announcement is in force (`announceAt <= at < start`). */
  announcing: IndexedWindow[]
  /** Earliest announce instant, start of a relevant window strictly after the instant, or Infinity. */
  nextChange: number
}

export const scanRights = (
  windowLists: readonly (readonly IndexedWindow[])[],
  at: number,
  filter: RightsFilter,
): RightsAtInstant => {
  const typeMask = filter.licenceType ? licenceTypeBit(filter.licenceType) : allLicenceTypesMask
  const formatMask = filter.format ? formatBit(filter.format) : allFormatsMask
  const formatsByType = allLicenceTypes.map(() => 0)
  const grantsInForce: IndexedWindow[] = []
  const softHoldbacks: IndexedWindow[] = []
  const announcing: IndexedWindow[] = []
  let grantedTypes = 0
  let blockedTypes = 0
  let nextChange = Infinity

  for (const windows of windowLists) {
    for (const window of windows) {
      if ((window.typeBit & typeMask) === 0) continue
      if (window.kind === 'grant' && (window.formatMask & formatMask) === 0) continue
      if (window.start > at) {
        if (window.start < nextChange) nextChange = window.start
        if (window.announceAt < window.start) {
          if (window.announceAt <= at) announcing.push(window)
          else if (window.announceAt < nextChange) nextChange = window.announceAt
        }
        continue
      }
      if (window.end <= at) continue
      if (window.end < nextChange) nextChange = window.end
      if (window.kind === 'grant') {
        grantedTypes |= window.typeBit
        formatsByType[licenceTypeIndex(window.typeBit)] |= window.formatMask & formatMask
        grantsInForce.push(window)
      } else if (window.hard) {
        blockedTypes |= window.typeBit
      } else {
        softHoldbacks.push(window)
      }
    }
  }

  const grants = grantsInForce.filter((grant) => (grant.typeBit & blockedTypes) === 0)
  for (let index = 0; index < formatsByType.length; index++) {
    if (blockedTypes & (1 << index)) formatsByType[index] = 0
  }
  return {
    grantedTypes,
    blockedTypes,
    formatsByType,
    grants,
    softHoldbacks,
    announcing,
    nextChange,
  }
}

export const availableTypes = (rights: RightsAtInstant): number =>
  rights.grantedTypes & ~rights.blockedTypes

/**
 * The first instant after `at` at which the title is available (rules 2 and 3), or Infinity.
 * Availability only changes at a window's start or end, so those are the instants to try.
 */
export const nextAvailableAfter = (
  windowLists: readonly (readonly IndexedWindow[])[],
  at: number,
  filter: RightsFilter,
): number => {
  const candidates = new Set<number>()
  for (const windows of windowLists) {
    for (const window of windows) {
      if (window.start > at) candidates.add(window.start)
      if (window.end > at && window.end !== Infinity) candidates.add(window.end)
    }
  }
  for (const instant of [...candidates].sort((a, b) => a - b)) {
    if (availableTypes(scanRights(windowLists, instant, filter)) !== 0) return instant
  }
  return Infinity
}
