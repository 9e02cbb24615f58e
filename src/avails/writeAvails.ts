import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { XMLBuilder } from 'fast-xml-parser'

import {
  type ExportColumn,
  exportColumns,
  type ExportRow,
  type ExportValue,
  requiredExportColumns,
} from './exportRows'
import type { AvailsFormat } from './rows'

/** The spreadsheet template version written in the annotation row (as MovieLabs' templates do). */
const exportSpreadsheetVersion = '1.9'
const exportXmlVersion = '2.4'

const annotation = (column: ExportColumn) =>
  requiredExportColumns.includes(column) ? '//REQ' : '//Opt'

const plain = (value: ExportValue | undefined): string => {
  if (!value) return ''
  switch (value.kind) {
    case 'text':
      return value.text
    case 'date':
      return value.date
    case 'number':
      return String(value.value)
  }
}

/** Header row, then the annotation row whose first cell is the template version. */
const annotationRow = () =>
  exportColumns.map((column, index) =>
    index === 0 ? exportSpreadsheetVersion : annotation(column),
  )

const writeCsv = (rows: readonly ExportRow[]): Uint8Array =>
  Buffer.from(
    stringify([
      [...exportColumns],
      annotationRow(),
      ...rows.map((row) => exportColumns.map((column) => plain(row.values[column]))),
    ]),
    'utf8',
  )

const excelValue = (value: ExportValue | undefined): ExcelJS.CellValue => {
  if (!value) return null
  switch (value.kind) {
    case 'text':
      return value.text
    case 'number':
      return value.value
    case 'date': {
      const [year, month, day] = value.date.split('-').map(Number)
      return new Date(Date.UTC(year, month - 1, day))
    }
  }
}

const writeXlsx = async (rows: readonly ExportRow[]): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Avails')
  sheet.addRow([...exportColumns]).font = { bold: true }
  const notes = sheet.addRow(annotationRow())
  notes.getCell(1).value = Number(exportSpreadsheetVersion)
  for (const row of rows) {
    const added = sheet.addRow(exportColumns.map((column) => excelValue(row.values[column])))
    exportColumns.forEach((column, index) => {
      if (row.values[column]?.kind === 'date') added.getCell(index + 1).numFmt = 'yyyy-mm-dd'
    })
  }
  sheet.views = [{ state: 'frozen', ySplit: 2 }]
  exportColumns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = Math.max(12, column.length + 2)
  })
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

type XmlNode = Record<string, unknown>

const textOf = (row: ExportRow, column: ExportColumn): string | undefined => {
  const value = plain(row.values[column])
  return value === '' ? undefined : value
}

/** Drops absent members, so the builder writes no empty elements. */
const compact = (node: XmlNode): XmlNode =>
  Object.fromEntries(Object.entries(node).filter(([, value]) => value !== undefined))

const number = (value: string | undefined) => (value ? { 'md:Number': value } : undefined)

const seriesMetadata = (row: ExportRow) =>
  compact({
    'avails:SeriesContentID': textOf(row, 'SeriesContentID'),
    'avails:SeriesTitleDisplayUnlimited': textOf(row, 'SeriesTitleDisplayUnlimited'),
    'avails:SeriesTitleInternalAlias': textOf(row, 'SeriesTitleInternalAlias'),
  })

const seasonMetadata = (row: ExportRow, withTitle: boolean) =>
  compact({
    ...(withTitle ? titleMetadata(row) : {}),
    'avails:SeasonContentID': textOf(row, 'SeasonContentID'),
    'avails:SeasonNumber': number(textOf(row, 'SeasonNumber')),
    'avails:SeriesMetadata': seriesMetadata(row),
  })

const titleMetadata = (row: ExportRow) =>
  compact({
    'avails:TitleDisplayUnlimited': textOf(row, 'TitleDisplayUnlimited'),
    'avails:TitleInternalAlias': textOf(row, 'TitleInternalAlias'),
    'avails:ReleaseDate': textOf(row, 'ReleaseYear'),
  })

/**
 * `contentID` is required in XML: a title without EIDR or avails id gets one in our own
 * namespace, which the importer's identifier lookup does not know, so it matches by names.
 */
