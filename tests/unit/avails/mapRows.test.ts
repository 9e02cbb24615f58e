import { describe, expect, it } from 'vitest'

import { mapRows } from '../../../src/avails/mapRows'
import { catalog, movie, options, regions, row } from './fixtures'

const map = (rows: ReturnType<typeof row>[], extra: Partial<typeof options> = {}) =>
  mapRows(rows, catalog, regions, { ...options, ...extra })

const onlyError = (result: ReturnType<typeof map>) => {
  expect(result.errors).toHaveLength(1)
  expect(result.drafts).toHaveLength(0)
  return result.errors[0]
}

describe('title identity', () => {
  it('matches an EIDR given as md:cid:eidr-s, urn:eidr or the DOI form against externalIds.eidr', () => {
    for (const id of [
      'md:cid:eidr-s:8FF3-1C20-84F5-F247-8BCD-E',
      'urn:eidr:10.5240:8FF3-1C20-84F5-F247-8BCD-E',
      '10.5240/8FF3-1C20-84F5-F247-8BCD-E',
    ]) {
      const result = map([movie({ ContentID: id, ALID: undefined, TitleInternalAlias: 'Other' })])
      expect(result.drafts[0]?.contentKeys, id).toEqual(['films/1'])
      expect(result.matched[0].by).toBe('identifier')
    }
  })

  it('matches an ALID or ContentID listed in externalIds.availsIds', () => {
    const result = map([movie({ ContentID: '030434', TitleInternalAlias: undefined })])
    expect(result.drafts[0].contentKeys).toEqual(['films/2'])
  })

  it('falls back to title + release year, in any locale, ignoring "Title, The" order', () => {
    const result = map([
      movie({
        ContentID: 'unknown',
        ALID: 'unknown',
        TitleInternalAlias: 'Footloose',
        ReleaseYear: '2011',
      }),
      movie({
        ContentID: 'x',
        ALID: 'y',
        TitleInternalAlias: 'Voll auf die Nüsse',
        ReleaseYear: '2004',
        Territory: 'DE',
      }),
    ])
    expect(result.errors).toEqual([])
    expect(result.drafts.map((draft) => draft.contentKeys[0])).toEqual(['films/4', 'films/2'])
  })

  it('matches episodes and seasons by series title + season + episode number', () => {
    const result = map([
      row({
        DisplayName: 'Rockstar',
        Territory: 'US',
        WorkType: 'Episode',
        EntryType: 'Full Extract',
        SeriesTitleInternalAlias: 'Detectives, The',
        SeasonNumber: '1',
        EpisodeNumber: '2',
        LicenseType: 'SVOD',
        FormatProfile: 'HD',
        Start: '2026-01-01',
        End: 'Open',
      }),
      row({
        Territory: 'US',
        WorkType: 'Season',
        EntryType: 'Full Extract',
        SeriesTitleDisplayUnlimited: 'The Detectives',
        SeasonNumber: '1',
        LicenseType: 'SVOD',
        FormatProfile: 'HD',
        Start: '2026-01-01',
        End: 'Open',
      }),
      row({
        Territory: 'US',
        WorkType: 'Series',
        EntryType: 'Full Extract',
        SeriesContentID: 'md:cid:org:rs:det',
        LicenseType: 'SVOD',
        FormatProfile: 'HD',
        Start: '2026-01-01',
        End: 'Open',
      }),
    ])
    expect(result.errors).toEqual([])
    expect(result.drafts.map((draft) => draft.contentKeys[0])).toEqual([
      'episodes/13',
      'seasons/11',
      'series/10',
    ])
  })

  it('a row matching no title is an error row naming near candidates; nothing is created', () => {
    const error = onlyError(
      map([
        movie({
          ContentID: 'nope',
          ALID: 'nope',
          TitleInternalAlias: 'Footloose',
          ReleaseYear: '1999',
        }),
      ]),
    )
    expect(error).toMatchObject({ sheet: 'Movies', field: null })
    expect(error.reason).toMatch(/matches no title/)
    expect(error.candidates).toEqual(['films/3 "Footloose" (1984)', 'films/4 "Footloose" (2011)'])
  })

  it('a row matching several titles is an error row naming them', () => {
    const error = onlyError(map([movie({ ContentID: 'DUP', ALID: undefined })]))
    expect(error.reason).toMatch(/matches 2 titles/)
    expect(error.candidates).toEqual(['films/5 "Twin" (2000)', 'films/6 "Twin" (2000)'])
    const byName = onlyError(
      map([
        movie({
          ContentID: 'n',
          ALID: 'n',
          TitleInternalAlias: 'Footloose',
          ReleaseYear: undefined,
        }),
      ]),
    )
    expect(byName.candidates).toHaveLength(2)
  })

  it('createMissingTitles plans draft titles (a series, its season and episode) explicitly', () => {
    const result = map(
      [
        movie({
          ContentID: 'md:cid:new:1',
          ALID: 'md:alid:new:1',
          TitleInternalAlias: 'Brand New',
          ReleaseYear: '2026',
        }),
        row({
          Territory: 'US',
          WorkType: 'Episode',
          EntryType: 'Create',
          SeriesTitleInternalAlias: 'New Show',
          SeasonNumber: '2',
          EpisodeNumber: '5',
          EpisodeContentID: 'md:cid:show:s2e5',
          LicenseType: 'SVOD',
          FormatProfile: 'HD',
          Start: '2026-01-01',
          End: 'Open',
        }),
      ],
      { createMissingTitles: true },
    )
    expect(result.errors).toEqual([])
    expect(result.newTitles.map((title) => [title.collection, title.title])).toEqual([
      ['films', 'Brand New'],
      ['series', 'New Show'],
      ['seasons', 'Season 2'],
      ['episodes', 'Episode 5'],
    ])
    expect(result.drafts[0].contentKeys[0]).toBe(result.newTitles[0].key)
    expect(result.newTitles[0].availsIds).toEqual(['md:cid:new:1', 'md:alid:new:1'])
  })
})

