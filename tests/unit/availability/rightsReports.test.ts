import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'

import {
  groupDriftOf,
  type RecordedOverlap,
  type Region,
  reportCsvRecords,
  type ReportInputs,
  reportInstant,
  type ReportLicence,
  type ReportRow,
  type ReportTitleRef,
  rightsReports,
  sortReportRows,
} from '../../../src/availability'

const now = '2026-12-04T12:00:00.000Z'

const title = (key: string, name: string): ReportTitleRef => {
  const [collection, id] = key.split('/')
  return { key, collection, id, name }
}

const regions: Region[] = [
  { code: 'DE', kind: 'country', timeZone: 'Europe/Berlin' },
  { code: 'AT', kind: 'country', timeZone: 'Europe/Vienna' },
  { code: 'CH', kind: 'country', timeZone: 'Europe/Zurich' },
  { code: 'LI', kind: 'country', timeZone: 'Europe/Vaduz' },
  { code: 'US', kind: 'country', timeZone: 'America/New_York' },
  { code: 'CN', kind: 'country', timeZone: 'Asia/Shanghai' },
  { code: 'DACH', kind: 'group', members: ['DE', 'AT', 'CH', 'LI'] },
]

const licence = (id: string, overrides: Partial<ReportLicence> = {}): ReportLicence => ({
  id,
  contractId: `C-${id}`,
  licenceType: 'svod',
  kind: 'grant',
  holdbackStrength: null,
  contentKeys: ['films/1'],
  windows: [],
  conflicts: [],
  warnings: [],
  groupSnapshot: null,
  ...overrides,
})

const overlap = (other: string, overrides: Partial<RecordedOverlap> = {}): RecordedOverlap => ({
  otherLicence: other,
  territory: 'DE',
  licenceType: 'svod',
  titles: 'films/1',
  overlapStart: '2026-02-28T23:00:00.000Z',
  overlapEnd: '2026-06-30T22:00:00.000Z',
  ...overrides,
})

const titles = new Map(
  [
    title('films/1', 'Harbour Lights'),
    title('films/2', 'Arctic Run'),
    title('series/3', 'Night Shift'),
    title('episodes/9', 'Night Shift: Pilot'),
  ].map((ref) => [ref.key, ref]),
)

const inputs = (overrides: Partial<ReportInputs> = {}): ReportInputs => ({
  now,
  days: 30,
  licences: [],
  titles,
  regions,
  launchTerritories: ['CN', 'US', 'DE'],
  publishedTitles: [],
  topLevelOf: new Map(),
  audit: null,
  ...overrides,
})

describe('report instants', () => {
  it('gives a start the territory’s local day of the instant', () => {
    expect(reportInstant('2026-02-28T23:00:00Z', 'DE', 'Europe/Berlin')).toEqual({
      utc: '2026-02-28T23:00:00.000Z',
      territory: 'DE',
      timeZone: 'Europe/Berlin',
      localDate: '2026-03-01',
    })
  })

  it('gives an (exclusive) end the last local day it includes', () => {
    // Midnight at the start of 1 July in Berlin (CEST) ends the day 30 June.
    expect(reportInstant('2026-06-30T22:00:00Z', 'DE', 'Europe/Berlin', 'end').localDate).toBe(
      '2026-06-30',
    )
    // The same instant is still 30 June in New York, and its last included moment too.
    expect(reportInstant('2026-06-30T22:00:00Z', 'US', 'America/New_York', 'end').localDate).toBe(
      '2026-06-30',
    )
    expect(reportInstant(null, 'DE', 'Europe/Berlin', 'end')).toMatchObject({
      utc: null,
      localDate: null,
    })
  })
})

