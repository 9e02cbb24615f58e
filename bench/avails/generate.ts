/**
 * The catalog and the EMA Avails workbook of `npm run bench:avails`, seeded and deterministic.
 * Every row names its title by identifiers the catalog stores (ALID / ContentID in
 * `externalIds.availsIds`, or the EIDR in `externalIds.eidr`); the generator knows how many
 * licences the file states, so the run can check the import created exactly those.
 */
import ExcelJS from 'exceljs'

import { regionGroups } from '../../src/seed/data/regionGroups'
import { Random } from '../availability/random'

export type FilmSpec = {
  key: string
  title: string
  releaseYear: number
  alid: string
  /** Some films are known by their EIDR only (rows give `md:cid:eidr-s:...`). */
  eidr: string | null
}
export type EpisodeSpec = { key: string; number: number; title: string; alid: string }
export type SeasonSpec = { key: string; number: number; alid: string; episodes: EpisodeSpec[] }
export type SeriesSpec = { key: string; title: string; alid: string; seasons: SeasonSpec[] }

export type CatalogSpec = { films: FilmSpec[]; series: SeriesSpec[] }

/**
 * Territory cells, with disjoint countries: one title never gets two avails for the same
 * country and licence type, so exclusive grants never overlap and every avail is one licence
 * per country.
 */
type TerritorySpec = { territory: string; excluded: string; weight: number }

const singles = ['US', 'CA', 'GB', 'FR', 'ES', 'IT', 'JP', 'AU', 'BR', 'MX']
const nordics = ['SE', 'NO', 'DK', 'FI']
const dach = regionGroups.find((group) => group.code === 'DACH')?.members ?? []
const eu27 = regionGroups.find((group) => group.code === 'EU27')?.members ?? []
const eu27Excluded = eu27.filter((code) => [...singles, ...nordics, ...dach].includes(code))

const territorySpecs: TerritorySpec[] = [
  ...singles.map((territory) => ({ territory, excluded: '', weight: 8.5 })),
  // A region group the importer expands into its countries.
  { territory: 'DACH', excluded: '', weight: 8 },
  // Several countries in one cell.
  { territory: nordics.join(', '), excluded: '', weight: 5 },
  // A group with exclusions (TerritoryExclusion): the EU without the countries named above.
  { territory: 'EU27', excluded: eu27Excluded.join(', '), weight: 1 },
]

const countriesOf = (spec: TerritorySpec): string[] => {
  const excluded = new Set(spec.excluded.split(/[\s,;]+/).filter(Boolean))
  const codes = spec.territory
    .split(/[\s,;]+/)
    .filter(Boolean)
    .flatMap((code) => regionGroups.find((group) => group.code === code)?.members ?? [code])
  return [...new Set(codes)].filter((code) => !excluded.has(code))
}

const licenseTypes = ['EST', 'VOD', 'SVOD', 'AVOD'] as const
const formatProfiles = ['HD', 'SD', 'UHD'] as const

/** How a Start or End is written: an Excel date, a date-time with Z, or one without a zone. */
type WhenCell = Date | string

export type AvailsRowSpec = {
  sheet: 'movies' | 'tv'
  values: Record<string, string | number | Date>
}

export type GeneratedAvails = {
  catalog: CatalogSpec
  rows: AvailsRowSpec[]
  /** Distinct avails (title, territory cell, licence type, terms), each 1-3 format rows. */
  avails: number
  /** Licences the file states: one per avail and country, the format rows merged. */
  expectedLicences: number
  /** Avails stated by more than one row (formats merged into one licence). */
  mergedAvails: number
  /** Titles the file names. */
  titles: number
  mix: {
    workTypes: Record<string, number>
    licenseTypes: Record<string, number>
    territoryCells: Record<string, number>
    formatRows: Record<string, number>
    startForms: Record<string, number>
    endForms: Record<string, number>
    entryTypes: Record<string, number>
    matchedBy: Record<string, number>
    exclusiveRows: number
  }
}

