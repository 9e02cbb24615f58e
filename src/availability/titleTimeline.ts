import { DateTime } from 'luxon'

/** One licence of a title as the timeline draws it: its resolved windows and recorded conflicts. */
export type TimelineLicence = {
  id: string
  contractId: string | null
  kind: 'grant' | 'holdback'
  holdbackStrength: 'hard' | 'soft' | null
  licenceType: string
  formats: readonly string[]
  exclusive: boolean
  /** The ancestor (`series/3`) the licence reaches the title through; null when it names the title. */
  via: string | null
  /** One half-open UTC window per territory; `end` null is open-ended. */
  windows: readonly { territory: string; start: string; end: string | null; timeZone: string }[]
  conflicts: readonly {
    otherLicence: string | null
    territory: string | null
    licenceType: string | null
    overlapStart: string | null
    overlapEnd: string | null
  }[]
}

export type TimelineRange = { from: Date; until: Date }

/** A licence window in one lane, positioned as fractions of the range (0 = from, 1 = until). */
export type TimelineBar = {
  licenceId: string
  contractId: string | null
  kind: 'grant' | 'holdback'
  holdbackStrength: 'hard' | 'soft' | null
  licenceType: string
  formats: string[]
  exclusive: boolean
  via: string | null
  start: string
  end: string | null
  /** The first and the last local day of the window in the territory's time zone. */
  firstLocalDay: string
  lastLocalDay: string | null
  timeZone: string
  left: number
  width: number
  /** The window begins before the range or runs past its end (or is open-ended). */
  clippedStart: boolean
  clippedEnd: boolean
  inConflict: boolean
  /** The row of the lane the bar sits in: overlapping windows get different rows. */
  row: number
  /** What hovering shows: contract, type, formats, start and end as local day and UTC. */
  description: string
}

/** An overlap of exclusive grants recorded on the licences, positioned like a bar. */
export type TimelineConflict = {
  licenceIds: [string, string]
  overlapStart: string
  overlapEnd: string | null
  left: number
  width: number
}

export type TimelineLane = {
  territory: string
  licenceType: string
  timeZone: string
  /** How many rows the bars of the lane need (at least 1). */
  rows: number
  bars: TimelineBar[]
  conflicts: TimelineConflict[]
}

export type TimelineMonth = { start: string; label: string; left: number }

export type TitleTimeline = {
  from: string
  until: string
  /** Where now stands on the axis; null when the range does not contain it. */
  today: { at: string; left: number } | null
  months: TimelineMonth[]
  lanes: TimelineLane[]
}

const monthStart = (instant: Date, monthsLater = 0): Date =>
  new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + monthsLater, 1))

/**
 * The default range: from the start of the month six months back to the start of the month 18
 * months ahead, widened to whole months around every window's start and finite end.
 */
export const defaultTimelineRange = (
  licences: readonly TimelineLicence[],
  now: Date,
): TimelineRange => {
  let from = monthStart(now, -6)
  let until = monthStart(now, 18)
  for (const window of licences.flatMap((licence) => licence.windows)) {
    const start = new Date(window.start)
    if (start < from) from = monthStart(start)
    const end = window.end ? new Date(window.end) : null
    if (end && end > until)
      until = end.getTime() === monthStart(end).getTime() ? end : monthStart(end, 1)
  }
  return { from, until }
}

/**
 * The range asked for: both ends as given; one end alone spans 24 months from (or to) it; none
 * is the default range.
 */
export const resolveTimelineRange = (
  asked: { from?: Date; until?: Date },
  licences: readonly TimelineLicence[],
  now: Date,
): TimelineRange => {
  const { from, until } = asked
  if (from && until) return { from, until }
  if (from) return { from, until: addUtcMonths(from, 24) }
  if (until) return { from: addUtcMonths(until, -24), until }
  return defaultTimelineRange(licences, now)
}

const addUtcMonths = (instant: Date, months: number): Date => {
  const moved = new Date(instant)
  moved.setUTCMonth(moved.getUTCMonth() + months)
  return moved
}

const localDay = (instant: number, timeZone: string): string => {
  const local = DateTime.fromMillis(instant, { zone: timeZone })
  return (local.isValid ? local : DateTime.fromMillis(instant, { zone: 'utc' })).toISODate() ?? ''
}

type BarFacts = Omit<TimelineBar, 'row' | 'description'>

const utcText = (instant: string) => `${new Date(instant).toISOString().slice(0, 16)}Z`

const describeBar = (bar: BarFacts, territory: string): string => {
  const what = bar.kind === 'holdback' ? `${bar.holdbackStrength ?? 'hard'} holdback` : 'grant'
  const terms = [
    `${bar.contractId ? `Contract ${bar.contractId}` : 'No contract id'} (licence ${bar.licenceId})`,
    `${bar.licenceType.toUpperCase()} ${what}${bar.exclusive ? ', exclusive' : ''}`,
    `Formats: ${bar.formats.length ? bar.formats.map((format) => format.toUpperCase()).join(', ') : 'any'}`,
    `${territory} from ${bar.firstLocalDay} (${bar.timeZone}), ${utcText(bar.start)}`,
    bar.end
      ? `through ${bar.lastLocalDay} (${bar.timeZone}), until ${utcText(bar.end)}`
      : 'open-ended',
  ]
  if (bar.via) terms.push(`Licensed on ${bar.via}`)
  if (bar.inConflict) terms.push('In conflict with another exclusive grant')
  return terms.join('\n')
}

