import type { AvailabilityAnswer } from './answer'
import type { AvailabilityInterval } from './intervals'
import type { ReasonCode } from './types'

/** Where a title stands in one territory at an instant, as the per-title overview shows it. */
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

export type TerritoryStateInput = {
  territory: string
  /** The engine's answer at `at`; null when the engine does not know the title. */
  answer: AvailabilityAnswer | null
  /** The title's available intervals in the territory (`availableIntervals`), in time order. */
  intervals: readonly AvailabilityInterval[]
  at: Date
}

/** The overview's state: available now, later (from when), no longer (since when), or never. */
export const territoryStateOf = ({
  territory,
  answer,
  intervals,
  at,
}: TerritoryStateInput): TerritoryState => {
  if (!answer) return { territory, state: 'none', since: null, until: null, reasons: [] }
  if (answer.available) {
    return { territory, state: 'available', since: null, until: answer.validUntil, reasons: [] }
  }
  const atMs = at.getTime()
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
  const ended = intervals.filter((interval) => interval.end && Date.parse(interval.end) <= atMs)
  const lastEnded = ended.at(-1)
  if (lastEnded) {
    return {
      territory,
      state: 'expired',
      since: lastEnded.end,
      until: null,
      reasons: answer.reasons,
    }
  }
  return { territory, state: 'none', since: null, until: null, reasons: answer.reasons }
}

export const matrixStates = [
  'available',
  'upcoming',
  'expired',
  'none',
  'heldBack',
  'gated',
] as const
export type MatrixState = (typeof matrixStates)[number]

/** One cell of the availability matrix (one title in one territory at one instant). */
export type MatrixCell = {
  territory: string
  state: MatrixState
  /**
   * The date that goes with the state: available until (null: open-ended), upcoming from,
   * expired since, held back until it is available again (null: not again); null otherwise.
   */
  date: string | null
  /** The engine's reasons why the title is not shown (empty when available). */
  reasons: ReasonCode[]
  /** Upcoming and announced as coming soon since this instant. */
  announcedAt: string | null
}

/**
 * The end of the run of touching intervals that covers `atMs`: null when it is open-ended,
 * undefined when no interval covers it.
 */
const coveredUntil = (
  intervals: readonly AvailabilityInterval[],
  atMs: number,
): string | null | undefined => {
  const first = intervals.findIndex(
    (interval) =>
      Date.parse(interval.start) <= atMs &&
      (interval.end === null || atMs < Date.parse(interval.end)),
  )
  if (first < 0) return undefined
  let end = intervals[first].end
  for (const interval of intervals.slice(first + 1)) {
    if (end === null || interval.start !== end) break
    end = interval.end
  }
  return end
}

/**
 * The matrix cell for an engine answer. Beyond the overview's states it says what stops a title
 * that has rights: a hard holdback in force (held back), or a territory's policy gate such as
 * China's approval number (gated). A title without a grant at the instant is upcoming, expired
 * or none whatever its gates say, with the reasons kept for the detail.
 */
export const matrixCellOf = (input: TerritoryStateInput): MatrixCell => {
  const { territory, answer, intervals, at } = input
  const base = territoryStateOf(input)
  const cell = (state: MatrixState, date: string | null): MatrixCell => ({
    territory,
    state,
    date,
    reasons: base.reasons,
    announcedAt: base.announcedAt ?? null,
  })
  if (!answer) return cell('none', null)
  if (answer.available) {
    const until = coveredUntil(intervals, at.getTime())
    return cell('available', until === undefined ? answer.validUntil : until)
  }
  const reasons = answer.reasons
  const granted = !reasons.includes('NO_GRANT') && !reasons.includes('HOLDBACK')
  if (reasons.includes('POLICY_GATE') && granted) return cell('gated', null)
  if (reasons.includes('HOLDBACK')) {
    const atMs = at.getTime()
    const again = intervals.find((interval) => Date.parse(interval.start) > atMs)
    return cell('heldBack', again?.start ?? null)
  }
  switch (base.state) {
    case 'upcoming':
      return cell('upcoming', base.since)
    case 'expired':
      return cell('expired', base.since)
    default:
      return cell('none', null)
  }
}
