import fs from 'node:fs'
import path from 'node:path'

import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import { readAvails } from '../../../src/avails/readAvails'
import { fromExcelSerial } from '../../../src/avails/readSpreadsheet'
import { AvailsFileError, type AvailRow, textOf } from '../../../src/avails/rows'

const samples = path.resolve(__dirname, '../../fixtures/ema-avails')

const header = ['DisplayName', 'Territory', 'WorkType', 'EntryType', 'Start', 'End', 'Exclusive']

const workbook = async (build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> => {
  const book = new ExcelJS.Workbook()
  build(book.addWorksheet('Template-Movies'))
  return new Uint8Array(await book.xlsx.writeBuffer())
}

const value = (row: AvailRow, field: keyof AvailRow['cells']) => row.cells[field]?.[0]?.value

describe('XLSX', () => {
  it('reads the version cell, skips annotation and empty rows, and keeps dates, serials, formulas and merged cells', async () => {
    const data = await workbook((sheet) => {
      sheet.getCell('A1').value = 1.9
      sheet.getRow(2).values = header
      sheet.getRow(3).values = ['//REQ', '//REQ', '//REQ', '//REQ', '//REQ', '//REQ', '//Opt']
      sheet.getRow(4).values = [
        'Rockstar',
        'US',
        'Movie',
        'Full Extract',
        new Date(Date.UTC(2026, 0, 1)),
        'Open',
      ]
      sheet.getCell('G4').value = { formula: 'TRUE()' }
      sheet.getRow(5).values = [
        '',
        'DE',
        'Movie',
        'Full Extract',
        45292,
        { formula: 'DATE(2026,12,31)', result: new Date(Date.UTC(2026, 11, 31)) },
      ]
      sheet.getCell('G5').value = { formula: 'IF(B5="DE",TRUE(),FALSE())' }
      sheet.mergeCells('A4:A5')
      sheet.getRow(7).values = [
        'Rockstar',
        'CA',
        'Movie',
        'Full Extract',
        new Date(Date.UTC(2026, 5, 1, 6, 30)),
        '2026-07-01',
      ]
    })
    const parsed = await readAvails(data, 'avails.xlsx')
    expect(parsed).toMatchObject({ format: 'xlsx', version: '1.9', versionFrom: 'file' })
    expect(parsed.rows.map((row) => row.row)).toEqual([4, 5, 7])
    const [first, second, third] = parsed.rows
    expect(value(first, 'Start')).toEqual({ kind: 'date', date: '2026-01-01' })
    expect(value(first, 'Exclusive')).toEqual({ kind: 'boolean', value: true })
    // A merged cell's value applies to every cell it covers.
    expect(value(second, 'DisplayName')).toEqual({ kind: 'text', text: 'Rockstar' })
    // An Excel serial day typed into a date column.
    expect(value(second, 'Start')).toEqual({ kind: 'date', date: '2024-01-01' })
    expect(value(second, 'End')).toEqual({ kind: 'date', date: '2026-12-31' })
    expect(value(second, 'Exclusive')).toEqual({
      kind: 'formula',
      formula: 'IF(B5="DE",TRUE(),FALSE())',
    })
    expect(value(third, 'Start')).toEqual({
      kind: 'dateTime',
      text: '2026-06-01T06:30:00',
      zoned: false,
    })
    expect(second.cells.Start?.[0].column).toBe('E')
    expect(third.raw).toMatchObject({ Territory: 'CA', End: '2026-07-01' })
  })

  it('a workbook without the header row, or with an unknown version, is refused', async () => {
    const noHeader = await workbook((sheet) => {
      sheet.getRow(1).values = ['Title', 'Country']
      sheet.getRow(2).values = ['Up', 'US']
    })
    await expect(readAvails(noHeader, 'x.xlsx')).rejects.toThrow(/no EMA Avails header row/)
    const future = await workbook((sheet) => {
      sheet.getCell('A1').value = '3.0'
      sheet.getRow(2).values = header
      sheet.getRow(3).values = ['Rockstar', 'US', 'Movie']
    })
    await expect(readAvails(future, 'x.xlsx')).rejects.toThrow(
      /unknown EMA Avails spreadsheet version 3\.0/,
    )
  })

  it('Excel serial dates in either date system', () => {
    expect(fromExcelSerial(45292)).toEqual({ kind: 'date', date: '2024-01-01' })
    expect(fromExcelSerial(45292.5)).toEqual({
      kind: 'dateTime',
      text: '2024-01-01T12:00:00',
      zoned: false,
    })
    expect(fromExcelSerial(43830, true)).toEqual({ kind: 'date', date: '2024-01-01' })
  })

  it.each([
    ['Movies_v1.7.2.xlsx', '1.7', 'columns', 27],
    ['Movies_v1.9.xlsx', '1.9', 'file', 26],
    ['TV_v1.8.xlsx', '1.8', 'file', 38],
    ['TV_v1.9.xlsx', '1.9', 'file', 38],
  ])(
    'the MovieLabs sample %s: version %s (from %s), %i rows',
    async (file, version, from, rows) => {
      const parsed = await readAvails(fs.readFileSync(path.join(samples, file)), file)
      expect(parsed).toMatchObject({ version, versionFrom: from })
      expect(parsed.rows).toHaveLength(rows)
    },
  )
})

describe('CSV', () => {
  it('reads the spreadsheet columns, with a BOM and quoted values; rows are numbered as in the file', async () => {
    const text = `\uFEFF${header.join(',')}\n"Rockstar, Inc.",US,Movie,Full Extract,2026-01-01,Open\n\nRockstar,DE,Movie,Delete,2026-01-01T10:00:00Z,Open`
    const parsed = await readAvails(Buffer.from(text), 'a.csv')
    expect(parsed).toMatchObject({ format: 'csv', version: '1.7', versionFrom: 'columns' })
    expect(parsed.rows.map((row) => row.row)).toEqual([2, 4])
    expect(textOf(value(parsed.rows[0], 'DisplayName')!)).toBe('Rockstar, Inc.')
    expect(parsed.rows[1].cells.Start?.[0]).toMatchObject({
      column: 'E',
      raw: '2026-01-01T10:00:00Z',
    })
  })
})

describe('XML', () => {
  it('one row per Transaction with its Avail fields; version from the namespace', async () => {
    const parsed = await readAvails(
      fs.readFileSync(path.join(samples, 'Avails_noErrors_v2.4.xml')),
      'a.xml',
    )
    expect(parsed).toMatchObject({ format: 'xml', version: '2.4', versionFrom: 'namespace' })
    expect(parsed.rows).toHaveLength(24)
    const episode = parsed.rows.find((row) => textOf(value(row, 'WorkType')!) === 'Episode')!
    expect(textOf(value(episode, 'SeriesTitleDisplayUnlimited')!)).toBe(
      'Jake and the Neverland Pirates',
    )
    expect(textOf(value(episode, 'SeasonNumber')!)).toBe('1')
    expect(textOf(value(episode, 'EndCondition')!)).toBe('Open')
    const bundle = parsed.rows.find((row) => textOf(value(row, 'WorkType')!) === 'Collection')!
    expect(textOf(value(bundle, 'BundleALIDs')!)).toBe(
      '33483_OV;33600_OV;33601_OV;33602_OV;33603_OV',
    )
    expect(bundle.cells.BundleALIDs?.[0].column).toBe('Avail[4]/Asset/BundledAsset')
    const announced = parsed.rows.find((row) => row.cells.AnnounceDate)!
    expect(textOf(value(announced, 'AnnounceDate')!)).toBe('2015-04-06')
  })

  it('an unknown schema version is refused', async () => {
    const xml =
      '<avails:AvailList xmlns:avails="http://www.movielabs.com/schema/avails/v3.1/avails"></avails:AvailList>'
    await expect(readAvails(Buffer.from(xml), 'a.xml')).rejects.toThrow(
      /unknown EMA Avails XML version 3\.1/,
    )
  })
})

describe('file type', () => {
  it('refuses empty files, other types and names that contradict the content', async () => {
    await expect(readAvails(new Uint8Array(), 'a.csv')).rejects.toBeInstanceOf(AvailsFileError)
    await expect(readAvails(Buffer.from('x'), 'a.pdf')).rejects.toThrow(/not EMA Avails/)
    await expect(readAvails(Buffer.from('<a/>'), 'a.csv')).rejects.toThrow(
      /named \.csv but its content is XML/,
    )
    await expect(readAvails(Buffer.from([0, 1, 2, 3]), 'a')).rejects.toThrow(/binary/)
  })
})
