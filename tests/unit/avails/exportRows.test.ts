import { describe, expect, it } from 'vitest'

import { type ImportedLicence, diffAvails } from '../../../src/avails/diff'
import {
  announceValue,
  availsExportRows,
  boundaryValue,
  type ExportColumn,
  type ExportRow,
} from '../../../src/avails/exportRows'
import { mapRows, type MappingOptions } from '../../../src/avails/mapRows'
import { readAvails } from '../../../src/avails/readAvails'
import type { AvailRow } from '../../../src/avails/rows'
import { writeAvails } from '../../../src/avails/writeAvails'
import { catalog, movie, options, regions, row, storedDrafts } from './fixtures'

/** What an import of these rows stored (as the diff tests do). */
const stored = (rows: AvailRow[], mapping: MappingOptions = options): ImportedLicence[] =>
  storedDrafts(mapRows(rows, catalog, regions, mapping).drafts)

const staffLicence = (overrides: Partial<ImportedLicence> = {}): ImportedLicence => ({
  id: '99',
  availsKey: null,
  licensor: 'Reelhouse',
  contractId: null,
  contentKeys: ['films/3'],
  licenceType: 'svod',
  countries: ['AT', 'DE'],
  formats: ['hd'],
  start: '2026-05-01',
  end: null,
  announceAt: null,
  exclusive: false,
  source: null,
  ...overrides,
})

const episode = (number: string, overrides: Record<string, string> = {}) =>
  row({
    DisplayName: 'RS',
    Territory: 'DE',
    WorkType: 'Episode',
    EntryType: 'Full Extract',
    SeriesTitleInternalAlias: 'Detectives, The',
    SeasonNumber: '1',
    EpisodeNumber: number,
    LicenseType: 'SVOD',
    FormatProfile: 'HD',
    Start: '2026-02-01',
    End: '2026-12-31',
    ...overrides,
  })

/** Rows covering every shape the importer reads. */
const sampleRows = () => [
  movie({ AvailID: 'b-hd', AnnounceDate: '2025-12-01', Exclusive: 'Yes', ContractID: 'C-1' }),
  movie({
    AvailID: 'b-sd',
    FormatProfile: 'SD',
    AnnounceDate: '2025-12-01',
    Exclusive: 'Yes',
    ContractID: 'C-1',
  }),
  movie({ AvailID: 'b-3d', FormatProfile: '3DUHD', HDR: 'HDR10', Territory: 'DE' }),
  // Zone-less date-times in the territory's zone, an absolute instant with an offset, Open.
  movie({
    ContentID: '030434',
    ALID: 'dodge',
    TitleInternalAlias: 'Dodgeball',
    LicenseType: 'VOD',
    Start: '2017-05-05T00:00:00',
    End: '2017-12-11T23:59:59',
  }),
  movie({
    ContentID: '030434',
    ALID: 'dodge',
    TitleInternalAlias: 'Dodgeball',
    LicenseType: 'AVOD',
    Start: 'Open',
    End: '2027-01-01T00:00:00-05:00',
  }),
  // By title and year only.
  movie({
    ContentID: undefined,
    ALID: undefined,
    TitleInternalAlias: 'Footloose',
    ReleaseYear: '2011',
  }),
  episode('1', { AvailID: 'e1' }),
  episode('2', { AvailID: 'e2', LicenseType: 'EST' }),
  row({
    DisplayName: 'RS',
    Territory: 'US',
    WorkType: 'Season',
    EntryType: 'Full Extract',
    SeriesTitleInternalAlias: 'The Detectives',
    SeasonNumber: '1',
    LicenseType: 'SVOD',
    FormatProfile: 'SD',
    Start: '2026-01-01',
    End: 'Open',
  }),
  row({
    DisplayName: 'RS',
    Territory: 'US',
    WorkType: 'Series',
    EntryType: 'Full Extract',
    SeriesContentID: 'md:cid:org:rs:det',
    LicenseType: 'AVOD',
    FormatProfile: 'HD',
    Start: '2026-01-01',
    End: 'Open',
  }),
  row({
    DisplayName: 'Fox',
    Territory: 'US',
    WorkType: 'Collection',
    EntryType: 'Full Extract',
    TitleInternalAlias: 'Two Films',
    ALID: 'bundle-1',
    BundleALIDs: 'md:cid:eidr-s:8FF3-1C20-84F5-F247-8BCD-E;030434',
    LicenseType: 'EST',
    FormatProfile: 'HD',
    Start: '2026-01-01',
    End: 'Open',
  }),
]

const textIn = (entry: ExportRow, column: ExportColumn) => {
  const value = entry.values[column]
  return value?.kind === 'text' ? value.text : undefined
}

