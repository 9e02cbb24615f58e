import {
  type ContentRef,
  createTitleTree,
  expandTerritories,
  type HoldbackStrength,
  type Licence,
  type LicenceKind,
  type LicenceType,
  lineage,
  type Region,
  type ResolvedWindow,
  resolveWindow,
  type TerritoryWindow,
  type TitleLink,
  type TitleTree,
  type VideoFormat,
} from '../../src/availability'
import type { BenchOptions } from './options'
import { Random } from './random'
import { benchCountries, benchGroups, gatedCountries } from './territories'

type Published = { published: boolean; createdAt: string }

export type GenFilm = Published & {
  id: number
  slug: string
  title: string
  titleDe: string
  releaseYear: number
  originalLanguage: string
  runtimeMinutes: number
  cnApprovalNumber: string | null
  genres: number[]
  relatedFilms: number[]
}

export type GenSeries = Published & {
  id: number
  slug: string
  title: string
  titleDe: string
  releaseYear: number
  originalLanguage: string
  cnApprovalNumber: string | null
  genres: number[]
}

export type GenSeason = Published & {
  id: number
  seriesId: number
  seasonNumber: number
  title: string
  titleDe: string
}

export type GenEpisode = Published & {
  id: number
  seasonId: number
  episodeNumber: number
  title: string
  titleDe: string
  runtimeMinutes: number
}

export type GenLicence = {
  id: number
  contractId: string
  licensor: string
  kind: LicenceKind
  holdbackStrength: HoldbackStrength
  licenceType: LicenceType
  formats: VideoFormat[]
  exclusive: boolean
  content: ContentRef[]
  /** Region codes as signed: countries and groups. */
  territories: string[]
  excludedTerritories: string[]
  /** As typed: `YYYY-MM-DD` or an ISO date-time with offset. */
  start: string
  end: string | null
  countries: string[]
  resolvedWindows: TerritoryWindow[]
  groupSnapshot: Record<string, string[]>
  createdAt: string
}

export type WindowShape = 'current' | 'open' | 'expired' | 'future' | 'futureOpen'

export type GeneratedCatalog = {
  /** The instant the catalog was generated around (windows never start or end within 2 days). */
  generatedAt: Date
  regions: Region[]
  genres: string[]
  films: GenFilm[]
  series: GenSeries[]
  seasons: GenSeason[]
  episodes: GenEpisode[]
  licences: GenLicence[]
  /** As the engine sees them (what `engineLicenceFrom` makes of the stored documents). */
  engineLicences: Licence[]
  tree: TitleTree
  /** Every title: films, series, seasons, episodes (the order materialisation uses). */
  nodes: ContentRef[]
  facts: Map<string, { published: boolean; cnApprovalNumber: string | null }>
  stats: {
    windows: number
    licencesByScope: Record<ContentRef['collection'], number>
    licencesByShape: Record<WindowShape, number>
    holdbacks: number
  }
}

export const genreNames = [
  'Drama',
  'Comedy',
  'Thriller',
  'Documentary',
  'Science Fiction',
  'Romance',
  'Horror',
  'Animation',
  'Crime',
  'Adventure',
  'Family',
  'Mystery',
]

const adjectives = [
  'Silent',
  'Crimson',
  'Last',
  'Hidden',
  'Broken',
  'Golden',
  'Northern',
  'Electric',
  'Quiet',
  'Wild',
  'Midnight',
  'Distant',
  'Paper',
  'Iron',
  'Glass',
  'Burning',
]
const nouns = [
  'River',
  'Harbour',
  'Summer',
  'Signal',
  'Garden',
  'Frontier',
  'Orchestra',
  'Empire',
  'Lighthouse',
  'Witness',
  'Horizon',
  'Station',
  'Winter',
  'Mirror',
  'Voyage',
  'Kingdom',
]
const nounsDe = [
  'Fluss',
  'Hafen',
  'Sommer',
  'Signal',
  'Garten',
  'Grenze',
  'Orchester',
  'Imperium',
  'Leuchtturm',
  'Zeuge',
  'Horizont',
  'Bahnhof',
  'Winter',
  'Spiegel',
  'Reise',
  'Königreich',
]
const languages = ['en', 'de', 'fr', 'es', 'it', 'ja', 'ko', 'zh', 'sv', 'pt']
const licensors = ['Northlight Pictures', 'Atlas Media', 'Blue Fern', 'Kestrel Films', 'Orbit TV']

