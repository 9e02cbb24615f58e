import type { Offer } from './answer'
import { type AvailabilityIndex, type IndexedWindow, windowsCovering } from './availabilityIndex'
import { formatEnd, formatInstant } from './instant'
import { allFormatsMask, allLicenceTypesMask, formatBit, formatsOf, licenceTypeBit } from './masks'
import { type RightsFilter, scanRights } from './rights'
import { playableLeaves } from './tree'
import { allLicenceTypes, type ContentRef, type LicenceType, type VideoFormat } from './types'

/**
 * A stretch of time during which a title can be watched, with what is on offer. Intervals of
 * one title and territory never overlap; touching ones always differ in their offers.
 */
export interface AvailabilityInterval {
  start: string
  end: string | null
  licenceTypes: LicenceType[]
  formats: VideoFormat[]
  offers: Offer[]
}

export interface IntervalOptions extends RightsFilter {
  /** Leaves to leave out of a container's union, e.g. unpublished or policy-gated episodes. */
  includeLeaf?: (leaf: ContentRef) => boolean
}

interface Run {
  /** Formats per licence type (index as in allLicenceTypes); all zero means unavailable. */
  formatsByType: number[]
  start: number
  end: number
}

const boundariesOf = (
  windowLists: readonly (readonly IndexedWindow[])[],
  filter: RightsFilter,
): number[] => {
  const typeMask = filter.licenceType ? licenceTypeBit(filter.licenceType) : allLicenceTypesMask
  const formatMask = filter.format ? formatBit(filter.format) : allFormatsMask
  return windowLists.flatMap((windows) =>
    windows
      .filter((window) => window.typeBit & typeMask)
      .filter((window) => window.kind === 'holdback' || window.formatMask & formatMask)
      .flatMap((window) => [window.start, window.end]),
  )
}

const sameOffers = (a: readonly number[], b: readonly number[]): boolean =>
  a.every((mask, index) => mask === b[index])

const toInterval = ({ formatsByType, start, end }: Run): AvailabilityInterval => {
  const offers = allLicenceTypes.flatMap((licenceType, index) =>
    formatsByType[index] ? [{ licenceType, formats: formatsOf(formatsByType[index]) }] : [],
  )
  return {
    start: formatInstant(start),
    end: formatEnd(end),
    licenceTypes: offers.map((offer) => offer.licenceType),
    formats: formatsOf(formatsByType.reduce((all, mask) => all | mask, 0)),
    offers,
  }
}

/**
 * When the rights to a title hold (rules 2 and 3), as half-open UTC intervals; for a series
 * or season, the union over its episodes. Publishing and policy gates do not depend on time
 * and are left to the caller, so rows materialised from this agree with evaluateAvailability
 * (and evaluateContainer) at every instant for published titles that pass their gates.
 */
export const availableIntervals = (
  index: AvailabilityIndex,
  node: ContentRef,
  territory: string,
  options: IntervalOptions = {},
): AvailabilityInterval[] => {
  const leaves = playableLeaves(node, index.tree).filter(
    (leaf) => options.includeLeaf?.(leaf) ?? true,
  )
  const windowsByLeaf = leaves.map((leaf) => windowsCovering(index, leaf, territory))
  const boundaries = [...new Set(windowsByLeaf.flatMap((lists) => boundariesOf(lists, options)))]
    .filter((instant) => instant !== Infinity)
    .sort((a, b) => a - b)

  const runs: Run[] = []
  boundaries.forEach((start, position) => {
    const end = boundaries[position + 1] ?? Infinity
    const formatsByType = allLicenceTypes.map(() => 0)
    for (const lists of windowsByLeaf) {
      scanRights(lists, start, options).formatsByType.forEach((mask, type) => {
        formatsByType[type] |= mask
      })
    }
    if (formatsByType.every((mask) => mask === 0)) return
    const last = runs[runs.length - 1]
    if (last && last.end === start && sameOffers(last.formatsByType, formatsByType)) last.end = end
    else runs.push({ formatsByType, start, end })
  })
  return runs.map(toInterval)
}