const count = (tally: Record<string, number>, key: string, by = 1) => {
  tally[key] = (tally[key] ?? 0) + by
}

const hex4 = (n: number) => (n & 0xffff).toString(16).toUpperCase().padStart(4, '0')

/** A well-formed (not registered) EIDR for the n-th film. */
const eidrFor = (n: number) =>
  `10.5240/BE4C-${hex4(n >> 16)}-${hex4(n)}-${hex4(n * 7919)}-${hex4(n * 104729)}-${(n % 16).toString(16).toUpperCase()}`

const words = [
  'Harbour',
  'Lighthouse',
  'Winter',
  'Orchard',
  'Signal',
  'Ember',
  'Atlas',
  'Canyon',
  'Meridian',
  'Tide',
  'Glass',
  'Falcon',
]

export const catalogFor = (rows: number, random: Random): CatalogSpec => {
  const filmCount = Math.max(4, Math.round(rows / 25))
  const seriesCount = Math.max(1, Math.round(rows / 1000))
  const films: FilmSpec[] = Array.from({ length: filmCount }, (_, index) => {
    const n = index + 1
    return {
      key: `film-${n}`,
      title: `The ${random.pick(words)} ${random.pick(words)} ${n}`,
      releaseYear: random.int(1970, 2025),
      alid: `md:alid:org:reelhouse-bench:film-${n}`,
      eidr: random.chance(0.15) ? eidrFor(n) : null,
    }
  })
  const series: SeriesSpec[] = Array.from({ length: seriesCount }, (_, index) => {
    const s = index + 1
    return {
      key: `series-${s}`,
      title: `${random.pick(words)} Stories ${s}`,
      alid: `md:alid:org:reelhouse-bench:series-${s}`,
      seasons: [1, 2].map((number) => ({
        key: `series-${s}-s${number}`,
        number,
        alid: `md:alid:org:reelhouse-bench:series-${s}-s${number}`,
        episodes: Array.from({ length: 8 }, (_, e) => ({
          key: `series-${s}-s${number}-e${e + 1}`,
          number: e + 1,
          title: `Episode ${e + 1}`,
          alid: `md:alid:org:reelhouse-bench:series-${s}-s${number}-e${e + 1}`,
        })),
      })),
    }
  })
  return { films, series }
}

type TitleTarget =
  | { kind: 'film'; film: FilmSpec }
  | { kind: 'series'; series: SeriesSpec }
  | { kind: 'season'; series: SeriesSpec; season: SeasonSpec }
  | { kind: 'episode'; series: SeriesSpec; season: SeasonSpec; episode: EpisodeSpec }

const targetKey = (target: TitleTarget) =>
  target.kind === 'film'
    ? target.film.key
    : target.kind === 'series'
      ? target.series.key
      : target.kind === 'season'
        ? target.season.key
        : target.episode.key

const utcDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day))
const isoDay = (date: Date) => date.toISOString().slice(0, 10)