/** Rows for overlapping bars: each bar takes the first row free at its start. */
const packRows = (bars: readonly BarFacts[]): { rows: number; rowOf: number[] } => {
  const rowEnds: number[] = []
  const rowOf = bars.map((bar) => {
    const startMs = Date.parse(bar.start)
    const row = rowEnds.findIndex((endMs) => endMs <= startMs)
    const endMs = bar.end ? Date.parse(bar.end) : Number.POSITIVE_INFINITY
    if (row === -1) {
      rowEnds.push(endMs)
      return rowEnds.length - 1
    }
    rowEnds[row] = endMs
    return row
  })
  return { rows: Math.max(1, rowEnds.length), rowOf }
}

const laneKey = (territory: string, licenceType: string) => `${territory}\u0000${licenceType}`

/**
 * Lanes (one per territory and licence type, in that order) with the windows that touch the
 * range as bars, holdbacks beside grants, the recorded conflicts once per pair of licences, the
 * months of the axis and today. Everything is positioned as a fraction of the range.
 */
export const titleTimeline = (
  licences: readonly TimelineLicence[],
  range: TimelineRange,
  now: Date,
): TitleTimeline => {
  const fromMs = range.from.getTime()
  const untilMs = range.until.getTime()
  const span = untilMs - fromMs
  const at = (ms: number) => (Math.min(Math.max(ms, fromMs), untilMs) - fromMs) / span
  const placed = (startMs: number, endMs: number | null) => {
    const left = at(startMs)
    return { left, width: at(endMs ?? untilMs) - left }
  }
  const touchesRange = (startMs: number, endMs: number | null) =>
    startMs < untilMs && (endMs === null || endMs > fromMs)

  type LaneFacts = Omit<TimelineLane, 'bars' | 'rows'> & { bars: BarFacts[] }
  const lanes = new Map<string, LaneFacts>()
  const laneFor = (territory: string, licenceType: string, timeZone: string) => {
    const key = laneKey(territory, licenceType)
    const lane = lanes.get(key) ?? { territory, licenceType, timeZone, bars: [], conflicts: [] }
    lanes.set(key, lane)
    return lane
  }
  const conflictKeys = new Set<string>()
  for (const licence of licences) {
    for (const window of licence.windows) {
      const startMs = Date.parse(window.start)
      const endMs = window.end ? Date.parse(window.end) : null
      if (!touchesRange(startMs, endMs)) continue
      const inConflict = licence.conflicts.some(
        (conflict) =>
          conflict.territory === window.territory && conflict.licenceType === licence.licenceType,
      )
      laneFor(window.territory, licence.licenceType, window.timeZone).bars.push({
        licenceId: licence.id,
        contractId: licence.contractId,
        kind: licence.kind,
        holdbackStrength: licence.kind === 'holdback' ? licence.holdbackStrength : null,
        licenceType: licence.licenceType,
        formats: [...licence.formats],
        exclusive: licence.exclusive,
        via: licence.via,
        start: new Date(startMs).toISOString(),
        end: endMs === null ? null : new Date(endMs).toISOString(),
        firstLocalDay: localDay(startMs, window.timeZone),
        lastLocalDay: endMs === null ? null : localDay(endMs - 1, window.timeZone),
        timeZone: window.timeZone,
        ...placed(startMs, endMs),
        clippedStart: startMs < fromMs,
        clippedEnd: endMs === null || endMs > untilMs,
        inConflict,
      })
    }
    for (const conflict of licence.conflicts) {
      if (!conflict.territory || !conflict.overlapStart || !conflict.otherLicence) continue
      const startMs = Date.parse(conflict.overlapStart)
      const endMs = conflict.overlapEnd ? Date.parse(conflict.overlapEnd) : null
      const licenceType = conflict.licenceType ?? licence.licenceType
      const other = conflict.otherLicence
      const licenceIds: [string, string] =
        licence.id < other ? [licence.id, other] : [other, licence.id]
      const key = [...licenceIds, conflict.territory, licenceType, startMs, endMs].join('|')
      if (conflictKeys.has(key) || !touchesRange(startMs, endMs)) continue
      conflictKeys.add(key)
      const timeZone =
        licence.windows.find((window) => window.territory === conflict.territory)?.timeZone ?? 'UTC'
      laneFor(conflict.territory, licenceType, timeZone).conflicts.push({
        licenceIds,
        overlapStart: new Date(startMs).toISOString(),
        overlapEnd: endMs === null ? null : new Date(endMs).toISOString(),
        ...placed(startMs, endMs),
      })
    }
  }

  const months: TimelineMonth[] = []
  for (let month = monthStart(range.from); month < range.until; month = monthStart(month, 1)) {
    if (month < range.from) continue
    months.push({
      start: month.toISOString(),
      label: month.toISOString().slice(0, 7),
      left: at(month.getTime()),
    })
  }
  const nowMs = now.getTime()
  const bySort = (a: BarFacts, b: BarFacts) =>
    a.start.localeCompare(b.start) || a.licenceId.localeCompare(b.licenceId)
  return {
    from: range.from.toISOString(),
    until: range.until.toISOString(),
    today: nowMs >= fromMs && nowMs <= untilMs ? { at: now.toISOString(), left: at(nowMs) } : null,
    months,
    lanes: [...lanes.values()]
      .sort(
        (a, b) =>
          a.territory.localeCompare(b.territory) || a.licenceType.localeCompare(b.licenceType),
      )
      .map((lane) => {
        const bars = lane.bars.sort(bySort)
        const { rows, rowOf } = packRows(bars)
        return {
          ...lane,
          rows,
          bars: bars.map((bar, index) => ({
            ...bar,
            row: rowOf[index] ?? 0,
            description: describeBar(bar, lane.territory),
          })),
          conflicts: lane.conflicts.sort((a, b) => a.overlapStart.localeCompare(b.overlapStart)),
        }
      }),
  }
}
