import type { Offer } from './answer'
import { type AvailabilityIndex, type IndexedWindow, windowsCovering } from './availabilityIndex'
import {
  availableTypes,
  nextAvailableAfter,
  type RightsFilter,
  scanRights,
} from './grantsAndHoldbacks'
import { formatEnd, formatInstant } from './instant'
import { allFormatsMask, allLicenceTypesMask, formatBit, formatsOf, licenceTypeBit } from './masks'
import { nodeKey, playableLeaves } from './tree'
import {
  allLicenceTypes,
  allVideoFormats,
  type ContentRef,
  type LicenceType,
  type VideoFormat,
} from './types'

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

/** An interval in milliseconds (end Infinity when open), for callers that store instants. */
export interface IntervalRun {
  start: number
  end: number
  offers: Offer[]
}

const offersOf = (formatsByType: readonly number[]): Offer[] =>
  allLicenceTypes.flatMap((licenceType, index) =>
    formatsByType[index] ? [{ licenceType, formats: formatsOf(formatsByType[index]) }] : [],
  )

const toInterval = ({ formatsByType, start, end }: Run): AvailabilityInterval => {
  const offers = offersOf(formatsByType)
  return {
    start: formatInstant(start),
    end: formatEnd(end),
    licenceTypes: offers.map((offer) => offer.licenceType),
    formats: formatsOf(formatsByType.reduce((all, mask) => all | mask, 0)),
    offers,
  }
}

const sameRunOffers = (last: Run | undefined, start: number, formatsByType: readonly number[]) =>
  last !== undefined && last.end === start && sameOffers(last.formatsByType, formatsByType)

/** When the rights to one playable title hold in one territory, as runs of equal offers. */
const leafRuns = (
  index: AvailabilityIndex,
  leaf: ContentRef,
  territory: string,
  filter: RightsFilter,
): Run[] => {
  const lists = windowsCovering(index, leaf, territory)
  const boundaries = [...new Set(boundariesOf(lists, filter))]
    .filter((instant) => instant !== Infinity)
    .sort((a, b) => a - b)
  const runs: Run[] = []
  boundaries.forEach((start, position) => {
    const end = boundaries[position + 1] ?? Infinity
    const { formatsByType } = scanRights(lists, start, filter)
    if (formatsByType.every((mask) => mask === 0)) return
    const last = runs[runs.length - 1]
    if (last && sameRunOffers(last, start, formatsByType)) last.end = end
    else runs.push({ formatsByType, start, end })
  })
  return runs
}

/**
 * The union of some titles' runs: at every instant, the offers of all of them together. A
 * sweep over the runs' starts and ends that counts, per licence type and format, how many
 * runs offer it (each list is sorted and its runs do not overlap, but lists overlap).
 */
const unionOfRuns = (runLists: readonly (readonly Run[])[]): Run[] => {
  const present = runLists.filter((runs) => runs.length > 0)
  if (present.length === 0) return []
  if (present.length === 1) return present[0].map((run) => ({ ...run }))
  const events: { at: number; run: Run; delta: 1 | -1 }[] = []
  for (const runs of present) {
    for (const run of runs) {
      events.push({ at: run.start, run, delta: 1 })
      if (run.end !== Infinity) events.push({ at: run.end, run, delta: -1 })
    }
  }
  events.sort((a, b) => a.at - b.at)
  const formats = allVideoFormats.length
  const counts = new Array<number>(allLicenceTypes.length * formats).fill(0)
  const union: Run[] = []
  let position = 0
  while (position < events.length) {
    const start = events[position].at
    for (; position < events.length && events[position].at === start; position += 1) {
      const { run, delta } = events[position]
      run.formatsByType.forEach((mask, type) => {
        for (let format = 0; format < formats; format += 1) {
          if (mask & (1 << format)) counts[type * formats + format] += delta
        }
      })
    }
    const end = position < events.length ? events[position].at : Infinity
    const formatsByType = allLicenceTypes.map((_, type) => {
      let mask = 0
      for (let format = 0; format < formats; format += 1) {
        if (counts[type * formats + format] > 0) mask |= 1 << format
      }
      return mask
    })
    if (formatsByType.every((mask) => mask === 0)) continue
    const last = union[union.length - 1]
    if (last && sameRunOffers(last, start, formatsByType)) last.end = end
    else union.push({ formatsByType, start, end })
  }
  return union
}

/**
 * When the rights to titles hold (rules 2 and 3) in one territory, as half-open UTC intervals;
 * for a series or season, the union over its episodes. Publishing and policy gates do not
 * depend on time and are left to the caller, so rows materialised from this agree with
 * evaluateAvailability (and evaluateContainer) at every instant for published titles that pass
 * their gates. Each playable title's runs are computed once per calculator, however many
 * containers include it (a series, its season and the episode itself).
 */
const runCalculator = (
  index: AvailabilityIndex,
  territory: string,
  options: IntervalOptions,
): ((node: ContentRef) => Run[]) => {
  const runsOfLeaf = new Map<string, Run[]>()
  const runsOf = (leaf: ContentRef) => {
    const key = nodeKey(leaf)
    let runs = runsOfLeaf.get(key)
    if (!runs) {
      runs = leafRuns(index, leaf, territory, options)
      runsOfLeaf.set(key, runs)
    }
    return runs
  }
  const included = new Map<string, boolean>()
  const isIncluded = (leaf: ContentRef) => {
    if (!options.includeLeaf) return true
    const key = nodeKey(leaf)
    let answer = included.get(key)
    if (answer === undefined) {
      answer = options.includeLeaf(leaf)
      included.set(key, answer)
    }
    return answer
  }
  return (node) => {
    // Leaves without any rights here are skipped before asking whether they are included.
    const runLists = playableLeaves(node, index.tree)
      .map((leaf) => ({ leaf, runs: runsOf(leaf) }))
      .filter(({ leaf, runs }) => runs.length > 0 && isIncluded(leaf))
      .map(({ runs }) => runs)
    return unionOfRuns(runLists)
  }
}

