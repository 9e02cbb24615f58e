/**
 * The shape every rights report has (columns, rows of typed cells), how its rows sort and how
 * it is written as CSV. Pure and free of time-zone libraries, so the admin's client table
 * sorts with exactly the rules the CSV endpoint uses.
 */

export const reportKinds = [
  'conflicts',
  'warnings',
  'endingSoon',
  'groupDrift',
  'gaps',
  'audit',
] as const

export type ReportKind = (typeof reportKinds)[number]

export const isReportKind = (value: string): value is ReportKind =>
  (reportKinds as readonly string[]).includes(value)

export type ReportTitleRef = {
  /** `films/12` */
  key: string
  collection: string
  id: string
  /** The title's name; the key when the title no longer exists. */
  name: string
  missing?: boolean
}

export type ReportLicenceRef = { id: string; contractId: string | null }

/**
 * An instant with the territory's local day beside it. `utc` null: open-ended (an end) or
 * never (the last grant of a title that never had one).
 */
export type ReportInstant = {
  utc: string | null
  territory: string | null
  timeZone: string | null
  /** The territory's calendar day of the instant (for an end: the last day included). */
  localDate: string | null
}

export type ReportCell =
  | { type: 'text'; value: string | null }
  | { type: 'number'; value: number }
  | { type: 'codes'; value: string[] }
  | { type: 'instant'; value: ReportInstant }
  | { type: 'titles'; value: ReportTitleRef[] }
  | { type: 'licence'; value: ReportLicenceRef | null }

export type ReportCellType = ReportCell['type']

export type ReportColumn = { key: string; type: ReportCellType }

export type ReportRow = { key: string; cells: Record<string, ReportCell> }

export type Report = {
  kind: ReportKind
  columns: ReportColumn[]
  rows: ReportRow[]
  /** The column the rows come sorted by, ascending. */
  sortedBy: string
}

export type SortDirection = 'asc' | 'desc'

type SortKey = { missing: boolean; number: number; text: string }

const licenceLabel = (licence: ReportLicenceRef) => licence.contractId ?? `#${licence.id}`

const sortKeyOf = (cell: ReportCell | undefined): SortKey => {
  const none = { missing: true, number: 0, text: '' }
  if (!cell) return none
  switch (cell.type) {
    case 'number':
      return { missing: false, number: cell.value, text: '' }
    case 'instant':
      return cell.value.utc === null
        ? none
        : { missing: false, number: Date.parse(cell.value.utc), text: '' }
    case 'text':
      return cell.value === null ? none : { missing: false, number: 0, text: cell.value }
    case 'codes':
      return { missing: cell.value.length === 0, number: 0, text: cell.value.join(' ') }
    case 'titles':
      return { missing: cell.value.length === 0, number: 0, text: cell.value[0]?.name ?? '' }
    case 'licence':
      return cell.value === null
        ? none
        : { missing: false, number: 0, text: licenceLabel(cell.value) }
  }
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/**
 * The rows sorted by one column (stable: equal cells keep their order). Empty cells (an
 * open end, no title) come last in either direction.
 */
export const sortReportRows = (
  rows: readonly ReportRow[],
  column: string,
  direction: SortDirection = 'asc',
): ReportRow[] => {
  const sign = direction === 'asc' ? 1 : -1
  return rows
    .map((row, index) => ({ row, index, key: sortKeyOf(row.cells[column]) }))
    .sort((a, b) => {
      if (a.key.missing !== b.key.missing) return a.key.missing ? 1 : -1
      const order = a.key.number - b.key.number || collator.compare(a.key.text, b.key.text)
      return sign * order || a.index - b.index
    })
    .map(({ row }) => row)
}

/** The CSV header cells of one column: instants give the UTC instant and the local date. */
const headerOf = (column: ReportColumn): string[] => {
  switch (column.type) {
    case 'instant':
      return [`${column.key}Utc`, `${column.key}LocalDate`, `${column.key}TimeZone`]
    case 'titles':
      return [column.key, `${column.key}Keys`]
    case 'licence':
      return [column.key, `${column.key}Id`]
    default:
      return [column.key]
  }
}

const csvCellsOf = (cell: ReportCell | undefined, type: ReportCellType): string[] => {
  if (!cell) return headerOf({ key: '', type }).map(() => '')
  switch (cell.type) {
    case 'text':
      return [cell.value ?? '']
    case 'number':
      return [String(cell.value)]
    case 'codes':
      return [cell.value.join(' ')]
    case 'instant':
      return [cell.value.utc ?? '', cell.value.localDate ?? '', cell.value.timeZone ?? '']
    case 'titles':
      return [
        cell.value.map((title) => title.name).join('; '),
        cell.value.map((title) => title.key).join(' '),
      ]
    case 'licence':
      return cell.value ? [licenceLabel(cell.value), cell.value.id] : ['', '']
  }
}

/**
 * The report as CSV records: a header row, then one record per row in the report's order.
 * Titles are named (with their keys beside them), instants are UTC with the territory's
 * local date and its zone beside them.
 */
export const reportCsvRecords = (report: Report): string[][] => [
  report.columns.flatMap(headerOf),
  ...report.rows.map((row) =>
    report.columns.flatMap((column) => csvCellsOf(row.cells[column.key], column.type)),
  ),
]

/** The path of a title's edit page in the admin. */
export const adminTitlePath = (title: Pick<ReportTitleRef, 'collection' | 'id'>) =>
  `/admin/collections/${title.collection}/${title.id}`

export const adminLicencePath = (licence: ReportLicenceRef) =>
  `/admin/collections/licences/${licence.id}`