describe('WorkType', () => {
  it('maps Movie, Episode, Season, Series to their collections; Collection to its bundled films', () => {
    const result = map([
      movie({
        WorkType: 'Collection',
        ContentID: 'bundle',
        ALID: 'bundle',
        BundleALIDs: '030434;md:cid:eidr-s:8FF3-1C20-84F5-F247-8BCD-E',
      }),
    ])
    expect(result.drafts[0].contentKeys).toEqual(['films/2', 'films/1'])
  })

  it('an unknown WorkType or a Collection without bundled ALIDs is a row error', () => {
    expect(onlyError(map([movie({ WorkType: 'Supplemental' })]))).toMatchObject({
      field: 'WorkType',
      column: 'C',
    })
    expect(onlyError(map([movie({ WorkType: 'Collection' })])).field).toBe('BundleALIDs')
  })
})

describe('Territory and TerritoryExcluded', () => {
  it('takes ISO 3166-1 alpha-2 codes and region groups with exclusions, one licence per country', () => {
    const result = map([movie({ Territory: 'DACH', TerritoryExcluded: 'CH' })])
    expect(result.drafts.map((draft) => draft.territory)).toEqual(['AT', 'DE'])
  })

  it('refuses ISO 3166-2, UN M.49, codes without a region and non-codes with a clear reason', () => {
    expect(onlyError(map([movie({ Territory: 'US-CA' })])).reason).toMatch(/ISO 3166-2 subdivision/)
    expect(onlyError(map([movie({ Territory: '419' })])).reason).toMatch(/UN M\.49/)
    expect(onlyError(map([movie({ Territory: 'FR' })])).reason).toMatch(/FR has no region/)
    expect(onlyError(map([movie({ Territory: 'Germany' })])).reason).toMatch(/not an ISO 3166-1/)
    expect(onlyError(map([movie({ Territory: 'DE', TerritoryExcluded: 'DE' })])).field).toBe(
      'TerritoryExcluded',
    )
  })
})