const ownContentId = (row: ExportRow) =>
  `md:cid:org:reelhouse:${row.asset === 'collection' ? `licence-${row.licenceId}` : row.asset.replace('/', '-')}`

/** The Asset of an Avail, nested as v2.4 nests episode, season and series metadata. */
const assetOf = (row: ExportRow): XmlNode => {
  const asset: XmlNode = {
    '@_contentID': textOf(row, 'ContentID') ?? textOf(row, 'ALID') ?? ownContentId(row),
    'avails:WorkType': row.workType,
  }
  switch (row.workType) {
    case 'Episode':
      asset['avails:EpisodeMetadata'] = compact({
        ...titleMetadata(row),
        'avails:EpisodeNumber': number(textOf(row, 'EpisodeNumber')),
        'avails:SeasonMetadata': seasonMetadata(row, false),
      })
      break
    case 'Season':
      asset['avails:SeasonMetadata'] = seasonMetadata(row, true)
      break
    case 'Series':
      asset['avails:SeriesMetadata'] = compact({ ...titleMetadata(row), ...seriesMetadata(row) })
      break
    case 'Movie':
      asset['avails:Metadata'] = titleMetadata(row)
      break
    case 'Collection':
      asset['avails:Metadata'] = titleMetadata(row)
      asset['avails:BundledAsset'] = (textOf(row, 'BundleALIDs') ?? '')
        .split(';')
        .filter(Boolean)
        .map((alid, sequence) => ({ '@_sequence': String(sequence), 'avails:BundledALID': alid }))
      break
  }
  return asset
}

const boundary = (row: ExportRow, column: 'Start' | 'End'): XmlNode => {
  const value = textOf(row, column)
  return value === 'Open'
    ? { [`avails:${column}Condition`]: 'Open' }
    : { [`avails:${column}`]: value }
}

const transactionOf = (row: ExportRow): XmlNode => {
  const hdr = textOf(row, 'HDR')
  const announce = textOf(row, 'AnnounceDate')
  return compact({
    '@_TransactionID': textOf(row, 'AvailID'),
    'avails:LicenseType': textOf(row, 'LicenseType'),
    'avails:Territory': row.territories.map((country) => ({ 'md:country': country })),
    ...boundary(row, 'Start'),
    ...boundary(row, 'End'),
    'avails:FormatProfile': hdr
      ? { '#text': textOf(row, 'FormatProfile'), '@_HDR': hdr }
      : textOf(row, 'FormatProfile'),
    'avails:ContractID': textOf(row, 'ContractID'),
    'avails:Exclusive': textOf(row, 'Exclusive'),
    'avails:Term': announce
      ? [{ '@_termName': 'AnnounceDate', 'avails:Event': announce }]
      : undefined,
  })
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
})

/** EMA Avails XML v2.4: one Avail per licence and asset, one Transaction per row. */
const writeXml = (rows: readonly ExportRow[]): Uint8Array => {
  const avails = new Map<string, ExportRow[]>()
  for (const row of rows) avails.set(row.avail, [...(avails.get(row.avail) ?? []), row])
  const list = [...avails.values()].map((transactions) => {
    const first = transactions[0]
    return compact({
      'avails:ALID': textOf(first, 'ALID'),
      'avails:Disposition': { 'avails:EntryType': textOf(first, 'EntryType') },
      'avails:Licensor': { 'md:DisplayName': textOf(first, 'DisplayName') ?? '' },
      'avails:Asset': assetOf(first),
      'avails:Transaction': transactions.map(transactionOf),
    })
  })
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'avails:AvailList': {
      '@_xmlns:avails': `http://www.movielabs.com/schema/avails/v${exportXmlVersion}/avails`,
      '@_xmlns:md': 'http://www.movielabs.com/schema/md/v2.7/md',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      ...(list.length > 0 ? { 'avails:Avail': list } : {}),
    },
  }
  return Buffer.from(builder.build(document) as string, 'utf8')
}

export const writeAvails = async (
  rows: readonly ExportRow[],
  format: AvailsFormat,
): Promise<Uint8Array> => {
  switch (format) {
    case 'xlsx':
      return writeXlsx(rows)
    case 'csv':
      return writeCsv(rows)
    case 'xml':
      return writeXml(rows)
  }
}
