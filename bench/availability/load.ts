import crypto from 'node:crypto'

import type { SortedCollection } from '../../src/catalog/sortTitles'
import { storedWindowOf } from '../../src/rights/licenceRecords'
import { expectedEntries } from '../../src/search/searchIndex'
import { sortTitlesFor } from '../../src/text/sortTitle'
import type { BenchDatabase, DrizzleLike, Row } from './database'
import { columnsOf } from './database'
import type { GeneratedCatalog } from './generate'
import { formatMs, log } from './log'
import type { BenchAvailabilityRow } from './materialize'
import { benchCountries, benchGroups, countryName } from './territories'

export type StaffCredentials = { email: string; password: string; apiKey: string }

export type LoadResult = {
  localApiMs: number
  bulkMs: number
  analyzeMs: number
  rowsByTable: Record<string, number>
  staff: StaffCredentials
  startupBackfill: StartupBackfillCheck
}

/**
 * What the next Payload start (the audit process, the server) would backfill in its onInit
 * (`backfillSortTitles`, `ensureSearchIndex`): titles with a locale without its sort title, and
 * whether the search index is empty over published titles. Both must be 0 / false after the load.
 */
export type StartupBackfillCheck = {
  titlesMissingSortTitle: number
  searchEntries: number
  searchIndexWouldBeRebuilt: boolean
}

/** Rows per INSERT: under SQLite's and Postgres' bound-parameter limits. */
const maxParameters = 16_000
const maxRowsPerInsert = 1_000

const isoNow = () => new Date().toISOString()

/** Regions, genres and the staff user go through the Local API (hooks, validation, API key). */
const createThroughLocalApi = async (db: BenchDatabase, catalog: GeneratedCatalog) => {
  const { payload } = db
  const regionIds = new Map<string, number>()
  for (const country of benchCountries) {
    const region = catalog.regions.find((candidate) => candidate.code === country.code)
    const created = await payload.create({
      collection: 'regions',
      data: {
        code: country.code,
        kind: 'country',
        name: countryName(country.code),
        timeZone: country.timeZone,
        requiresApprovalNumber: Boolean(region?.requiresApprovalNumber),
      },
      depth: 0,
      overrideAccess: true,
    })
    regionIds.set(country.code, Number(created.id))
  }
  // Groups may contain groups: create each once all its members exist.
  const pending = [...benchGroups]
  while (pending.length > 0) {
    const index = pending.findIndex((group) => group.members.every((code) => regionIds.has(code)))
    if (index < 0) throw new Error('region groups contain each other in a cycle')
    const [group] = pending.splice(index, 1)
    const created = await payload.create({
      collection: 'regions',
      data: {
        code: group.code,
        kind: 'group',
        name: group.name,
        members: group.members.map((code) => regionIds.get(code) as number),
      },
      depth: 0,
      overrideAccess: true,
    })
    regionIds.set(group.code, Number(created.id))
  }

  const genreIds: number[] = []
  for (const name of catalog.genres) {
    const created = await payload.create({
      collection: 'genres',
      data: { name },
      depth: 0,
      overrideAccess: true,
    })
    genreIds.push(Number(created.id))
  }

  const staff: StaffCredentials = {
    email: 'bench-editor@reelhouse.local',
    password: crypto.randomBytes(18).toString('base64url'),
    apiKey: crypto.randomUUID(),
  }
  await payload.create({
    collection: 'users',
    data: {
      email: staff.email,
      password: staff.password,
      name: 'Benchmark editor',
      roles: ['editor'],
      enableAPIKey: true,
      apiKey: staff.apiKey,
    },
    overrideAccess: true,
  })
  return { regionIds, genreIds, staff }
}

type Tables = Record<string, object>

class BulkWriter {
  readonly counts: Record<string, number> = {}

  constructor(
    private readonly tx: DrizzleLike,
    private readonly tables: Tables,
  ) {}

