import { DateTime } from 'luxon'

import { type AvailCell, textOf } from './rows'
import { unresolvableConditions } from './vocabulary'

/**
 * How a date-time without offset or `Z` is read: in each territory's reference zone (the
 * default), in one named IANA zone for the whole file (`UTC`, `America/Los_Angeles` ...), or
 * refused (`reject`). Recorded on the import and on every licence it writes.
 */
export type ZoneConvention = 'territory' | 'reject' | { zone: string }

export const describeConvention = (convention: ZoneConvention): string =>
  typeof convention === 'string' ? convention : convention.zone

export const parseConvention = (text: string | null | undefined): ZoneConvention | null => {
  const value = (text ?? '').trim()
  if (value === '' || value === 'territory') return 'territory'
  if (value === 'reject') return 'reject'
  return DateTime.local().setZone(value).isValid ? { zone: value } : null
}

/** A Start or End as the file gives it. */
export type When =
  | { kind: 'date'; date: string }
  | { kind: 'dateTime'; text: string; zoned: boolean }
  | { kind: 'open' }
  | { kind: 'immediate' }

const datePattern = /^\d{4}-\d{2}-\d{2}$/
const dateTimePattern =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i

const validDate = (text: string) => DateTime.fromISO(text, { zone: 'UTC' }).isValid

/** Reads one Start/End/AnnounceDate cell, or says why it cannot be read. */
export const readWhen = (cell: AvailCell): When | { error: string } => {
  const value = cell.value
  if (value.kind === 'date') return { kind: 'date', date: value.date }
  if (value.kind === 'dateTime') return { kind: 'dateTime', text: value.text, zoned: value.zoned }
  if (value.kind === 'formula') {
    return {
      error: `a formula (=${value.formula}) without a stored value: save the sheet with values`,
    }
  }
  const text = textOf(value).trim()
  if (/^open$/i.test(text)) return { kind: 'open' }
  if (/^immediate$/i.test(text)) return { kind: 'immediate' }
  const condition = unresolvableConditions.find((name) => name.toLowerCase() === text.toLowerCase())
  if (condition) {
    return { error: `the condition ${condition} names no instant; give a date or date-time` }
  }
  if (datePattern.test(text)) {
    return validDate(text)
      ? { kind: 'date', date: text }
      : { error: `${text} is not a calendar date` }
  }
  const dateTime = dateTimePattern.exec(text)
  if (dateTime) {
    const iso = `${dateTime[1]}T${dateTime[2]}${dateTime[3] ?? ''}`
    if (!DateTime.fromISO(iso, { setZone: true }).isValid)
      return { error: `${text} is not a date-time` }
    return { kind: 'dateTime', text: iso, zoned: Boolean(dateTime[3]) }
  }
  return {
    error: `${text} is not a date: use YYYY-MM-DD or an ISO 8601 date-time (dates typed as text in other forms are not guessed)`,
  }
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the form licences store absolute instants in. */
const utcSeconds = (ms: number) =>
  `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`

export type BoundaryRule = 'date' | 'absolute' | 'zone-less' | 'open' | 'immediate'

export interface ResolvedBoundary {
  /** What the licence stores: `YYYY-MM-DD`, an instant with `Z`, or null (open end). */
  value: string | null
  rule: BoundaryRule
  /** The zone a zone-less date-time was read in. */
  zone?: string
}

/** Earliest start the licence model can hold, for a Start given as `Open`. */
export const openStart = '1970-01-01T00:00:00Z'

/**
 * A Start/End for one territory. Dates stay dates (the licence resolves them per territory, an
 * End date including its day); zone-less date-times follow the convention.
 */
export const resolveWhen = (
  when: When,
  which: 'start' | 'end',
  territoryZone: string,
  convention: ZoneConvention,
  now: Date,
): ResolvedBoundary | { error: string } => {
  switch (when.kind) {
    case 'open':
      return which === 'start' ? { value: openStart, rule: 'open' } : { value: null, rule: 'open' }
    case 'immediate':
      return { value: utcSeconds(now.getTime()), rule: 'immediate' }
    case 'date':
      return { value: when.date, rule: 'date' }
    case 'dateTime': {
      if (when.zoned) {
        const ms = DateTime.fromISO(when.text, { setZone: true }).toMillis()
        if (ms % 1000 !== 0) return { error: `${when.text}: boundaries are exact to the second` }
        return { value: utcSeconds(ms), rule: 'absolute' }
      }
      if (convention === 'reject') {
        return {
          error: `${when.text} has no offset or Z and the import declares no zone convention`,
        }
      }
      const zone = convention === 'territory' ? territoryZone : convention.zone
      const local = DateTime.fromISO(when.text, { zone })
      if (local.millisecond !== 0)
        return { error: `${when.text}: boundaries are exact to the second` }
      return { value: utcSeconds(local.toMillis()), rule: 'zone-less', zone }
    }
  }
}