describe('conflicts and warnings', () => {
  it('lists a conflict both licences recorded once, by title name, the lower id first', () => {
    const { reports } = rightsReports(
      inputs({
        licences: [
          licence('12', { conflicts: [overlap('4')] }),
          licence('4', { contractId: null, conflicts: [overlap('12')] }),
        ],
      }),
    )
    expect(reports.conflicts.rows).toHaveLength(1)
    const [row] = reports.conflicts.rows
    expect(row.cells.titles).toEqual({ type: 'titles', value: [titles.get('films/1')] })
    expect(row.cells.licence).toEqual({ type: 'licence', value: { id: '4', contractId: null } })
    expect(row.cells.otherLicence).toEqual({
      type: 'licence',
      value: { id: '12', contractId: 'C-12' },
    })
    expect(row.cells.licenceType).toEqual({ type: 'text', value: 'SVOD' })
    expect(row.cells.overlapStart).toMatchObject({
      value: { localDate: '2026-03-01', timeZone: 'Europe/Berlin' },
    })
    expect(row.cells.overlapEnd).toMatchObject({ value: { localDate: '2026-06-30' } })
  })

  it('names a title that no longer exists by its key, marked missing', () => {
    const { reports } = rightsReports(
      inputs({ licences: [licence('1', { conflicts: [overlap('2', { titles: 'films/77' })] })] }),
    )
    expect(reports.conflicts.rows[0].cells.titles).toEqual({
      type: 'titles',
      value: [{ key: 'films/77', collection: 'films', id: '77', name: 'films/77', missing: true }],
    })
  })

  it('puts the soft holdback in its column whichever licence recorded the warning', () => {
    const { reports } = rightsReports(
      inputs({
        licences: [
          licence('5', { warnings: [overlap('6')] }),
          licence('6', { kind: 'holdback', holdbackStrength: 'soft', warnings: [overlap('5')] }),
        ],
      }),
    )
    expect(reports.warnings.rows).toHaveLength(1)
    expect(reports.warnings.rows[0].cells.holdback).toMatchObject({ value: { id: '6' } })
    expect(reports.warnings.rows[0].cells.grant).toMatchObject({ value: { id: '5' } })
  })
})

describe('ending soon', () => {
  const windows = [
    {
      territory: 'DE',
      start: '2026-01-01T00:00:00Z',
      end: '2026-12-20T23:00:00.000Z',
      timeZone: 'Europe/Berlin',
    },
    {
      territory: 'US',
      start: '2026-01-01T00:00:00Z',
      end: '2026-12-10T05:00:00.000Z',
      timeZone: 'America/New_York',
    },
    {
      territory: 'CN',
      start: '2026-01-01T00:00:00Z',
      end: '2027-03-01T00:00:00.000Z',
      timeZone: 'Asia/Shanghai',
    },
    { territory: 'AT', start: '2026-01-01T00:00:00Z', end: null, timeZone: 'Europe/Vienna' },
    {
      territory: 'CH',
      start: '2026-01-01T00:00:00Z',
      end: '2026-12-01T00:00:00.000Z',
      timeZone: 'Europe/Zurich',
    },
  ]

  it('lists windows ending within the days, soonest first, with days left and the last local day', () => {
    const { reports } = rightsReports(
      inputs({ licences: [licence('1', { windows, contentKeys: ['films/2', 'films/1'] })] }),
    )
    const rows = reports.endingSoon.rows
    expect(rows.map((row) => row.cells.territory)).toEqual([
      { type: 'text', value: 'US' },
      { type: 'text', value: 'DE' },
    ])
    expect(rows[0].cells.daysLeft).toEqual({ type: 'number', value: 6 })
    // 2026-12-10T05:00Z is midnight in New York: the window's last day there is 9 December.
    expect(rows[0].cells.end).toMatchObject({ value: { localDate: '2026-12-09' } })
    expect(rows[1].cells.end).toMatchObject({ value: { localDate: '2026-12-20' } })
    // Titles by name, alphabetically.
    expect(rows[0].cells.titles).toMatchObject({
      value: [{ name: 'Arctic Run' }, { name: 'Harbour Lights' }],
    })
  })

  it('widens with the days asked for', () => {
    const { reports } = rightsReports(inputs({ days: 120, licences: [licence('1', { windows })] }))
    expect(reports.endingSoon.rows).toHaveLength(3)
  })
})

