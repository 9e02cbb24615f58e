import { AvailabilityInputError } from './errors'
import {
  type CalendarDate,
  formatInstant,
  parseCalendarDate,
  parseInstantMs,
  toEndMs,
  toEpochMs,
} from './instant'
import { nextCalendarDate, startOfLocalDayMs } from './localTime'
import { ianaZone } from './timeZone'
import type { TimeWindow } from './types'

export type Boundary =
  | { kind: 'date'; date: CalendarDate; raw: string }
  | { kind: 'instant'; instantMs: number; raw: string }

/**
 * `YYYY-MM-DD` (a day in the territory's zone) or an ISO 8601 date-time with `Z` or an
 * offset (absolute). A date-time without offset is ambiguous across territories: refused.
 */
export const parseBoundary = (raw: string, field = 'boundary'): Boundary => {
  const text = raw.trim()
  const date = parseCalendarDate(text, field)
  if (date) return { kind: 'date', date, raw }
  const instantMs = parseInstantMs(text, field)
  if (instantMs % 1000 !== 0) {
    throw new AvailabilityInputError(field, `${raw}: window boundaries are exact to the second`)
  }
  return { kind: 'instant', instantMs, raw }
}

export type BoundaryRule = 'local-day-start' | 'local-day-end' | 'absolute' | 'open'

/** What the user typed and how it became an instant, kept beside the result for audit. */
export interface BoundaryBasis {
  raw: string | null
  rule: BoundaryRule
}

export interface ResolvedWindow extends TimeWindow {
  basis: { timeZone: string; start: BoundaryBasis; end: BoundaryBasis }
}

export interface WindowInput {
  start: string
  end?: string | null
}

const isBlank = (value: string | null | undefined): value is null | undefined | '' =>
  value === null || value === undefined || value.trim() === ''

/**
 * Resolves a window as typed to UTC instants for one territory's reference zone. A date-only
 * start is the start of that local day; a date-only end includes the whole local day, so it
 * is stored as the start of the next one. Absolute values pass through; a blank end is open.
 */
export const resolveWindow = (input: WindowInput, timeZone: string): ResolvedWindow => {
  const zone = ianaZone(timeZone)
  if (isBlank(input.start)) throw new AvailabilityInputError('start', 'start is required')

  const start = parseBoundary(input.start, 'start')
  const startMs = start.kind === 'date' ? startOfLocalDayMs(start.date, zone) : start.instantMs
  const startBasis: BoundaryBasis = {
    raw: input.start,
    rule: start.kind === 'date' ? 'local-day-start' : 'absolute',
  }

  if (isBlank(input.end)) {
    return {
      start: formatInstant(startMs),
      end: null,
      basis: { timeZone: zone.name, start: startBasis, end: { raw: null, rule: 'open' } },
    }
  }

  const end = parseBoundary(input.end, 'end')
  const endMs =
    end.kind === 'date' ? startOfLocalDayMs(nextCalendarDate(end.date), zone) : end.instantMs
  if (endMs <= startMs) throw new AvailabilityInputError('end', 'end must be after start')

  return {
    start: formatInstant(startMs),
    end: formatInstant(endMs),
    basis: {
      timeZone: zone.name,
      start: startBasis,
      end: { raw: input.end, rule: end.kind === 'date' ? 'local-day-end' : 'absolute' },
    },
  }
}

/** Half-open: true at `start`, false at `end`. */
export const contains = (window: TimeWindow, instant: Date | number | string): boolean => {
  const at = toEpochMs(instant)
  return parseInstantMs(window.start, 'start') <= at && at < toEndMs(window.end)
}