  async insert(tableKey: string, rows: readonly Row[]): Promise<void> {
    const table = this.tables[tableKey]
    if (!table) throw new Error(`the schema has no table ${tableKey}`)
    if (rows.length === 0) return
    const known = columnsOf(table)
    const unknown = Object.keys(rows[0]).filter((key) => !(key in known))
    if (unknown.length > 0) throw new Error(`${tableKey} has no column(s) ${unknown.join(', ')}`)
    // A collection that gained a required field: say so instead of failing on a NOT NULL.
    const missing = Object.entries(known)
      .filter(([, column]) => column.notNull && !column.hasDefault && !column.primary)
      .filter(([key]) => !(key in rows[0]))
      .map(([key, column]) => `${key} (${column.name})`)
    if (missing.length > 0) {
      throw new Error(
        `${tableKey} now has required column(s) the benchmark loader does not fill: ` +
          `${missing.join(', ')}. Update bench/availability/load.ts (and materialize.ts) to ` +
          'mirror what the app writes.',
      )
    }
    const perInsert = Math.max(
      1,
      Math.min(maxRowsPerInsert, Math.floor(maxParameters / Object.keys(rows[0]).length)),
    )
    for (let offset = 0; offset < rows.length; offset += perInsert) {
      await this.tx.insert(table).values(rows.slice(offset, offset + perInsert) as Row[])
    }
    this.counts[tableKey] = (this.counts[tableKey] ?? 0) + rows.length
  }
}

const versionRow = (id: number, status: string, createdAt: string, fields: Row): Row => ({
  id,
  parent: id,
  ...Object.fromEntries(Object.entries(fields).map(([key, value]) => [`version_${key}`, value])),
  version__status: status,
  version_createdAt: createdAt,
  version_updatedAt: createdAt,
  createdAt,
  updatedAt: createdAt,
  latest: true,
  autosave: false,
})

const statusOf = (doc: { published: boolean }) => (doc.published ? 'published' : 'draft')

/** Two locales per title (en, de), as editors would fill them. */
const localeRows = (id: number, en: string, de: string, field = 'title'): Row[] => [
  { [field]: en, _locale: 'en', _parentID: id },
  { [field]: de, _locale: 'de', _parentID: id },
]

export type Localisation = { locales: readonly string[]; defaultLocale: string }

type SortedTitle = { id: number; title: string; titleDe: string; published: boolean }

/** The titles a film or series has, by locale: en and de (the others fall back to en). */
const titlesOf = (doc: SortedTitle): Record<string, string> => ({ en: doc.title, de: doc.titleDe })

/**
 * Locale rows of a film or series as its hooks leave them (src/catalog/sortTitles.ts): every
 * configured locale gets its sort title, a locale without its own title (zh-Hans here) the one
 * derived from the default locale's title, so that start-up has nothing to backfill.
 */
const sortedLocaleRows = (
  doc: SortedTitle,
  localisation: Localisation,
  prefix: '' | 'version_',
): Row[] => {
  const titles = titlesOf(doc)
  const sortTitles = sortTitlesFor({
    locales: localisation.locales,
    defaultLocale: localisation.defaultLocale,
    titles,
    previousTitles: titles,
    given: {},
  })
  return localisation.locales.map((locale) => ({
    [`${prefix}title`]: titles[locale] ?? null,
    [`${prefix}sortTitle`]: sortTitles[locale],
    _locale: locale,
    _parentID: doc.id,
  }))
}

/** The search index rows the hooks keep (src/search/searchIndex.ts): published titles only. */
const searchEntryRows = (
  collection: SortedCollection,
  docs: readonly SortedTitle[],
  localisation: Localisation,
  now: string,
): Row[] =>
  docs.flatMap((doc) => {
    const titles = titlesOf(doc)
    const sortTitle = sortTitlesFor({
      locales: localisation.locales,
      defaultLocale: localisation.defaultLocale,
      titles,
      previousTitles: titles,
      given: {},
    })
    return expectedEntries(
      collection,
      { id: doc.id, _status: statusOf(doc), title: titles, sortTitle },
      localisation.locales,
    ).map((entry) => ({ ...entry, createdAt: now, updatedAt: now }))
  })