describe('group drift', () => {
  it('says which countries a group gained and lost since the licence was saved', () => {
    expect(groupDriftOf({ DACH: ['DE', 'AT', 'CH'] }, regions)).toEqual({
      DACH: { added: ['LI'], removed: [] },
    })
    expect(groupDriftOf({ DACH: ['AT', 'CH', 'DE', 'LI'] }, regions)).toEqual({})
    // A group deleted since: every saved member is removed.
    expect(groupDriftOf({ NORDICS: ['SE', 'NO'] }, regions)).toEqual({
      NORDICS: { added: [], removed: ['NO', 'SE'] },
    })
  })

  it('has one row per licence and group that drifted', () => {
    const { reports } = rightsReports(
      inputs({
        licences: [
          licence('1', { groupSnapshot: { DACH: ['DE', 'AT', 'CH', 'FR'] } }),
          licence('2', { groupSnapshot: { DACH: ['DE', 'AT', 'CH', 'LI'] } }),
        ],
      }),
    )
    expect(reports.groupDrift.rows).toHaveLength(1)
    expect(reports.groupDrift.rows[0].cells).toMatchObject({
      group: { value: 'DACH' },
      added: { type: 'codes', value: ['LI'] },
      removed: { type: 'codes', value: ['FR'] },
    })
  })
})

describe('rights gaps', () => {
  const published = [
    title('films/1', 'Harbour Lights'),
    title('films/2', 'Arctic Run'),
    title('series/3', 'Night Shift'),
  ]
  const grant = (id: string, contentKeys: string[], territory: string, end: string | null) =>
    licence(id, {
      contentKeys,
      windows: [{ territory, start: '2026-01-01T00:00:00Z', end, timeZone: null }],
    })

  it('lists each published title and launch territory without a grant now or to come', () => {
    const { reports } = rightsReports(
      inputs({
        publishedTitles: published,
        topLevelOf: new Map([['episodes/9', 'series/3']]),
        licences: [
          grant('1', ['films/1'], 'DE', null),
          grant('2', ['films/1'], 'US', '2026-06-01T04:00:00.000Z'),
          grant('3', ['films/1'], 'CN', '2027-01-01T00:00:00.000Z'),
          // An episode's grant counts for its series.
          grant('4', ['episodes/9'], 'DE', null),
          // Not a launch territory, and a holdback: neither closes a gap.
          grant('5', ['films/2'], 'AT', null),
          licence('6', {
            kind: 'holdback',
            contentKeys: ['films/2'],
            windows: [
              { territory: 'DE', start: '2026-01-01T00:00:00Z', end: null, timeZone: null },
            ],
          }),
        ],
      }),
    )
    const gaps = reports.gaps.rows.map(
      (row) =>
        `${(row.cells.titles.value as ReportTitleRef[])[0].name} ${row.cells.territory.value as string}`,
    )
    expect(gaps).toEqual([
      'Arctic Run CN',
      'Arctic Run US',
      'Arctic Run DE',
      'Harbour Lights US',
      'Night Shift CN',
      'Night Shift US',
    ])
    const expired = reports.gaps.rows.find((row) => row.key === 'films/1|US')
    expect(expired?.cells.lastGrantEnd).toMatchObject({
      value: { utc: '2026-06-01T04:00:00.000Z', localDate: '2026-05-31', territory: 'US' },
    })
    expect(
      reports.gaps.rows.find((row) => row.key === 'films/2|DE')?.cells.lastGrantEnd,
    ).toMatchObject({
      value: { utc: null },
    })
  })
})

describe('sorting', () => {
  const row = (key: string, name: string, end: string | null, days: number): ReportRow => ({
    key,
    cells: {
      titles: { type: 'titles', value: [title(`films/${key}`, name)] },
      end: { type: 'instant', value: reportInstant(end, 'DE', 'Europe/Berlin', 'end') },
      daysLeft: { type: 'number', value: days },
    },
  })
  const rows = [
    row('1', 'Zebra', '2026-12-10T00:00:00Z', 10),
    row('2', 'alpha', null, 2),
    row('3', 'Alpha 10', '2026-12-05T00:00:00Z', 100),
    row('4', 'Alpha 9', '2026-12-07T00:00:00Z', 2),
  ]
  const keys = (sorted: ReportRow[]) => sorted.map((candidate) => candidate.key)

  it('sorts names case-insensitively with numbers in order, both directions', () => {
    expect(keys(sortReportRows(rows, 'titles'))).toEqual(['2', '4', '3', '1'])
    expect(keys(sortReportRows(rows, 'titles', 'desc'))).toEqual(['1', '3', '4', '2'])
  })

  it('sorts instants chronologically with open ends last in either direction', () => {
    expect(keys(sortReportRows(rows, 'end'))).toEqual(['3', '4', '1', '2'])
    expect(keys(sortReportRows(rows, 'end', 'desc'))).toEqual(['1', '4', '3', '2'])
  })

  it('sorts numbers numerically and keeps equal rows in their order', () => {
    expect(keys(sortReportRows(rows, 'daysLeft'))).toEqual(['2', '4', '1', '3'])
    expect(keys(sortReportRows(rows, 'daysLeft', 'desc'))).toEqual(['3', '1', '2', '4'])
  })
})