describe('LicenseType', () => {
  it.each([
    ['EST', 'est'],
    ['VOD', 'tvod'],
    ['TVOD', 'tvod'],
    ['DTR', 'tvod'],
    ['SVOD', 'svod'],
    ['AVOD', 'avod'],
    ['FVOD', 'fvod'],
    ['Free', 'fvod'],
  ])('%s becomes %s', (ema, ours) => {
    expect(map([movie({ LicenseType: ema })]).drafts[0].licenceType).toBe(ours)
  })

  it('POEST is refused with the reason; unknown values are row errors', () => {
    expect(onlyError(map([movie({ LicenseType: 'POEST' })])).reason).toMatch(/pre-order/)
    expect(onlyError(map([movie({ LicenseType: 'PPV' })]))).toMatchObject({
      field: 'LicenseType',
      reason: expect.stringMatching(/unknown LicenseType PPV/),
    })
  })
})

describe('FormatProfile and HDR', () => {
  it('rows of the same avail and terms merge into one licence with every format', () => {
    const result = map([
      movie({ FormatProfile: 'SD', AvailID: 'a-sd' }),
      movie({ FormatProfile: 'HD', AvailID: 'a-hd' }),
      movie({ FormatProfile: 'UHD', AvailID: 'a-uhd', HDR: 'DolbyVision' }),
      movie({ FormatProfile: 'HD', Exclusive: 'Yes' }),
    ])
    expect(result.drafts).toHaveLength(2)
    expect(result.drafts[0].formats).toEqual(['sd', 'hd', 'uhd'])
    expect(result.drafts[0].availIds).toEqual(['a-hd', 'a-sd', 'a-uhd'])
    expect(result.drafts[0].source.rows.map((source) => source.hdr)).toEqual([
      null,
      null,
      'DolbyVision',
    ])
    expect(result.drafts[1]).toMatchObject({ exclusive: true, formats: ['hd'] })
  })

  it('3D variants count as their resolution; unknown profiles and HDR values are row errors', () => {
    expect(map([movie({ FormatProfile: '3DHD' })]).drafts[0].formats).toEqual(['hd'])
    expect(onlyError(map([movie({ FormatProfile: '8K' })])).field).toBe('FormatProfile')
    expect(onlyError(map([movie({ HDR: 'Vivid' })])).field).toBe('HDR')
  })
})

