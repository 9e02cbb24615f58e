import type { ContentCollection, Offer } from '../availability'
import { idOf } from './ids'
import type { AvailabilityRow, RowState } from './materialize'

/** One availability row as the audit compares it. */
export type AuditRow = Pick<AvailabilityRow, 'contentKey' | 'territory' | 'start' | 'end'> & {
  /** The id the row's title relation holds (what the content API joins on); null when cleared. */
  titleId: string | null
  offers: Offer[]
  state: RowState
  availableFrom: string | null
  availableUntil: string | null
}

export const relationOf: Record<ContentCollection, 'film' | 'series' | 'season' | 'episode'> = {
  films: 'film',
  series: 'series',
  seasons: 'season',
  episodes: 'episode',
}

export type RowRecord = Pick<AvailabilityRow, 'contentKey' | 'territory' | 'start' | 'end'> &
  Partial<Record<'film' | 'series' | 'season' | 'episode', unknown>> & {
    titleCollection?: ContentCollection
    offers?: unknown
    state?: RowState | null
    availableFrom?: string | null
    availableUntil?: string | null
  }

export type TitleDifference = {
  contentKey: string
  /** Rows a recomputation gives that are not stored. */
  missing: AuditRow[]
  /** Stored rows a recomputation does not give. */
  extra: AuditRow[]
  /** Rows stored for the same title, territory and start, but with another end or offers. */
  different: { expected: AuditRow; stored: AuditRow }[]
}

const normalOffers = (offers: unknown): Offer[] =>
  (Array.isArray(offers) ? (offers as Offer[]) : [])
    .map((offer) => ({ licenceType: offer.licenceType, formats: [...offer.formats].sort() }))
    .sort((a, b) => (a.licenceType < b.licenceType ? -1 : a.licenceType > b.licenceType ? 1 : 0))

/** An instant as `toISOString` writes it; strings already in that form are kept as they are. */
const isoInstant = (value: string): string =>
  value.length === 24 && value[10] === 'T' && value.endsWith('Z')
    ? value
    : new Date(value).toISOString()

export const normalRow = (row: RowRecord): AuditRow => ({
  contentKey: row.contentKey,
  titleId: row.titleCollection ? (idOf(row[relationOf[row.titleCollection]]) ?? null) : null,
  territory: row.territory,
  start: isoInstant(row.start),
  end: isoInstant(row.end),
  offers: normalOffers(row.offers),
  state: row.state ?? 'available',
  availableFrom: row.availableFrom ? isoInstant(row.availableFrom) : null,
  availableUntil: row.availableUntil ? isoInstant(row.availableUntil) : null,
})

const slot = (row: AuditRow) =>
  `${row.contentKey}|${row.titleId ?? '-'}|${row.territory}|${row.start}`
/** Everything a row says: rows with the same key are the same row. */
const fullKey = (row: AuditRow) =>
  `${slot(row)}|${row.end}|${JSON.stringify(row.offers)}|${row.state}|${row.availableFrom}|${row.availableUntil}`

/**
 * Pure: how the stored rows of some titles differ from the rows a recomputation gives, per
 * title (only titles that differ are returned).
 */
export const compareRows = (
  expected: readonly AuditRow[],
  stored: readonly AuditRow[],
): TitleDifference[] => {
  const differences = new Map<string, TitleDifference>()
  const of = (contentKey: string) => {
    let difference = differences.get(contentKey)
    if (!difference) {
      difference = { contentKey, missing: [], extra: [], different: [] }
      differences.set(contentKey, difference)
    }
    return difference
  }
  // Exact matches first (the common case, one map lookup per row), then what is left of each
  // slot (title, territory, start) pairs up as `different`.
  const storedByKey = new Map<string, AuditRow[]>()
  for (const row of stored) {
    const key = fullKey(row)
    const list = storedByKey.get(key)
    if (list) list.push(row)
    else storedByKey.set(key, [row])
  }
  const unmatched: AuditRow[] = []
  for (const row of expected) {
    const list = storedByKey.get(fullKey(row))
    if (list && list.length > 0) list.pop()
    else unmatched.push(row)
  }
  const storedBySlot = new Map<string, AuditRow[]>()
  for (const list of storedByKey.values()) {
    for (const row of list) {
      const rows = storedBySlot.get(slot(row))
      if (rows) rows.push(row)
      else storedBySlot.set(slot(row), [row])
    }
  }
  for (const row of unmatched) {
    const other = storedBySlot.get(slot(row))?.shift()
    if (other) of(row.contentKey).different.push({ expected: row, stored: other })
    else of(row.contentKey).missing.push(row)
  }
  for (const leftovers of storedBySlot.values()) {
    for (const row of leftovers) of(row.contentKey).extra.push(row)
  }
  return [...differences.values()].sort((a, b) => a.contentKey.localeCompare(b.contentKey))
}