const writeCatalog = async (
  writer: BulkWriter,
  catalog: GeneratedCatalog,
  genreIds: readonly number[],
  localisation: Localisation,
) => {
  const films = catalog.films
  await writer.insert(
    'films',
    films.map((film) => ({
      id: film.id,
      slug: film.slug,
      releaseYear: film.releaseYear,
      originalLanguage: film.originalLanguage,
      cnApprovalNumber: film.cnApprovalNumber,
      runtimeMinutes: film.runtimeMinutes,
      _status: statusOf(film),
      createdAt: film.createdAt,
      updatedAt: film.createdAt,
    })),
  )
  await writer.insert(
    'films_locales',
    films.flatMap((film) => sortedLocaleRows(film, localisation, '')),
  )
  const filmRels = (parentPath: string) =>
    films.flatMap((film) => [
      ...film.genres.map((genre, index) => ({
        order: index + 1,
        parent: film.id,
        path: `${parentPath}genres`,
        genresID: genreIds[genre],
      })),
      ...film.relatedFilms.map((related, index) => ({
        order: index + 1,
        parent: film.id,
        path: `${parentPath}relatedFilms`,
        filmsID: related,
      })),
    ])
  await writer.insert('films_rels', filmRels(''))
  await writer.insert(
    '_films_v',
    films.map((film) =>
      versionRow(film.id, statusOf(film), film.createdAt, {
        slug: film.slug,
        releaseYear: film.releaseYear,
        originalLanguage: film.originalLanguage,
        cnApprovalNumber: film.cnApprovalNumber,
        runtimeMinutes: film.runtimeMinutes,
      }),
    ),
  )
  await writer.insert(
    '_films_v_locales',
    films.flatMap((film) => sortedLocaleRows(film, localisation, 'version_')),
  )
  await writer.insert('_films_v_rels', filmRels('version.'))

  const series = catalog.series
  await writer.insert(
    'series',
    series.map((show) => ({
      id: show.id,
      slug: show.slug,
      releaseYear: show.releaseYear,
      originalLanguage: show.originalLanguage,
      cnApprovalNumber: show.cnApprovalNumber,
      _status: statusOf(show),
      createdAt: show.createdAt,
      updatedAt: show.createdAt,
    })),
  )
  await writer.insert(
    'series_locales',
    series.flatMap((show) => sortedLocaleRows(show, localisation, '')),
  )
  const seriesRels = (parentPath: string) =>
    series.flatMap((show) =>
      show.genres.map((genre, index) => ({
        order: index + 1,
        parent: show.id,
        path: `${parentPath}genres`,
        genresID: genreIds[genre],
      })),
    )
  await writer.insert('series_rels', seriesRels(''))
  await writer.insert(
    '_series_v',
    series.map((show) =>
      versionRow(show.id, statusOf(show), show.createdAt, {
        slug: show.slug,
        releaseYear: show.releaseYear,
        originalLanguage: show.originalLanguage,
        cnApprovalNumber: show.cnApprovalNumber,
      }),
    ),
  )
  await writer.insert(
    '_series_v_locales',
    series.flatMap((show) => sortedLocaleRows(show, localisation, 'version_')),
  )
  await writer.insert('_series_v_rels', seriesRels('version.'))
  const now = isoNow()
  await writer.insert('search_entries', [
    ...searchEntryRows('films', films, localisation, now),
    ...searchEntryRows('series', series, localisation, now),
  ])

  const seasons = catalog.seasons
  await writer.insert(
    'seasons',
    seasons.map((season) => ({
      id: season.id,
      series: season.seriesId,
      seasonNumber: season.seasonNumber,
      _status: statusOf(season),
      createdAt: season.createdAt,
      updatedAt: season.createdAt,
    })),
  )
  await writer.insert(
    'seasons_locales',
    seasons.flatMap((season) => localeRows(season.id, season.title, season.titleDe)),
  )
  await writer.insert(
    '_seasons_v',
    seasons.map((season) =>
      versionRow(season.id, statusOf(season), season.createdAt, {
        series: season.seriesId,
        seasonNumber: season.seasonNumber,
      }),
    ),
  )
  await writer.insert(
    '_seasons_v_locales',
    seasons.flatMap((season) =>
      localeRows(season.id, season.title, season.titleDe, 'version_title'),
    ),
  )

  const episodes = catalog.episodes
  await writer.insert(
    'episodes',
    episodes.map((episode) => ({
      id: episode.id,
      season: episode.seasonId,
      episodeNumber: episode.episodeNumber,
      runtimeMinutes: episode.runtimeMinutes,
      _status: statusOf(episode),
      createdAt: episode.createdAt,
      updatedAt: episode.createdAt,
    })),
  )
  await writer.insert(
    'episodes_locales',
    episodes.flatMap((episode) => localeRows(episode.id, episode.title, episode.titleDe)),
  )
  await writer.insert(
    '_episodes_v',
    episodes.map((episode) =>
      versionRow(episode.id, statusOf(episode), episode.createdAt, {
        season: episode.seasonId,
        episodeNumber: episode.episodeNumber,
        runtimeMinutes: episode.runtimeMinutes,
      }),
    ),
  )
  await writer.insert(
    '_episodes_v_locales',
    episodes.flatMap((episode) =>
      localeRows(episode.id, episode.title, episode.titleDe, 'version_title'),
    ),
  )
}

