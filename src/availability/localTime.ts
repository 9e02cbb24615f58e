import type { IANAZone } from 'luxon'

import { AvailabilityInputError } from './errors'
import { type CalendarDate, formatInstant, parseDateTimeParts, wallClockMs } from './instant'
import { ianaZone, offsetMs } from './timeZone'

const dayMs = 86_400_000

/**
 * Every instant whose local reading in `zone` is `wallMs`: none inside a spring-forward gap,
 * two inside a fall-back overlap, otherwise one. Offsets are sampled a day either side, which
 * covers any zone that changes offset at most once in two days.
 */
const instantsAtWallClock = (zone: IANAZone, wallMs: number): number[] => {
  const offsets = new Set([
    offsetMs(zone, wallMs - dayMs),
    offsetMs(zone, wallMs),
    offsetMs(zone, wallMs + dayMs),
  ])
  const instants = [...offsets]
    .map((offset) => wallMs - offset)
    .filter((instant) => instant + offsetMs(zone, instant) === wallMs)
  return [...new Set(instants)].sort((a, b) => a - b)
}

/** The first instant whose local reading is at or after `wallMs` (searches whole seconds). */
const firstInstantReaching = (zone: IANAZone, wallMs: number): number => {
  const reaches = (instant: number) => instant + offsetMs(zone, instant) >= wallMs
  let low = Math.floor((wallMs - 14 * 3_600_000) / 1000) - 1
  let high = Math.ceil((wallMs + 14 * 3_600_000) / 1000) + 1
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2)
    if (reaches(middle * 1000)) high = middle
    else low = middle
  }
  return high * 1000
}

/**
 * The instant a local calendar day begins. Usually local midnight; when midnight falls in a
 * spring-forward gap (e.g. America/Havana, Asia/Beirut) the day begins at the first instant
 * that exists on it, i.e. the transition; when midnight happens twice, at the first of them.
 */
export const startOfLocalDayMs = (date: CalendarDate, zone: IANAZone): number => {
  const midnight = wallClockMs(date)
  const instants = instantsAtWallClock(zone, midnight)
  return instants.length > 0 ? instants[0] : firstInstantReaching(zone, midnight)
}

export const nextCalendarDate = ({ year, month, day }: CalendarDate): CalendarDate => {
  const next = new Date(Date.UTC(year, month - 1, day + 1))
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }
}

export type AmbiguityPolicy = 'earlier' | 'later' | 'reject'

export interface LocalDateTimeResolution {
  /** UTC, second precision. */
  instant: string
  /** True when clocks showed this local time twice (fall-back); `candidates` lists both. */
  ambiguous: boolean
  candidates: string[]
}

/**
 * A local date-time without offset (`2025-03-30T02:30`) in an IANA zone. Times that do not
 * exist (spring-forward gap) are rejected; times that happen twice are flagged and resolved
 * to the earlier occurrence unless told otherwise.
 */
export const resolveLocalDateTime = (
  local: string,
  timeZone: string,
  {
    onAmbiguous = 'earlier',
    field = 'local',
  }: { onAmbiguous?: AmbiguityPolicy; field?: string } = {},
): LocalDateTimeResolution => {
  const zone = ianaZone(timeZone)
  const parts = parseDateTimeParts(local.trim(), field)
  if (!parts) throw new AvailabilityInputError(field, `${local} is not an ISO 8601 date-time`)
  if (parts.offsetMinutes !== null) {
    throw new AvailabilityInputError(field, `${local} carries an offset; give the local time only`)
  }
  const candidates = instantsAtWallClock(zone, wallClockMs(parts)).map(formatInstant)
  if (candidates.length === 0) {
    throw new AvailabilityInputError(
      field,
      `${local} does not exist in ${zone.name}: clocks skip it when daylight saving starts`,
    )
  }
  const ambiguous = candidates.length > 1
  if (ambiguous && onAmbiguous === 'reject') {
    throw new AvailabilityInputError(
      field,
      `${local} happens twice in ${zone.name} (daylight saving ends): ${candidates.join(' or ')}`,
    )
  }
  const instant = onAmbiguous === 'later' ? candidates[candidates.length - 1] : candidates[0]
  return { instant, ambiguous, candidates }
}