const dayMs = 86_400_000

const formatWeights = { sdhd: 60, all: 25, hd: 10, none: 5 }
const formatChoices: Record<keyof typeof formatWeights, VideoFormat[]> = {
  sdhd: ['sd', 'hd'],
  all: ['sd', 'hd', 'uhd'],
  hd: ['hd'],
  // Not limited to particular formats.
  none: [],
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/**
 * The word the HTTP search run asks for: one English noun of the title vocabulary, so it matches
 * about one film or series title in 18 (the nouns): a few hundred at full scale.
 */
export const benchSearchWord = 'Lighthouse'

/** Films and series whose English title has the word (all, and published only). */
export const titlesMatching = (catalog: GeneratedCatalog, word: string) => {
  const matching = [...catalog.films, ...catalog.series].filter((title) =>
    title.title.split(' ').includes(word),
  )
  return {
    titles: matching.length,
    published: matching.filter((title) => title.published).length,
  }
}

const titleFor = (random: Random, serial: number) => {
  const adjective = random.pick(adjectives)
  const nounIndex = random.int(0, nouns.length - 1)
  return {
    title: `The ${adjective} ${nouns[nounIndex]} ${serial}`,
    titleDe: `${adjective} ${nounsDe[nounIndex]} ${serial}`,
  }
}

const slugOf = (title: string, id: number): string =>
  `${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}-${id}`

/** Spreads creation instants over the last three years, newest last. */
const createdAtFor = (index: number, count: number, now: number): string =>
  new Date(
    now - 3 * 365 * dayMs + Math.floor(((index + 0.5) / count) * 3 * 365 * dayMs),
  ).toISOString()

const pickGenres = (random: Random): number[] =>
  random.sample(
    genreNames.map((_name, index) => index),
    random.int(1, 3),
  )

/** Splits `total` into `parts` positive integers around the mean, reproducibly. */
const splitCounts = (random: Random, total: number, parts: number): number[] => {
  const weights = Array.from({ length: parts }, () => 0.5 + random.next())
  const sum = weights.reduce((a, b) => a + b, 0)
  const counts = weights.map((weight) => Math.max(1, Math.floor((weight / sum) * total)))
  let difference = total - counts.reduce((a, b) => a + b, 0)
  for (let index = 0; difference !== 0; index = (index + 1) % parts) {
    if (difference > 0) {
      counts[index]++
      difference--
    } else if (counts[index] > 1) {
      counts[index]--
      difference++
    }
  }
  return counts
}

const countryCodes = benchCountries.map((country) => country.code)

/** Single-country deals lean towards the big markets. */
const singleCountryWeights: Record<string, number> = Object.fromEntries(
  countryCodes.map((code) => [code, { DE: 22, US: 12, GB: 8, FR: 6, JP: 4 }[code] ?? 1]),
)

const groupCodeSet = new Set(benchGroups.map((group) => group.code))

const cachedList = (cache: Map<string, string[]>, key: string, make: () => string[]): string[] => {
  let list = cache.get(key)
  if (!list) {
    list = make()
    cache.set(key, list)
  }
  return list
}

const dealGroups = benchGroups.map((group) => group.code).filter((code) => code !== 'WW')

type TerritoryChoice = { territories: string[]; excluded: string[] }

const chooseTerritories = (random: Random): TerritoryChoice => {
  const kind = random.weighted({ single: 55, group: 33, list: 8, world: 4 })
  switch (kind) {
    case 'single':
      return { territories: [random.weighted(singleCountryWeights)], excluded: [] }
    case 'group': {
      const groups = random.sample(dealGroups, random.chance(0.2) ? 2 : 1)
      const excluded = random.chance(0.1) ? [random.pick(countryCodes)] : []
      return { territories: groups, excluded }
    }
    case 'list':
      return { territories: random.sample(countryCodes, random.int(3, 8)), excluded: [] }
    case 'world': {
      const excluded = random.sample(countryCodes, random.int(0, 4))
      if (random.chance(0.5) && !excluded.includes('CN')) excluded.push('CN')
      return { territories: ['WW'], excluded }
    }
  }
}

/** Boundaries stay at least two days away from `now`, so the answer cannot flip mid-run. */
const chooseWindow = (
  random: Random,
  now: number,
): { shape: WindowShape; start: number; end: number | null } => {
  const shape = random.weighted<WindowShape>({
    current: 52,
    open: 15,
    expired: 18,
    future: 10,
    futureOpen: 5,
  })
  const day = (offset: number) => Math.floor(now / dayMs) * dayMs + offset * dayMs
  switch (shape) {
    case 'current':
      return { shape, start: day(-random.int(2, 1500)), end: day(random.int(2, 900)) }
    case 'open':
      return { shape, start: day(-random.int(2, 2500)), end: null }
    case 'expired': {
      const end = -random.int(2, 900)
      return { shape, start: day(end - random.int(30, 1500)), end: day(end) }
    }
    case 'future': {
      const start = random.int(3, 400)
      return { shape, start: day(start), end: day(start + random.int(30, 1000)) }
    }
    case 'futureOpen':
      return { shape, start: day(random.int(3, 400)), end: null }
  }
}

/** Mostly date-only boundaries (a day in each territory); some absolute instants. */
const asTyped = (random: Random, ms: number): string => {
  if (random.chance(0.85)) return isoDate(ms)
  return random.chance(0.5)
    ? `${isoDate(ms)}T00:00:00Z`
    : `${isoDate(ms)}T06:00:00${random.pick(['+01:00', '-05:00', '+09:00'])}`
}

export const benchRegions = (): Region[] => [
  ...benchCountries.map((country): Region => ({
    code: country.code,
    kind: 'country',
    timeZone: country.timeZone,
    requiresApprovalNumber: gatedCountries.includes(country.code),
  })),
  ...benchGroups.map((group): Region => ({
    code: group.code,
    kind: 'group',
    members: group.members,
  })),
]

/**
 * The catalog of the issue: films, series with seasons and episodes, and licences across 60
 * territories, with windows that are mostly current, some expired, some in the future, some
 * open-ended, and some holdbacks. Deterministic for a seed.
 */
export const generateCatalog = (options: BenchOptions, now = new Date()): GeneratedCatalog => {
  const random = new Random(options.seed)
  const nowMs = now.getTime()
  const regions = benchRegions()

  const films: GenFilm[] = Array.from({ length: options.films }, (_unused, index) => {
    const id = index + 1
    const { title, titleDe } = titleFor(random, id)
    return {
      id,
      slug: slugOf(title, id),
      title,
      titleDe,
      releaseYear: random.int(1950, now.getUTCFullYear()),
      originalLanguage: random.pick(languages),
      runtimeMinutes: random.int(75, 180),
      cnApprovalNumber: random.chance(0.3) ? `NRTA-F-${String(id).padStart(6, '0')}` : null,
      genres: pickGenres(random),
      relatedFilms:
        random.chance(0.3) && options.films > 1
          ? [
              ...new Set(
                Array.from({ length: random.int(1, 3) }, () => random.int(1, options.films)),
              ),
            ].filter((related) => related !== id)
          : [],
      published: random.chance(0.97),
      createdAt: createdAtFor(index, options.films, nowMs),
    }
  })

  const series: GenSeries[] = Array.from({ length: options.series }, (_unused, index) => {
    const id = index + 1
    const { title, titleDe } = titleFor(random, id)
    return {
      id,
      slug: slugOf(title, id),
      title: `${title} (Series)`,
      titleDe: `${titleDe} (Serie)`,
      releaseYear: random.int(1990, now.getUTCFullYear()),
      originalLanguage: random.pick(languages),
      cnApprovalNumber: random.chance(0.25) ? `NRTA-S-${String(id).padStart(6, '0')}` : null,
      genres: pickGenres(random),
      published: random.chance(0.97),
      createdAt: createdAtFor(index, options.series, nowMs),
    }
  })

  const seasonsPerSeries = series.map(() => random.int(1, 8))
  const seasons: GenSeason[] = []
  series.forEach((show, seriesIndex) => {
    for (let number = 1; number <= seasonsPerSeries[seriesIndex]; number++) {
      const id = seasons.length + 1
      seasons.push({
        id,
        seriesId: show.id,
        seasonNumber: number,
        title: `Season ${number}`,
        titleDe: `Staffel ${number}`,
        published: random.chance(0.97),
        createdAt: show.createdAt,
      })
    }
  })

  const episodesPerSeason = splitCounts(
    random,
    Math.max(options.episodes, seasons.length),
    seasons.length,
  )
  const episodes: GenEpisode[] = []
  seasons.forEach((season, seasonIndex) => {
    for (let number = 1; number <= episodesPerSeason[seasonIndex]; number++) {
      const id = episodes.length + 1
      episodes.push({
        id,
        seasonId: season.id,
        episodeNumber: number,
        title: `Episode ${number}`,
        titleDe: `Folge ${number}`,
        runtimeMinutes: random.int(22, 65),
        published: random.chance(0.97),
        createdAt: season.createdAt,
      })
    }
  })

  const links: TitleLink[] = [
    ...seasons.map((season) => ({
      child: { collection: 'seasons' as const, id: String(season.id) },
      parent: { collection: 'series' as const, id: String(season.seriesId) },
    })),
    ...episodes.map((episode) => ({
      child: { collection: 'episodes' as const, id: String(episode.id) },
      parent: { collection: 'seasons' as const, id: String(episode.seasonId) },
    })),
  ]
  const tree = createTitleTree(links)

  // Each boundary as typed resolves once per zone (as resolveLicenceWindows does per country).
  const zoneOf = new Map(benchCountries.map((country) => [country.code, country.timeZone]))
  const starts = new Map<string, ResolvedWindow>()
  const ends = new Map<string, ResolvedWindow>()
  const cached = (cache: Map<string, ResolvedWindow>, key: string, make: () => ResolvedWindow) => {
    let resolved = cache.get(key)
    if (!resolved) {
      resolved = make()
      cache.set(key, resolved)
    }
    return resolved
  }
  const resolve = (start: string, end: string | null, countries: string[]): TerritoryWindow[] =>
    countries.map((territory) => {
      const timeZone = zoneOf.get(territory)
      if (!timeZone) throw new Error(`${territory} has no reference time zone`)
      const from = cached(starts, `${start}|${timeZone}`, () => resolveWindow({ start }, timeZone))
      const to =
        end === null
          ? null
          : cached(ends, `${end}|${timeZone}`, () =>
              resolveWindow({ start: '1900-01-01', end }, timeZone),
            )
      return {
        territory,
        start: from.start,
        end: to ? to.end : null,
        basis: {
          timeZone: from.basis.timeZone,
          start: from.basis.start,
          end: to ? to.basis.end : { raw: null, rule: 'open' },
        },
      }
    })
  const expanded = new Map<string, string[]>()
  const expand = (included: string[], excluded: string[]): string[] =>
    cachedList(expanded, `${included.join(',')}|${excluded.join(',')}`, () =>
      expandTerritories(included, excluded, regions),
    )

  const licencesByScope: Record<ContentRef['collection'], number> = {
    films: 0,
    series: 0,
    seasons: 0,
    episodes: 0,
  }
  const licencesByShape: Record<WindowShape, number> = {
    current: 0,
    open: 0,
    expired: 0,
    future: 0,
    futureOpen: 0,
  }
  const chooseContent = (): ContentRef[] => {
    const scope = random.weighted({ films: 68, series: 1.5, seasons: 3.5, episodes: 27 })
    licencesByScope[scope]++
    switch (scope) {
      case 'films': {
        // Output deals name a few films at once.
        const count = random.chance(0.1) ? random.int(2, 4) : 1
        const ids = new Set<number>()
        while (ids.size < Math.min(count, films.length)) ids.add(random.pick(films).id)
        return [...ids].map((id) => ({ collection: 'films' as const, id: String(id) }))
      }
      case 'series':
        return [{ collection: 'series', id: String(random.pick(series).id) }]
      case 'seasons':
        return [{ collection: 'seasons', id: String(random.pick(seasons).id) }]
      case 'episodes':
        return [{ collection: 'episodes', id: String(random.pick(episodes).id) }]
    }
  }

  let windows = 0
  let holdbacks = 0
  const licences: GenLicence[] = Array.from({ length: options.licences }, (_unused, index) => {
    const id = index + 1
    const content = chooseContent()
    const kind: LicenceKind = random.chance(0.1) ? 'holdback' : 'grant'
    if (kind === 'holdback') holdbacks++
    const { territories, excluded } = chooseTerritories(random)
    const countries = expand(territories, excluded)
    const window = chooseWindow(random, nowMs)
    licencesByShape[window.shape]++
    const start = asTyped(random, window.start)
    const end = window.end === null ? null : asTyped(random, window.end)
    const resolvedWindows = resolve(start, end, countries)
    windows += resolvedWindows.length
    const groupCodes = [...territories, ...excluded].filter((code) => groupCodeSet.has(code))
    return {
      id,
      contractId: `BENCH-${String(id).padStart(6, '0')}`,
      licensor: random.pick(licensors),
      kind,
      holdbackStrength: kind === 'holdback' && random.chance(0.3) ? 'soft' : 'hard',
      licenceType: random.weighted<LicenceType>({ svod: 50, avod: 20, tvod: 15, est: 10, fvod: 5 }),
      formats: kind === 'holdback' ? ['sd', 'hd'] : formatChoices[random.weighted(formatWeights)],
      exclusive: kind === 'grant' && random.chance(0.2),
      content,
      territories,
      excludedTerritories: excluded,
      start,
      end,
      countries,
      resolvedWindows,
      groupSnapshot: Object.fromEntries(groupCodes.map((code) => [code, expand([code], [])])),
      createdAt: createdAtFor(index, options.licences, nowMs),
    }
  })

  const engineLicences: Licence[] = licences.map((licence) => ({
    id: String(licence.id),
    content: licence.content,
    licenceType: licence.licenceType,
    formats: licence.formats,
    kind: licence.kind,
    holdbackStrength: licence.holdbackStrength,
    exclusive: licence.exclusive,
    windows: licence.resolvedWindows.map((window) => ({
      territory: window.territory,
      start: window.start,
      end: window.end,
    })),
  }))

  const facts = new Map<string, { published: boolean; cnApprovalNumber: string | null }>()
  const nodes: ContentRef[] = []
  const remember = (
    collection: ContentRef['collection'],
    doc: { id: number; published: boolean; cnApprovalNumber?: string | null },
  ) => {
    const node = { collection, id: String(doc.id) }
    nodes.push(node)
    facts.set(`${collection}/${doc.id}`, {
      published: doc.published,
      cnApprovalNumber: doc.cnApprovalNumber ?? null,
    })
  }
  films.forEach((film) => remember('films', film))
  series.forEach((show) => remember('series', show))
  seasons.forEach((season) => remember('seasons', season))
  episodes.forEach((episode) => remember('episodes', episode))
  // The spec's rule 1, as the app's catalog graph has it: a title counts as published only when
  // it and every ancestor are (an episode of a draft season is not).
  const ownPublished = new Map([...facts].map(([key, value]) => [key, value.published]))
  for (const node of nodes) {
    const key = `${node.collection}/${node.id}`
    const published = lineage(node, tree).every(
      (title) => ownPublished.get(`${title.collection}/${title.id}`) === true,
    )
    facts.set(key, { ...(facts.get(key) ?? { cnApprovalNumber: null }), published })
  }

  return {
    generatedAt: now,
    regions,
    genres: genreNames,
    films,
    series,
    seasons,
    episodes,
    licences,
    engineLicences,
    tree,
    nodes,
    facts,
    stats: { windows, licencesByScope, licencesByShape, holdbacks },
  }
}