const relationKey = {
  films: 'filmsID',
  series: 'seriesID',
  seasons: 'seasonsID',
  episodes: 'episodesID',
}

/** Licences as `resolveLicenceWindows` leaves them: countries, windows and content keys. */
const writeLicences = async (
  writer: BulkWriter,
  catalog: GeneratedCatalog,
  regionIds: ReadonlyMap<string, number>,
  tzVersion: string | null,
) => {
  const licences = catalog.licences
  const regionId = (code: string): number => {
    const id = regionIds.get(code)
    if (id === undefined) throw new Error(`no region ${code}`)
    return id
  }
  await writer.insert(
    'licences',
    licences.map((licence) => ({
      id: licence.id,
      contractId: licence.contractId,
      licensor: licence.licensor,
      kind: licence.kind,
      holdbackStrength: licence.holdbackStrength,
      licenceType: licence.licenceType,
      start: licence.start,
      end: licence.end,
      exclusive: licence.exclusive,
      groupSnapshot: licence.groupSnapshot,
      hasConflicts: false,
      // As resolveLicenceWindows stamps a saved licence: the server's start re-resolves the others.
      tzVersion,
      createdAt: licence.createdAt,
      updatedAt: licence.createdAt,
    })),
  )
  await writer.insert(
    'licences_formats',
    licences.flatMap((licence) =>
      licence.formats.map((value, index) => ({ order: index + 1, parent: licence.id, value })),
    ),
  )
  await writer.insert(
    'licences_rels',
    licences.flatMap((licence) => [
      ...licence.content.map((node, index) => ({
        order: index + 1,
        parent: licence.id,
        path: 'content',
        [relationKey[node.collection]]: Number(node.id),
      })),
      ...licence.territories.map((code, index) => ({
        order: index + 1,
        parent: licence.id,
        path: 'territories',
        regionsID: regionId(code),
      })),
      ...licence.excludedTerritories.map((code, index) => ({
        order: index + 1,
        parent: licence.id,
        path: 'excludedTerritories',
        regionsID: regionId(code),
      })),
    ]),
  )
  await writer.insert(
    'licences_texts',
    licences.flatMap((licence) => [
      ...licence.content.map((node, index) => ({
        order: index + 1,
        parent: licence.id,
        path: 'contentKeys',
        text: `${node.collection}/${node.id}`,
      })),
      ...licence.countries.map((country, index) => ({
        order: index + 1,
        parent: licence.id,
        path: 'countries',
        text: country,
      })),
    ]),
  )
  await writer.insert(
    'licences_resolved_windows',
    licences.flatMap((licence) =>
      licence.resolvedWindows.map((window, index) => ({
        _order: index + 1,
        _parentID: licence.id,
        // Array rows carry ObjectID-like ids.
        id: `${licence.id.toString(16).padStart(16, '0')}${index.toString(16).padStart(8, '0')}`,
        ...storedWindowOf(window),
      })),
    ),
  )
}

const localisationOf = (db: BenchDatabase): Localisation => {
  const localization = db.payload.config.localization
  return localization
    ? { locales: localization.localeCodes, defaultLocale: localization.defaultLocale }
    : { locales: ['en'], defaultLocale: 'en' }
}