/** Generates `rowCount` rows (exactly) for a catalog sized to them. */
export const generateAvails = (rowCount: number, seed: number): GeneratedAvails => {
  const random = new Random(seed)
  const catalog = catalogFor(rowCount, random)
  const targets: TitleTarget[] = [
    ...catalog.films.map((film): TitleTarget => ({ kind: 'film', film })),
    ...catalog.series.flatMap((series): TitleTarget[] => [
      { kind: 'series', series },
      ...series.seasons.flatMap((season): TitleTarget[] => [
        { kind: 'season', series, season },
        ...season.episodes.map((episode): TitleTarget => ({
          kind: 'episode',
          series,
          season,
          episode,
        })),
      ]),
    ]),
  ]
  const used = new Map<string, Set<string>>()
  const rows: AvailsRowSpec[] = []
  const named = new Set<string>()
  let avails = 0
  let expectedLicences = 0
  let mergedAvails = 0
  const mix: GeneratedAvails['mix'] = {
    workTypes: {},
    licenseTypes: {},
    territoryCells: {},
    formatRows: {},
    startForms: {},
    endForms: {},
    entryTypes: {},
    matchedBy: {},
    exclusiveRows: 0,
  }
  const weights = Object.fromEntries(territorySpecs.map((spec, i) => [String(i), spec.weight]))
  let cursor = 0
  let idle = 0
  while (rows.length < rowCount) {
    // Films get about three rows in four; the rest are series, seasons and episodes.
    const target = random.chance(0.75)
      ? targets[cursor++ % catalog.films.length]
      : targets[catalog.films.length + random.int(0, targets.length - catalog.films.length - 1)]
    const key = targetKey(target)
    const taken = used.get(key) ?? new Set<string>()
    used.set(key, taken)
    const spec = territorySpecs[Number(random.weighted(weights))]
    const licenseType = random.pick(licenseTypes)
    const combination = `${spec.territory}|${licenseType}`
    if (taken.has(combination)) {
      idle += 1
      if (idle > 10_000) throw new Error('the catalog is too small for that many rows')
      continue
    }
    idle = 0
    taken.add(combination)
    named.add(key)
    avails += 1
    const countries = countriesOf(spec)
    expectedLicences += countries.length
    const formatCount = Math.min(
      rowCount - rows.length,
      Number(random.weighted({ '1': 3, '2': 5, '3': 2 })),
    )
    if (formatCount > 1) mergedAvails += 1

    // Windows around now: mostly running, some starting later, some ended; never reversed.
    const startDate = utcDay(random.int(2023, 2027), random.int(0, 11), random.int(1, 28))
    const startForm = random.weighted({ date: 6, zoned: 2, zoneless: 2 })
    const start: WhenCell =
      startForm === 'date'
        ? startDate
        : startForm === 'zoned'
          ? `${isoDay(startDate)}T00:00:00Z`
          : new Date(startDate.getTime() + 6 * 3600_000)
    const endForm = random.weighted({ open: 3, date: 5, zoned: 1, zoneless: 1 })
    const endDate = utcDay(startDate.getUTCFullYear() + random.int(1, 4), random.int(0, 11), 15)
    const end: WhenCell =
      endForm === 'open'
        ? 'Open'
        : endForm === 'date'
          ? endDate
          : endForm === 'zoned'
            ? `${isoDay(endDate)}T23:59:59Z`
            : new Date(endDate.getTime() + 18 * 3600_000)
    const entryType = random.chance(0.7) ? 'Full Extract' : 'Create'
    const exclusive = target.kind === 'film' && random.chance(0.3) ? 'Yes' : 'No'
    const licensor = target.kind === 'film' && target.film.eidr ? 'Meridian Pictures' : 'Harbour'
    const contractId = `C-${1000 + (avails % 97)}`
    const base: Record<string, string | number | Date> = {
      DisplayName: licensor,
      Territory: spec.territory,
      ...(spec.excluded ? { TerritoryExclusion: spec.excluded } : {}),
      EntryType: entryType,
      LicenseType: licenseType,
      Start: start,
      End: end,
      ContractID: contractId,
      Exclusive: exclusive,
    }
    const sheet: AvailsRowSpec['sheet'] = target.kind === 'film' ? 'movies' : 'tv'
    let titleCells: Record<string, string | number>
    let workType: string
    switch (target.kind) {
      case 'film': {
        const { film } = target
        workType = 'Movie'
        titleCells = {
          WorkType: 'Movie',
          TitleInternalAlias: film.title,
          TitleDisplayUnlimited: film.title,
          ReleaseYear: film.releaseYear,
          ...(film.eidr
            ? { ContentID: `md:cid:eidr-s:${film.eidr.slice('10.5240/'.length)}` }
            : { ALID: film.alid, ContentID: film.alid }),
        }
        count(mix.matchedBy, film.eidr ? 'EIDR (ContentID)' : 'ALID', formatCount)
        break
      }
      case 'series':
        workType = 'Series'
        titleCells = {
          WorkType: 'Series',
          SeriesTitleInternalAlias: target.series.title,
          SeriesContentID: target.series.alid,
          ALID: target.series.alid,
        }
        count(mix.matchedBy, 'ALID', formatCount)
        break
      case 'season':
        workType = 'Season'
        titleCells = {
          WorkType: 'Season',
          SeriesTitleInternalAlias: target.series.title,
          SeasonNumber: target.season.number,
          SeriesContentID: target.series.alid,
          SeasonContentID: target.season.alid,
          ALID: target.season.alid,
        }
        count(mix.matchedBy, 'ALID', formatCount)
        break
      case 'episode':
        workType = 'Episode'
        titleCells = {
          WorkType: 'Episode',
          SeriesTitleInternalAlias: target.series.title,
          SeasonNumber: target.season.number,
          EpisodeNumber: target.episode.number,
          TitleInternalAlias: target.episode.title,
          SeriesContentID: target.series.alid,
          SeasonContentID: target.season.alid,
          EpisodeContentID: target.episode.alid,
          ALID: target.episode.alid,
        }
        count(mix.matchedBy, 'ALID', formatCount)
        break
    }
    for (const format of random.sample(formatProfiles, formatCount)) {
      rows.push({
        sheet,
        values: {
          ...base,
          ...titleCells,
          FormatProfile: format,
          AvailID: `BENCH-${rows.length + 1}`,
          ...(format === 'UHD' ? { HDR: 'HDR10' } : {}),
        },
      })
      count(mix.formatRows, format)
    }
    count(mix.workTypes, workType, formatCount)
    count(mix.licenseTypes, licenseType, formatCount)
    count(
      mix.territoryCells,
      spec.excluded ? `${spec.territory} minus ${spec.excluded.split(',').length}` : spec.territory,
      formatCount,
    )
    count(mix.startForms, startForm, formatCount)
    count(mix.endForms, endForm, formatCount)
    count(mix.entryTypes, entryType, formatCount)
    if (exclusive === 'Yes') mix.exclusiveRows += formatCount
  }
  return {
    catalog,
    rows,
    avails,
    expectedLicences,
    mergedAvails,
    titles: named.size,
    mix,
  }
}