const reimport = async (rows: readonly ExportRow[], format: 'xlsx' | 'csv' | 'xml') => {
  const parsed = await readAvails(await writeAvails(rows, format), `export.${format}`)
  return mapRows(parsed.rows, catalog, regions, options)
}

describe('availsExportRows', () => {
  const licences = stored(sampleRows())

  it.each(['xlsx', 'csv', 'xml'] as const)(
    'an export in %s imported again is unchanged, licence by licence',
    async (format) => {
      expect(licences).toHaveLength(10)
      const { rows, skipped } = availsExportRows(licences, catalog, regions)
      expect(skipped).toEqual([])
      const mapped = await reimport(rows, format)
      expect(mapped.errors).toEqual([])
      const diff = diffAvails(mapped, licences)
      expect(diff.create).toEqual([])
      expect(diff.update).toEqual([])
      expect(diff.remove).toEqual([])
      expect(diff.unchanged.map((entry) => entry.id).sort()).toEqual(
        licences.map((licence) => licence.id).sort(),
      )
    },
  )

  it('writes one row per licence, licence type and format profile, with the licence terms', () => {
    const { rows } = availsExportRows(licences, catalog, regions)
    const bravados = rows.filter((entry) => entry.licenceId === '1')
    expect(bravados.map((entry) => entry.values.FormatProfile)).toEqual([
      { kind: 'text', text: 'SD' },
      { kind: 'text', text: 'HD' },
    ])
    expect(bravados[1].values).toMatchObject({
      DisplayName: { text: '20th Century Fox' },
      Territory: { text: 'US' },
      WorkType: { text: 'Movie' },
      EntryType: { text: 'Full Extract' },
      LicenseType: { text: 'EST' },
      Start: { kind: 'date', date: '2026-01-01' },
      End: { text: 'Open' },
      ALID: { text: 'md:alid:fox:1143' },
      AvailID: { text: 'b-hd' },
      ContractID: { text: 'C-1' },
      Exclusive: { text: 'Yes' },
      AnnounceDate: { kind: 'date', date: '2025-12-01' },
      ContentID: { text: 'md:cid:eidr-s:8FF3-1C20-84F5-F247-8BCD-E' },
      TitleInternalAlias: { text: 'The Bravados' },
      ReleaseYear: { kind: 'number', value: 1958 },
    })
    const threeD = rows.find((entry) => textIn(entry, 'AvailID') === 'b-3d')
    expect(threeD?.values).toMatchObject({
      FormatProfile: { text: '3DUHD' },
      HDR: { text: 'HDR10' },
    })
    const season = rows.find((entry) => entry.workType === 'Season')
    expect(season?.values).toMatchObject({
      SeriesTitleInternalAlias: { text: 'The Detectives' },
      SeasonNumber: { value: 1 },
      SeriesContentID: { text: 'md:cid:org:rs:det' },
    })
    const firstEpisode = rows.find((entry) => entry.workType === 'Episode')
    expect(firstEpisode?.values).toMatchObject({
      SeasonNumber: { value: 1 },
      EpisodeNumber: { value: 1 },
      TitleInternalAlias: { text: 'The Time and Place' },
    })
    const collection = rows.find((entry) => entry.workType === 'Collection')
    expect(collection?.values).toMatchObject({
      BundleALIDs: { text: 'md:cid:eidr-s:8FF3-1C20-84F5-F247-8BCD-E;030434' },
      TitleInternalAlias: { text: 'Two Films' },
    })
    expect(rows.find((entry) => textIn(entry, 'LicenseType') === 'VOD')?.values).toMatchObject({
      Start: { text: '2017-05-05T00:00:00' },
      End: { text: '2017-12-11T23:59:59' },
    })
  })

  it('filters by territory (naming only that country) and licence type', () => {
    const staff = staffLicence()
    const { rows } = availsExportRows([...licences, staff], catalog, regions, { territory: 'DE' })
    expect(new Set(rows.map((entry) => textIn(entry, 'Territory')))).toEqual(new Set(['DE']))
    expect(new Set(rows.map((entry) => entry.licenceId)).size).toBe(4)
    expect(rows.find((entry) => entry.licenceId === '99')?.territories).toEqual(['DE'])
    const all = availsExportRows([staff], catalog, regions)
    expect(all.rows[0].values.Territory).toEqual({ kind: 'text', text: 'AT, DE' })
    const svod = availsExportRows(licences, catalog, regions, { licenceType: 'svod' })
    expect(svod.rows.length).toBeGreaterThan(0)
    expect(new Set(svod.rows.map((entry) => textIn(entry, 'LicenseType')))).toEqual(
      new Set(['SVOD']),
    )
    expect(availsExportRows(licences, catalog, regions, { territory: 'CH' }).rows).toEqual([])
  })

  it('a licence for every format writes SD, HD and UHD; several titles that are not all films with ids write one asset each', () => {
    const { rows } = availsExportRows(
      [staffLicence({ formats: [], contentKeys: ['films/3', 'episodes/12'] })],
      catalog,
      regions,
    )
    expect(rows.map((entry) => [entry.workType, entry.values.FormatProfile])).toEqual([
      ['Movie', { kind: 'text', text: 'SD' }],
      ['Movie', { kind: 'text', text: 'HD' }],
      ['Movie', { kind: 'text', text: 'UHD' }],
      ['Episode', { kind: 'text', text: 'SD' }],
      ['Episode', { kind: 'text', text: 'HD' }],
      ['Episode', { kind: 'text', text: 'UHD' }],
    ])
    expect(new Set(rows.map((entry) => entry.avail)).size).toBe(2)
  })

  it('XML names a title without EIDR or avails id in our own namespace (contentID is required)', async () => {
    const { rows } = availsExportRows([staffLicence()], catalog, regions)
    expect(rows[0].values.ContentID).toBeUndefined()
    const parsed = await readAvails(await writeAvails(rows, 'xml'), 'staff.xml')
    expect(parsed.rows[0].cells.ContentID?.[0]?.raw).toBe('md:cid:org:reelhouse:films-3')
    // The importer does not know that id, so the title is matched by its name and year.
    const mapped = mapRows(parsed.rows, catalog, regions, options)
    expect(mapped.errors).toEqual([])
    expect(mapped.drafts.map((draft) => draft.contentKeys)).toEqual([['films/3'], ['films/3']])
  })

  it('skips licences naming a title that no longer exists, and says why', () => {
    const { rows, skipped } = availsExportRows(
      [staffLicence({ contentKeys: ['films/404'] })],
      catalog,
      regions,
    )
    expect(rows).toEqual([])
    expect(skipped).toEqual([
      { licenceId: '99', reason: 'names films/404, which no longer exists' },
    ])
  })
})