const explicitIdTables = [
  'films',
  '_films_v',
  'series',
  '_series_v',
  'seasons',
  '_seasons_v',
  'episodes',
  '_episodes_v',
  'licences',
]

/**
 * Loads the generated catalog: regions, genres and a staff user through the Local API, then
 * every title, version, licence and materialised availability row in multi-row INSERTs inside
 * one transaction, then ANALYZE. Licences carry `tzVersion` (null: unstamped).
 */
export const loadCatalog = async (
  db: BenchDatabase,
  catalog: GeneratedCatalog,
  availabilityRows: readonly BenchAvailabilityRow[],
  { tzVersion }: { tzVersion: string | null },
): Promise<LoadResult> => {
  let start = performance.now()
  const { regionIds, genreIds, staff } = await createThroughLocalApi(db, catalog)
  const localApiMs = performance.now() - start
  log(
    `${db.backend}: regions, genres and the staff user via the Local API in ${formatMs(localApiMs)}`,
  )

  start = performance.now()
  if (db.backend === 'sqlite') await db.query('PRAGMA synchronous = OFF')
  const counts = await db.adapter.drizzle.transaction(async (tx) => {
    const writer = new BulkWriter(tx, db.adapter.tables)
    await writeCatalog(writer, catalog, genreIds, localisationOf(db))
    log(`${db.backend}: titles written (${formatMs(performance.now() - start)})`)
    await writeLicences(writer, catalog, regionIds, tzVersion)
    log(`${db.backend}: licences written (${formatMs(performance.now() - start)})`)
    const now = isoNow()
    await writer.insert(
      'availability_windows',
      availabilityRows.map((row) => ({ ...row, createdAt: now, updatedAt: now })),
    )
    return writer.counts
  })
  if (db.backend === 'sqlite') await db.query('PRAGMA synchronous = FULL')
  if (db.backend === 'postgres') {
    for (const table of explicitIdTables) {
      await db.query(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`,
      )
    }
  }
  const bulkMs = performance.now() - start
  log(
    `${db.backend}: bulk load of ${Object.values(counts).reduce((a, b) => a + b, 0)} rows in ${formatMs(bulkMs)}`,
  )

  start = performance.now()
  await db.query(db.backend === 'sqlite' ? 'ANALYZE' : 'VACUUM ANALYZE')
  const analyzeMs = performance.now() - start
  log(
    `${db.backend}: ${db.backend === 'sqlite' ? 'ANALYZE' : 'VACUUM ANALYZE'} in ${formatMs(analyzeMs)}`,
  )
  const startupBackfill = await startupBackfillCheck(db)
  log(
    `${db.backend}: after the load, ${startupBackfill.titlesMissingSortTitle} titles lack a sort title, ` +
      `${startupBackfill.searchEntries} search entries` +
      (startupBackfill.searchIndexWouldBeRebuilt ? ' (the index would be rebuilt at start)' : ''),
  )
  return { localApiMs, bulkMs, analyzeMs, rowsByTable: counts, staff, startupBackfill }
}

/** The same questions the onInit asks before it backfills (read only). */
const startupBackfillCheck = async (db: BenchDatabase): Promise<StartupBackfillCheck> => {
  const { payload } = db
  const { locales } = localisationOf(db)
  let titlesMissingSortTitle = 0
  let published = 0
  for (const collection of ['films', 'series'] as const) {
    const missing = await payload.count({
      collection,
      where: { or: locales.map((locale) => ({ [`sortTitle.${locale}`]: { exists: false } })) },
      overrideAccess: true,
    })
    titlesMissingSortTitle += missing.totalDocs
    const { totalDocs } = await payload.count({
      collection,
      where: { _status: { equals: 'published' } },
      overrideAccess: true,
    })
    published += totalDocs
  }
  const { totalDocs: searchEntries } = await payload.count({
    collection: 'search-entries',
    overrideAccess: true,
  })
  return {
    titlesMissingSortTitle,
    searchEntries,
    searchIndexWouldBeRebuilt: searchEntries === 0 && published > 0,
  }
}