const movieColumns = [
  'DisplayName',
  'Territory',
  'TerritoryExclusion',
  'WorkType',
  'EntryType',
  'TitleInternalAlias',
  'TitleDisplayUnlimited',
  'LicenseType',
  'FormatProfile',
  'HDR',
  'Start',
  'End',
  'ContentID',
  'AvailID',
  'ALID',
  'ReleaseYear',
  'ContractID',
  'Exclusive',
]
const tvColumns = [
  'DisplayName',
  'Territory',
  'TerritoryExclusion',
  'WorkType',
  'EntryType',
  'SeriesTitleInternalAlias',
  'SeasonNumber',
  'EpisodeNumber',
  'TitleInternalAlias',
  'LicenseType',
  'FormatProfile',
  'HDR',
  'Start',
  'End',
  'SeriesContentID',
  'SeasonContentID',
  'EpisodeContentID',
  'AvailID',
  'ALID',
  'ContractID',
  'Exclusive',
]

/**
 * The workbook, laid out as the EMA 1.9 templates are: a row of element groups, the header row,
 * the annotation row with the version in its first cell, then the avails; movies and TV on two
 * sheets.
 */
export const writeAvailsWorkbook = async (generated: GeneratedAvails): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook()
  const sheets = [
    { name: 'Movies', kind: 'movies', columns: movieColumns },
    { name: 'TV', kind: 'tv', columns: tvColumns },
  ] as const
  for (const { name, kind, columns } of sheets) {
    const sheet = workbook.addWorksheet(name)
    sheet.addRow(columns.map(() => 'Avail'))
    sheet.addRow([...columns])
    sheet.addRow(columns.map((_, index) => (index === 0 ? 1.9 : '//Opt')))
    for (const row of generated.rows) {
      if (row.sheet !== kind) continue
      sheet.addRow(columns.map((column) => row.values[column] ?? null))
    }
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer)
}