describe('CSV', () => {
  it('holds the report’s rows and columns, with UTC instants and local dates', () => {
    const { reports } = rightsReports(
      inputs({
        licences: [
          licence('12', {
            contractId: 'ACME-1',
            conflicts: [overlap('4', { titles: 'films/1, films/2' })],
          }),
          licence('4', {
            conflicts: [overlap('12', { titles: 'films/1, films/2', overlapEnd: null })],
          }),
        ],
      }),
    )
    const records = reportCsvRecords(reports.conflicts)
    expect(records[0]).toEqual([
      'titles',
      'titlesKeys',
      'territory',
      'licenceType',
      'licence',
      'licenceId',
      'otherLicence',
      'otherLicenceId',
      'overlapStartUtc',
      'overlapStartLocalDate',
      'overlapStartTimeZone',
      'overlapEndUtc',
      'overlapEndLocalDate',
      'overlapEndTimeZone',
    ])
    // Both licences recorded the conflict; the row comes once. (Their entries differ in the
    // end, the first one read wins.)
    expect(records).toHaveLength(2)
    expect(records[1]).toEqual([
      'Arctic Run; Harbour Lights',
      'films/2 films/1',
      'DE',
      'SVOD',
      'C-4',
      '4',
      'ACME-1',
      '12',
      '2026-02-28T23:00:00.000Z',
      '2026-03-01',
      'Europe/Berlin',
      '2026-06-30T22:00:00.000Z',
      '2026-06-30',
      'Europe/Berlin',
    ])
    // What csv-stringify writes parses back to the same records (names with commas quoted).
    const named = {
      ...reports.conflicts,
      rows: reports.conflicts.rows.map((candidate) => ({
        ...candidate,
        cells: { ...candidate.cells, territory: { type: 'text' as const, value: 'DE, "AT"' } },
      })),
    }
    expect(parse(stringify(reportCsvRecords(named)))).toEqual(reportCsvRecords(named))
  })

  it('writes an open end and a never-licensed gap as empty cells', () => {
    const { reports } = rightsReports(
      inputs({ publishedTitles: [title('films/2', 'Arctic Run')], launchTerritories: ['DE'] }),
    )
    expect(reportCsvRecords(reports.gaps)).toEqual([
      [
        'titles',
        'titlesKeys',
        'territory',
        'lastGrantEndUtc',
        'lastGrantEndLocalDate',
        'lastGrantEndTimeZone',
      ],
      ['Arctic Run', 'films/2', 'DE', '', '', 'Europe/Berlin'],
    ])
  })
})

describe('the audit', () => {
  it('lists the differing titles of the last run by name and keeps its totals', () => {
    const result = rightsReports(
      inputs({
        audit: {
          startedAt: '2026-12-04T11:00:00.000Z',
          finishedAt: '2026-12-04T11:00:03.000Z',
          trigger: 'job',
          repair: true,
          checked: 120,
          differing: 2,
          repaired: 2,
          rowsMissing: 1,
          rowsExtra: 1,
          rowsDifferent: 0,
          error: null,
          examples: [
            { contentKey: 'films/1', title: 'Harbour Lights', missing: 1, extra: 0, different: 0 },
            { contentKey: 'films/55', title: 'Gone Film', missing: 0, extra: 1, different: 0 },
          ],
        },
      }),
    )
    expect(result.audit).toMatchObject({ checked: 120, differing: 2, trigger: 'job' })
    expect(result.reports.audit.rows.map((row) => row.cells.titles.value)).toEqual([
      [{ key: 'films/55', collection: 'films', id: '55', name: 'Gone Film', missing: true }],
      [titles.get('films/1')],
    ])
  })
})
