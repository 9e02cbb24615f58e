/**
 * One EMA Avails row in a form every reader produces: spreadsheet rows (XLSX, CSV) and XML
 * transactions alike. Values keep where they came from, so errors can name sheet, row and column.
 */
export type CellValue =
  | { kind: 'text'; text: string }
  /** A calendar day (`YYYY-MM-DD`), e.g. an Excel date cell at midnight. */
  | { kind: 'date'; date: string }
  /** An ISO 8601 date-time as given; `zoned` is false when it carries no offset or `Z`. */
  | { kind: 'dateTime'; text: string; zoned: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  /** A spreadsheet formula without a value the file stored for it. */
  | { kind: 'formula'; formula: string }

export interface AvailCell {
  value: CellValue
  /** Column letter (spreadsheets) or element path (XML). */
  column: string
  /** The value as the file has it, for the audit trail. */
  raw: string
}

/** The EMA fields the import reads; spreadsheet headers and XML elements map onto these. */
export const availFields = [
  'DisplayName',
  'Territory',
  'TerritoryExcluded',
  'WorkType',
  'EntryType',
  'TitleInternalAlias',
  'TitleDisplayUnlimited',
  'SeriesTitleInternalAlias',
  'SeriesTitleDisplayUnlimited',
  'SeasonNumber',
  'EpisodeNumber',
  'LicenseType',
  'FormatProfile',
  'HDR',
  'Start',
  'End',
  'StartCondition',
  'EndCondition',
  'ContentID',
  'ALID',
  'TitleID',
  'EditID',
  'SeriesContentID',
  'SeasonContentID',
  'EpisodeContentID',
  'SeriesID',
  'SeasonID',
  'EpisodeID',
  'EpisodeTitleID',
  'AvailID',
  'AnnounceDate',
  'ReleaseYear',
  'ContractID',
  'Exclusive',
  'BundleALIDs',
] as const
export type AvailField = (typeof availFields)[number]

export interface AvailRow {
  /** Sheet name for spreadsheets; `AvailList` for XML. */
  sheet: string | null
  /** 1-based row number in the sheet, or the transaction's position in an XML file. */
  row: number
  cells: Partial<Record<AvailField, AvailCell[]>>
  /** Every non-empty value of the row by header, as in the file. */
  raw: Record<string, string>
}

export type AvailsFormat = 'xlsx' | 'csv' | 'xml'

export interface ParsedAvails {
  format: AvailsFormat
  /** EMA version: `1.9`, `2.4` ...; `versionFrom` says how it was found. */
  version: string
  versionFrom: 'file' | 'columns' | 'namespace'
  rows: AvailRow[]
}

/** A problem with one row: nothing of the row is imported. */
export interface RowError {
  sheet: string | null
  row: number
  column: string | null
  field: string | null
  reason: string
  /** Titles a row could mean, when it matched none or several. */
  candidates?: string[]
}

/** The file cannot be read at all (wrong type, no header row, unknown version, empty ...). */
export class AvailsFileError extends Error {
  readonly reason: string

  constructor(reason: string) {
    super(reason)
    this.name = 'AvailsFileError'
    this.reason = reason
  }
}

export const textOf = (value: CellValue): string => {
  switch (value.kind) {
    case 'text':
      return value.text
    case 'date':
      return value.date
    case 'dateTime':
      return value.text
    case 'number':
      return String(value.value)
    case 'boolean':
      return value.value ? 'true' : 'false'
    case 'formula':
      return `=${value.formula}`
  }
}

/** A cell from a plain string (CSV, XML): dates stay text until a field asks for a date. */
export const textCell = (text: string, column: string): AvailCell => ({
  value: { kind: 'text', text },
  column,
  raw: text,
})