describe('boundaryValue', () => {
  const berlin = 'Europe/Berlin'

  it('dates stay dates, open ends are Open, instants are absolute', () => {
    expect(boundaryValue('2026-05-01', 'start', undefined, berlin)).toEqual({
      kind: 'date',
      date: '2026-05-01',
    })
    expect(boundaryValue(null, 'end', undefined, berlin)).toEqual({ kind: 'text', text: 'Open' })
    expect(boundaryValue('1970-01-01T00:00:00Z', 'start', undefined, berlin)).toEqual({
      kind: 'text',
      text: 'Open',
    })
    expect(boundaryValue('2026-05-01T10:00:00+02:00', 'start', undefined, berlin)).toEqual({
      kind: 'text',
      text: '2026-05-01T08:00:00Z',
    })
  })

  it('keeps the licensor’s words only while they still mean what the licence holds', () => {
    const zoneLess = { raw: '2017-05-05T00:00:00', rule: 'zone-less' as const, zone: berlin }
    expect(boundaryValue('2017-05-04T22:00:00Z', 'start', zoneLess, berlin)).toEqual({
      kind: 'text',
      text: '2017-05-05T00:00:00',
    })
    // Read under another convention (UTC) or edited since: the instant, absolute.
    expect(boundaryValue('2017-05-05T00:00:00Z', 'start', zoneLess, berlin)).toEqual({
      kind: 'text',
      text: '2017-05-05T00:00:00Z',
    })
    // Immediate is the instant of the first import: written as that instant.
    const immediate = { raw: 'Immediate', rule: 'immediate' as const }
    expect(boundaryValue('2026-03-01T12:34:56Z', 'start', immediate, berlin)).toEqual({
      kind: 'text',
      text: '2026-03-01T12:34:56Z',
    })
    // An Excel serial day the importer read as a date.
    expect(boundaryValue('2013-05-14', 'start', { raw: '41408', rule: 'date' }, berlin)).toEqual({
      kind: 'date',
      date: '2013-05-14',
    })
  })
})

describe('announceValue', () => {
  it('a local midnight is the date, anything else an absolute instant', () => {
    expect(announceValue(null, null, 'Europe/Berlin')).toBeNull()
    expect(announceValue('2025-11-30T23:00:00.000Z', null, 'Europe/Berlin')).toEqual({
      kind: 'date',
      date: '2025-12-01',
    })
    expect(announceValue('2025-12-01T10:00:00.000Z', null, 'Europe/Berlin')).toEqual({
      kind: 'text',
      text: '2025-12-01T10:00:00Z',
    })
    expect(
      announceValue('2025-12-01T10:00:00.000Z', { raw: '2025-12-01T11:00:00' }, 'Europe/Berlin'),
    ).toEqual({ kind: 'text', text: '2025-12-01T11:00:00' })
  })
})
