import type { ContentCollection, Offer } from '../availability'
import { idOf } from './ids'
import type { AvailabilityRow } from './materialize'

/** One availability row as the audit compares it. */
export type AuditRow = Pick<AvailabilityRow, 'contentKey' | 'territory' | 'start' | 'end'> & {
  /** The id the row's title relation holds (what the content API joins on); null when cleared. */
  titleId: string | null
  offers: Offer[]
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
    .sort((a, b) => a.licenceType.localeCompare(b.licenceType))

export const normalRow = (row: RowRecord): AuditRow => ({
  contentKey: row.contentKey,
  titleId: row.titleCollection ? (idOf(row[relationOf[row.titleCollection]]) ?? null) : null,
  territory: row.territory,
  start: new Date(row.start).toISOString(),
  end: new Date(row.end).toISOString(),
  offers: normalOffers(row.offers),
})

const slot = (row: AuditRow) =>
  `${row.contentKey}|${row.titleId ?? '-'}|${row.territory}|${row.start}`
const sameRow = (a: AuditRow, b: AuditRow) =>
  a.end === b.end && JSON.stringify(a.offers) === JSON.stringify(b.offers)

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
  const storedBySlot = new Map<string, AuditRow[]>()
  for (const row of stored) {
    const list = storedBySlot.get(slot(row)) ?? []
    list.push(row)
    storedBySlot.set(slot(row), list)
  }
  for (const row of expected) {
    const candidates = storedBySlot.get(slot(row)) ?? []
    const exact = candidates.findIndex((candidate) => sameRow(candidate, row))
    if (exact >= 0) {
      candidates.splice(exact, 1)
      continue
    }
    const other = candidates.shift()
    if (other) of(row.contentKey).different.push({ expected: row, stored: other })
    else of(row.contentKey).missing.push(row)
  }
  for (const leftovers of storedBySlot.values()) {
    for (const row of leftovers) of(row.contentKey).extra.push(row)
  }
  return [...differences.values()].sort((a, b) => a.contentKey.localeCompare(b.contentKey))
}
