import { AvailabilityInputError } from './errors'

export interface CalendarDate {
  year: number
  month: number
  day: number
}

export interface DateTimeParts extends CalendarDate {
  hour: number
  minute: number
  second: number
  millisecond: number
  /** Minutes east of UTC, or null when the text carried no offset. */
  offsetMinutes: number | null
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i

const minuteMs = 60_000
const earliestYear = 1900

const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate()

const checkDate = (field: string, raw: string, { year, month, day }: CalendarDate): void => {
  if (year < earliestYear) throw new AvailabilityInputError(field, `${raw}: year before 1900`)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new AvailabilityInputError(field, `${raw} is not a calendar date`)
  }
}

const parseOffset = (field: string, raw: string, text: string | undefined): number | null => {
  if (text === undefined) return null
  if (text.toUpperCase() === 'Z') return 0
  const digits = text.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0
  if (hours > 18 || minutes > 59) {
    throw new AvailabilityInputError(field, `${raw} has an impossible UTC offset ${text}`)
  }
  const sign = text.startsWith('-') ? -1 : 1
  return sign * (hours * 60 + minutes)
}

/** `YYYY-MM-DD`, or null when the text is not shaped like a date; throws for 2025-02-30. */
export const parseCalendarDate = (raw: string, field: string): CalendarDate | null => {
  const match = datePattern.exec(raw)
  if (!match) return null
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
  checkDate(field, raw, date)
  return date
}

/** ISO 8601 date-time with or without offset, or null when not shaped like one. */
export const parseDateTimeParts = (raw: string, field: string): DateTimeParts | null => {
  const match = dateTimePattern.exec(raw)
  if (!match) return null
  const parts: DateTimeParts = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: match[6] === undefined ? 0 : Number(match[6]),
    millisecond: match[7] === undefined ? 0 : Number(match[7].padEnd(3, '0').slice(0, 3)),
    offsetMinutes: parseOffset(field, raw, match[8]),
  }
  checkDate(field, raw, parts)
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) {
    throw new AvailabilityInputError(field, `${raw} is not a valid time of day`)
  }
  if (match[7] !== undefined && /[1-9]/.test(match[7].slice(3))) {
    throw new AvailabilityInputError(field, `${raw} is more precise than a millisecond`)
  }
  return parts
}

/** Milliseconds since the epoch of a wall-clock reading, as if it were UTC. */
export const wallClockMs = (parts: CalendarDate & Partial<DateTimeParts>): number =>
  Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
    parts.millisecond ?? 0,
  )

/** An absolute instant: a date-time carrying `Z` or an explicit offset. */
export const parseInstantMs = (raw: string, field: string): number => {
  const parts = parseDateTimeParts(raw.trim(), field)
  if (!parts) {
    throw new AvailabilityInputError(field, `${raw} is not an ISO 8601 date-time`)
  }
  if (parts.offsetMinutes === null) {
    throw new AvailabilityInputError(
      field,
      `${raw} has no UTC offset; add Z or ±HH:MM, or give a date only (YYYY-MM-DD)`,
    )
  }
  return wallClockMs(parts) - parts.offsetMinutes * minuteMs
}

/** `Date`, epoch milliseconds or an absolute ISO string, as epoch milliseconds. */
export const toEpochMs = (instant: Date | number | string, field = 'at'): number => {
  const ms =
    typeof instant === 'string'
      ? parseInstantMs(instant, field)
      : typeof instant === 'number'
        ? instant
        : instant.getTime()
  if (!Number.isFinite(ms)) throw new AvailabilityInputError(field, 'not a valid instant')
  return ms
}

/** UTC ISO string; whole seconds are written without a fraction (`2025-03-30T22:00:00Z`). */
export const formatInstant = (ms: number): string => {
  const iso = new Date(ms).toISOString()
  return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso
}

/** Open-ended windows use +Infinity as their end so comparisons need no special case. */
export const toEndMs = (end: string | null | undefined, field = 'end'): number =>
  end === null || end === undefined || end === '' ? Infinity : parseInstantMs(end, field)

export const formatEnd = (endMs: number): string | null =>
  endMs === Infinity ? null : formatInstant(endMs)