export const intervalCalculator = (
  index: AvailabilityIndex,
  territory: string,
  options: IntervalOptions = {},
): ((node: ContentRef) => AvailabilityInterval[]) => {
  const runsOf = runCalculator(index, territory, options)
  return (node) => runsOf(node).map(toInterval)
}

/** `intervalCalculator` with instants as milliseconds: what materialising rows needs. */
export const intervalRunCalculator = (
  index: AvailabilityIndex,
  territory: string,
  options: IntervalOptions = {},
): ((node: ContentRef) => IntervalRun[]) => {
  const runsOf = runCalculator(index, territory, options)
  return (node) =>
    runsOf(node).map(({ formatsByType, start, end }) => ({
      start,
      end,
      offers: offersOf(formatsByType),
    }))
}

/** `intervalCalculator` for one title. */
export const availableIntervals = (
  index: AvailabilityIndex,
  node: ContentRef,
  territory: string,
  options: IntervalOptions = {},
): AvailabilityInterval[] => intervalCalculator(index, territory, options)(node)

/** A stretch of time during which a title is announced, and when it becomes available. */
export interface AnnouncementRun {
  start: number
  end: number
  availableFrom: number
}

const hasAnnouncements = (lists: readonly (readonly IndexedWindow[])[]): boolean =>
  lists.some((windows) => windows.some((window) => window.announceAt < window.start))

/**
 * When one playable title is announced in one territory: at each boundary (an announce
 * instant, a start or an end) the state is what evaluateAvailability answers, constant until
 * the next boundary.
 */
const leafAnnouncementRuns = (
  index: AvailabilityIndex,
  leaf: ContentRef,
  territory: string,
  filter: RightsFilter,
): AnnouncementRun[] => {
  const lists = windowsCovering(index, leaf, territory)
  if (!hasAnnouncements(lists)) return []
  const boundaries = [
    ...new Set(
      lists.flatMap((windows) =>
        windows.flatMap((window) => [window.start, window.end, window.announceAt]),
      ),
    ),
  ]
    .filter((instant) => instant !== Infinity)
    .sort((a, b) => a - b)
  const runs: AnnouncementRun[] = []
  boundaries.forEach((start, position) => {
    const end = boundaries[position + 1] ?? Infinity
    const rights = scanRights(lists, start, filter)
    if (availableTypes(rights) !== 0 || rights.announcing.length === 0) return
    const availableFrom = nextAvailableAfter(lists, start, filter)
    if (availableFrom === Infinity) return
    const last = runs[runs.length - 1]
    if (last && last.end === start && last.availableFrom === availableFrom) last.end = end
    else runs.push({ start, end, availableFrom })
  })
  return runs
}

const covers = (run: { start: number; end: number }, instant: number) =>
  run.start <= instant && instant < run.end

/**
 * When titles are announced (not available, but announced and becoming available later) in
 * one territory; for a series or season: not available, and one of its included episodes is
 * announced; `availableFrom` is when the container next becomes available, through any episode. Agrees with evaluateAvailability and
 * evaluateContainer at every instant, as `intervalRunCalculator` does for availability.
 */
export const announcementRunCalculator = (
  index: AvailabilityIndex,
  territory: string,
  options: IntervalOptions = {},
): ((node: ContentRef) => AnnouncementRun[]) => {
  const cache = new Map<string, { available: Run[]; announced: AnnouncementRun[] }>()
  const leafOf = (leaf: ContentRef) => {
    const key = nodeKey(leaf)
    let entry = cache.get(key)
    if (!entry) {
      const announced = leafAnnouncementRuns(index, leaf, territory, options)
      const available = leafRuns(index, leaf, territory, options)
      const included =
        (announced.length > 0 || available.length > 0) &&
        (!options.includeLeaf || options.includeLeaf(leaf))
      entry = included ? { available, announced } : { available: [], announced: [] }
      cache.set(key, entry)
    }
    return entry
  }
  return (node) => {
    const entries = playableLeaves(node, index.tree).map(leafOf)
    const announcedLists = entries.map((entry) => entry.announced).filter((runs) => runs.length)
    if (announcedLists.length === 0) return []
    if (entries.length === 1) return announcedLists[0].map((run) => ({ ...run }))
    const available = unionOfRuns(entries.map((entry) => entry.available))
    const boundaries = [
      ...new Set([...announcedLists.flat(), ...available].flatMap((run) => [run.start, run.end])),
    ]
      .filter((instant) => instant !== Infinity)
      .sort((a, b) => a - b)
    const runs: AnnouncementRun[] = []
    boundaries.forEach((start, position) => {
      const end = boundaries[position + 1] ?? Infinity
      if (available.some((run) => covers(run, start))) return
      if (!announcedLists.some((list) => list.some((run) => covers(run, start)))) return
      // When the container next becomes available: through any of its episodes.
      const availableFrom = available.find((run) => run.start > start)?.start ?? Infinity
      if (availableFrom === Infinity) return
      const last = runs[runs.length - 1]
      if (last && last.end === start && last.availableFrom === availableFrom) last.end = end
      else runs.push({ start, end, availableFrom })
    })
    return runs
  }
}
