import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

import {
  type AvailCell,
  type AvailField,
  availFields,
  type AvailRow,
  AvailsFileError,
  type CellValue,
  type ParsedAvails,
  textOf,
} from './rows'

/** Spreadsheet headers that name a field differently from the XML element. */
const headerAliases: Record<string, AvailField> = {
  TerritoryExclusion: 'TerritoryExcluded',
}

const fieldOfHeader = (header: string): AvailField | undefined =>
  headerAliases[header] ??
  ((availFields as readonly string[]).find((field) => field === header) as AvailField | undefined)

const supportedSpreadsheetVersions = ['1.6', '1.7', '1.7.2', '1.7.3', '1.8', '1.9']

const dateFields: readonly AvailField[] = ['Start', 'End', 'AnnounceDate']

const columnLetter = (index: number): string => {
  let n = index
  let letters = ''
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** A date the workbook stored: midnight is a calendar day, anything else a zone-less date-time. */
const fromDate = (date: Date): CellValue => {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds()
  if (seconds === 0 && date.getUTCMilliseconds() === 0) return { kind: 'date', date: day }
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  return { kind: 'dateTime', text: `${day}T${time}`, zoned: false }
}

const excelEpochMs = Date.UTC(1899, 11, 30)
const excel1904EpochMs = Date.UTC(1904, 0, 1)

/** An Excel serial day number (typed into a cell without a date format). */
export const fromExcelSerial = (serial: number, date1904 = false): CellValue => {
  const epoch = date1904 ? excel1904EpochMs : excelEpochMs
  return fromDate(new Date(epoch + Math.round(serial * 86_400) * 1000))
}

type ExcelValue = ExcelJS.CellValue

const constantFormula = /^(TRUE|FALSE)\(\)$/i

const cellValueOf = (value: ExcelValue): CellValue | null => {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return fromDate(value)
  if (typeof value === 'number') return { kind: 'number', value }
  if (typeof value === 'boolean') return { kind: 'boolean', value }
  if (typeof value === 'string') return value.trim() === '' ? null : { kind: 'text', text: value }
  if ('richText' in value) {
    const text = value.richText.map((part) => part.text).join('')
    return text.trim() === '' ? null : { kind: 'text', text }
  }
  if ('hyperlink' in value) {
    const text = typeof value.text === 'string' ? value.text : ''
    return text.trim() === '' ? null : { kind: 'text', text }
  }
  if ('error' in value) return { kind: 'text', text: String(value.error) }
  const formula = 'formula' in value ? value.formula : value.sharedFormula
  const result = value.result
  if (
    result !== undefined &&
    result !== null &&
    !(typeof result === 'object' && 'error' in result)
  ) {
    // Excel stores TRUE() as 1: a boolean formula keeps its boolean meaning.
    if (constantFormula.test(formula ?? '') && typeof result === 'number') {
      return { kind: 'boolean', value: result !== 0 }
    }
    return cellValueOf(result)
  }
  // TRUE() and FALSE() are constants: the value is known without a stored result.
  const constant = constantFormula.exec(formula ?? '')
  if (constant) return { kind: 'boolean', value: constant[1].toUpperCase() === 'TRUE' }
  return { kind: 'formula', formula: formula ?? '' }
}

const isVersion = (text: string) => /^\d+(\.\d+){1,2}$/.test(text.trim())

type Grid = {
  name: string
  cellAt: (row: number, column: number) => CellValue | null
  rows: number
  columns: number
}

const findHeaderRow = (grid: Grid): number | null => {
  for (let row = 1; row <= Math.min(grid.rows, 10); row += 1) {
    const texts = new Set<string>()
    for (let column = 1; column <= grid.columns; column += 1) {
      const value = grid.cellAt(row, column)
      if (value?.kind === 'text') texts.add(value.text.trim())
    }
    if (texts.has('Territory') && texts.has('WorkType')) return row
  }
  return null
}

/** The "//REQ" / "//Opt" annotation rows templates carry under the header. */
const isAnnotationRow = (values: CellValue[]): boolean =>
  values.filter((value) => value.kind === 'text' && value.text.trim().startsWith('/')).length * 2 >
  values.length

const rowValues = (grid: Grid, row: number): CellValue[] => {
  const values: CellValue[] = []
  for (let column = 1; column <= grid.columns; column += 1) {
    const value = grid.cellAt(row, column)
    if (value) values.push(value)
  }
  return values
}

/** Templates write their version in the first cell: of the first row, or of the annotation row. */
const versionOf = (
  grid: Grid,
  headerRow: number,
  headers: Map<number, string>,
): Pick<ParsedAvails, 'version' | 'versionFrom'> => {
  const candidates = [grid.cellAt(1, 1)]
  if (isAnnotationRow(rowValues(grid, headerRow + 1)))
    candidates.push(grid.cellAt(headerRow + 1, 1))
  const first = candidates.find(
    (value) => value && (value.kind === 'number' || isVersion(textOf(value))),
  )
  const text = first ? textOf(first).trim() : ''
  if (first) {
    if (!supportedSpreadsheetVersions.includes(text)) {
      throw new AvailsFileError(
        `${grid.name}: unknown EMA Avails spreadsheet version ${text} (supported: ${supportedSpreadsheetVersions.join(', ')})`,
      )
    }
    return { version: text, versionFrom: 'file' }
  }
  const names = new Set(headers.values())
  return { version: names.has('TerritoryExclusion') ? '1.8' : '1.7', versionFrom: 'columns' }
}

const rowsOfGrid = (
  grid: Grid,
  date1904: boolean,
): { rows: AvailRow[]; version: Pick<ParsedAvails, 'version' | 'versionFrom'> } | null => {
  const headerRow = findHeaderRow(grid)
  if (headerRow === null) return null
  const headers = new Map<number, string>()
  for (let column = 1; column <= grid.columns; column += 1) {
    const value = grid.cellAt(headerRow, column)
    if (value) headers.set(column, textOf(value).trim())
  }
  const version = versionOf(grid, headerRow, headers)
  const rows: AvailRow[] = []
  for (let rowNumber = headerRow + 1; rowNumber <= grid.rows; rowNumber += 1) {
    const cells: AvailRow['cells'] = {}
    const raw: Record<string, string> = {}
    const values = rowValues(grid, rowNumber)
    if (values.length === 0 || isAnnotationRow(values)) continue
    for (const [column, header] of headers) {
      let value = grid.cellAt(rowNumber, column)
      if (!value) continue
      const rawText = textOf(value)
      raw[header] = rawText
      const field = fieldOfHeader(header)
      if (!field) continue
      if (value.kind === 'number' && dateFields.includes(field)) {
        value = fromExcelSerial(value.value, date1904)
      }
      const cell: AvailCell = { value, column: columnLetter(column), raw: rawText }
      ;(cells[field] ??= []).push(cell)
    }
    rows.push({ sheet: grid.name, row: rowNumber, cells, raw })
  }
  return { rows, version }
}

const noHeader = (what: string) =>
  new AvailsFileError(
    `${what} has no EMA Avails header row (a row naming the columns, with Territory and WorkType) in its first 10 rows`,
  )

export const readXlsx = async (data: Uint8Array): Promise<ParsedAvails> => {
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs declares its own Buffer (an ArrayBuffer): hand it exactly the file's bytes.
    await workbook.xlsx.load(data.slice().buffer)
  } catch {
    throw new AvailsFileError('not a readable XLSX workbook')
  }
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904)
  const rows: AvailRow[] = []
  let version: Pick<ParsedAvails, 'version' | 'versionFrom'> | null = null
  workbook.eachSheet((sheet) => {
    const grid: Grid = {
      name: sheet.name,
      rows: sheet.rowCount,
      columns: sheet.columnCount,
      cellAt: (row, column) => cellValueOf(sheet.getCell(row, column).value),
    }
    const read = rowsOfGrid(grid, date1904)
    if (!read) return
    version ??= read.version
    rows.push(...read.rows)
  })
  if (!version) throw noHeader('The workbook')
  return { format: 'xlsx', ...(version as Pick<ParsedAvails, 'version' | 'versionFrom'>), rows }
}

export const readCsv = (data: Uint8Array): ParsedAvails => {
  let records: string[][]
  try {
    records = parseCsv(Buffer.from(data), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][]
  } catch (error) {
    throw new AvailsFileError(`not readable as CSV: ${(error as Error).message}`)
  }
  const columns = Math.max(0, ...records.map((record) => record.length))
  const grid: Grid = {
    name: 'CSV',
    rows: records.length,
    columns,
    cellAt: (row, column) => {
      const text = records[row - 1]?.[column - 1]
      return text === undefined || text.trim() === '' ? null : { kind: 'text', text }
    },
  }
  const read = rowsOfGrid(grid, false)
  if (!read) throw noHeader('The CSV file')
  return { format: 'csv', ...read.version, rows: read.rows }
}