describe('Start and End', () => {
  const windowOf = (
    overrides: Parameters<typeof movie>[0],
    extra: Partial<typeof options> = {},
  ) => {
    const result = map([movie(overrides)], extra)
    expect(result.errors).toEqual([])
    const { start, end } = result.drafts[0].windows[0]
    return { start, end, source: result.drafts[0].source }
  }

  it('a date is the local day in the territory; an End date includes that day', () => {
    expect(windowOf({ Territory: 'DE', Start: '2026-03-29', End: '2026-10-25' })).toMatchObject({
      start: '2026-03-28T23:00:00Z',
      end: '2026-10-25T23:00:00Z',
    })
    expect(windowOf({ Start: { kind: 'date', date: '2026-01-01' } }).start).toBe(
      '2026-01-01T05:00:00Z',
    )
  })

  it('Open is unbounded, Immediate is now (to the second), as Start or End or condition', () => {
    expect(windowOf({ End: 'Open' }).end).toBeNull()
    expect(windowOf({ Start: 'Immediate' }).start).toBe('2026-03-01T12:34:56Z')
    expect(windowOf({ Start: '2026-01-01', End: undefined, EndCondition: 'Immediate' }).end).toBe(
      '2026-03-01T12:34:56Z',
    )
    expect(windowOf({ Start: undefined, StartCondition: 'Open' }).start).toBe(
      '1970-01-01T00:00:00Z',
    )
  })

  it.each(['ESTStart', 'Theatrical', 'TBD'])(
    'the condition %s is a row error, never a guess',
    (condition) => {
      const error = onlyError(map([movie({ End: condition })]))
      expect(error).toMatchObject({ field: 'End', column: 'K' })
      expect(error.reason).toMatch(/names no instant/)
    },
  )

  it('zone-less date-times follow the declared convention and are recorded', () => {
    const territory = windowOf({ Territory: 'DE', Start: '2026-07-01T06:00:00' })
    expect(territory.start).toBe('2026-07-01T04:00:00Z')
    expect(territory.source.start).toMatchObject({ rule: 'zone-less', zone: 'Europe/Berlin' })
    expect(territory.source.zoneConvention).toBe('territory')
    const utc = windowOf(
      { Territory: 'DE', Start: '2026-07-01T06:00:00' },
      { zoneConvention: { zone: 'UTC' } },
    )
    expect(utc.start).toBe('2026-07-01T06:00:00Z')
    const error = onlyError(
      map([movie({ Start: '2026-07-01T06:00:00' })], { zoneConvention: 'reject' }),
    )
    expect(error.reason).toMatch(/no offset or Z/)
    expect(
      windowOf({ Start: '2026-07-01T06:00:00+02:00' }, { zoneConvention: 'reject' }).start,
    ).toBe('2026-07-01T04:00:00Z')
  })

  it('dates typed as text in other forms, formulas without values, and End before Start are row errors', () => {
    expect(onlyError(map([movie({ Start: '6/14/2013' })])).reason).toMatch(/not a date/)
    expect(
      onlyError(map([movie({ Start: { kind: 'formula', formula: 'TODAY()' } })])).reason,
    ).toMatch(/formula/)
    expect(onlyError(map([movie({ Start: '2026-02-30' })])).reason).toMatch(/not a calendar date/)
    expect(onlyError(map([movie({ Start: '2026-05-01', End: '2026-04-01' })])).field).toBe('End')
  })
})

describe('AnnounceDate, Exclusive, ContractID, Licensor, AvailID and the raw row', () => {
  it('are kept on the licence', () => {
    const result = map([
      movie({ AnnounceDate: '2025-12-01', Exclusive: 'Yes', ContractID: 'C-7', AvailID: 'AV-1' }),
    ])
    expect(result.drafts[0]).toMatchObject({
      announceAt: '2025-12-01T05:00:00Z',
      exclusive: true,
      contractId: 'C-7',
      licensor: '20th Century Fox',
      availIds: ['AV-1'],
    })
    expect(result.drafts[0].source.rows[0].raw).toMatchObject({
      ContractID: 'C-7',
      Territory: 'US',
    })
    expect(onlyError(map([movie({ Exclusive: 'maybe' })])).field).toBe('Exclusive')
    expect(onlyError(map([movie({ AnnounceDate: 'TBD' })])).field).toBe('AnnounceDate')
  })
})

describe('EntryType', () => {
  it('Delete with an AvailID removes that entry; Full Delete and Full Extract name their scopes', () => {
    const result = map([
      row({ EntryType: 'Delete', AvailID: 'AV-9' }),
      movie({ EntryType: 'Full Delete', Territory: 'DE' }),
      movie({ EntryType: 'Full Extract' }),
    ])
    expect(result.errors).toEqual([])
    expect(result.removals).toMatchObject([{ kind: 'availId', availId: 'AV-9' }])
    expect(result.fullDeleteScopes).toEqual(['20th century fox|films/1|DE|est'])
    expect(result.fullExtractScopes).toEqual(['20th century fox|films/1|US|est'])
  })

  it('an unknown EntryType is a row error; a failed row protects its scope', () => {
    expect(onlyError(map([movie({ EntryType: 'Replace' })])).field).toBe('EntryType')
    const result = map([movie({ FormatProfile: 'bad' })])
    expect(result.protectedScopes).toEqual(['20th century fox|films/1|US|est'])
  })
})
