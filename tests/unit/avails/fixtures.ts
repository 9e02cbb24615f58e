import type { Region } from '../../../src/availability'
import type { ImportedLicence } from '../../../src/avails/diff'
import type { LicenceDraft, MappingOptions } from '../../../src/avails/mapRows'
import type { AvailField, AvailRow, CellValue } from '../../../src/avails/rows'
import type { CatalogTitle } from '../../../src/avails/titles'

export const regions: Region[] = [
  { code: 'US', kind: 'country', timeZone: 'America/New_York' },
  { code: 'DE', kind: 'country', timeZone: 'Europe/Berlin' },
  { code: 'AT', kind: 'country', timeZone: 'Europe/Vienna' },
  { code: 'CH', kind: 'country', timeZone: 'Europe/Zurich' },
  { code: 'DACH', kind: 'group', members: ['DE', 'AT', 'CH'] },
]

export const catalog: CatalogTitle[] = [
  {
    ref: { collection: 'films', id: '1' },
    names: ['The Bravados'],
    releaseYear: 1958,
    eidr: '10.5240/8FF3-1C20-84F5-F247-8BCD-E',
  },
  {
    ref: { collection: 'films', id: '2' },
    names: ['Dodgeball: A True Underdog Story', 'Voll auf die Nüsse'],
    releaseYear: 2004,
    availsIds: ['030434'],
  },
  { ref: { collection: 'films', id: '3' }, names: ['Footloose'], releaseYear: 1984 },
  { ref: { collection: 'films', id: '4' }, names: ['Footloose'], releaseYear: 2011 },
  { ref: { collection: 'films', id: '5' }, names: ['Twin'], releaseYear: 2000, availsIds: ['DUP'] },
  { ref: { collection: 'films', id: '6' }, names: ['Twin'], releaseYear: 2000, availsIds: ['DUP'] },
  {
    ref: { collection: 'series', id: '10' },
    names: ['The Detectives'],
    availsIds: ['md:cid:org:rs:det'],
  },
  {
    ref: { collection: 'seasons', id: '11' },
    names: ['Season 1'],
    seasonNumber: 1,
    parent: { collection: 'series', id: '10' },
  },
  {
    ref: { collection: 'episodes', id: '12' },
    names: ['The Time and Place'],
    episodeNumber: 1,
    parent: { collection: 'seasons', id: '11' },
  },
  {
    ref: { collection: 'episodes', id: '13' },
    names: ['Birds of a Feather'],
    episodeNumber: 2,
    parent: { collection: 'seasons', id: '11' },
  },
]

let rowNumber = 1

/** An avails row as a reader produces it; column letters are the field names' order. */
export const row = (
  fields: Partial<Record<AvailField, string | CellValue | undefined>>,
): AvailRow => {
  rowNumber += 1
  const cells: AvailRow['cells'] = {}
  const raw: Record<string, string> = {}
  Object.entries(fields).forEach(([field, value], index) => {
    if (value === undefined) return
    const cellValue: CellValue = typeof value === 'string' ? { kind: 'text', text: value } : value
    const text = typeof value === 'string' ? value : JSON.stringify(value)
    cells[field as AvailField] = [
      { value: cellValue, column: String.fromCharCode(65 + index), raw: text },
    ]
    raw[field] = text
  })
  return { sheet: 'Movies', row: rowNumber, cells, raw }
}

/** A valid Movie row for The Bravados in the US, with overrides. */
export const movie = (
  overrides: Partial<Record<AvailField, string | CellValue | undefined>> = {},
) =>
  row({
    DisplayName: '20th Century Fox',
    Territory: 'US',
    WorkType: 'Movie',
    EntryType: 'Full Extract',
    TitleInternalAlias: 'Bravados, The',
    ContentID: 'md:cid:eidr-s:8FF3-1C20-84F5-F247-8BCD-E',
    ALID: 'md:alid:fox:1143',
    LicenseType: 'EST',
    FormatProfile: 'HD',
    Start: '2026-01-01',
    End: 'Open',
    ...overrides,
  })

export const now = new Date('2026-03-01T12:34:56.789Z')
export const options: MappingOptions = {
  now,
  zoneConvention: 'territory',
  createMissingTitles: false,
}

/** The licences an earlier import stored for these drafts, numbered from 1. */
export const storedDrafts = (drafts: LicenceDraft[]): ImportedLicence[] =>
  drafts.map((draft, index) => ({
    id: String(index + 1),
    availsKey: draft.availsKey,
    licensor: draft.licensor,
    contractId: draft.contractId,
    contentKeys: draft.contentKeys,
    licenceType: draft.licenceType,
    countries: [draft.territory],
    formats: draft.formats,
    start: draft.start,
    end: draft.end,
    announceAt: draft.announceAt ? new Date(draft.announceAt).toISOString() : null,
    exclusive: draft.exclusive,
    source: draft.source,
  }))
