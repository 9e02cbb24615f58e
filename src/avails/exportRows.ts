import { DateTime } from 'luxon'

import {
  allVideoFormats,
  type ContentCollection,
  type LicenceType,
  type Region,
  type VideoFormat,
} from '../availability'
import { openStart, readWhen, resolveWhen, type When } from './boundaries'
import type { ImportedLicence } from './diff'
import type { AvailsSource, AvailsSourceRow } from './mapRows'
import { fromExcelSerial } from './readSpreadsheet'
import { type AvailCell, type AvailField, textCell } from './rows'
import { type CatalogTitle, titleIndex } from './titles'
import type { WorkType } from './vocabulary'

/**
 * The spreadsheet columns an export writes: a choice of the fields the importer reads
 * (`availFields`), in template order; a column it would not read does not compile.
 */
export const exportColumns = [
  'DisplayName',
  'Territory',
  'WorkType',
  'EntryType',
  'TitleInternalAlias',
  'TitleDisplayUnlimited',
  'SeriesTitleInternalAlias',
  'SeriesTitleDisplayUnlimited',
  'SeasonNumber',
  'EpisodeNumber',
  'LicenseType',
  'FormatProfile',
  'HDR',
  'Start',
  'End',
  'ContentID',
  'SeriesContentID',
  'SeasonContentID',
  'EpisodeContentID',
  'AvailID',
  'ALID',
  'AnnounceDate',
  'ReleaseYear',
  'ContractID',
  'Exclusive',
  'BundleALIDs',
] as const satisfies readonly AvailField[]
export type ExportColumn = (typeof exportColumns)[number]

/** Columns EMA templates mark `//REQ`; the annotation row says so. */
export const requiredExportColumns: readonly ExportColumn[] = [
  'DisplayName',
  'Territory',
  'WorkType',
  'EntryType',
  'TitleInternalAlias',
  'LicenseType',
  'FormatProfile',
  'Start',
  'End',
  'ALID',
]

export type ExportValue =
  | { kind: 'text'; text: string }
  /** A calendar day: a date cell in XLSX, `YYYY-MM-DD` in CSV and XML. */
  | { kind: 'date'; date: string }
  | { kind: 'number'; value: number }

/** One EMA row: one licence x licence type x format profile, for one asset. */
export interface ExportRow {
  licenceId: string
  /** Rows of one asset of one licence: one XML `Avail`, its `Transaction`s being the rows. */
  avail: string
  /** The asset's content key (`films/3`), or `collection`. */
  asset: string
  workType: WorkType
  territories: string[]
  values: Partial<Record<ExportColumn, ExportValue>>
}

export interface ExportFilter {
  territory?: string
  licenceType?: LicenceType
}

export interface SkippedLicence {
  licenceId: string
  reason: string
}

export interface AvailsExport {
  rows: ExportRow[]
  skipped: SkippedLicence[]
}

/** Our licence types in EMA's LicenseType vocabulary (EMA's VOD is the rental window). */
const emaLicenseType: Record<LicenceType, string> = {
  est: 'EST',
  tvod: 'VOD',
  svod: 'SVOD',
  avod: 'AVOD',
  fvod: 'FVOD',
}

const workTypeOf: Record<ContentCollection, WorkType> = {
  films: 'Movie',
  series: 'Series',
  seasons: 'Season',
  episodes: 'Episode',
}

const text = (value: string): ExportValue => ({ kind: 'text', text: value })
const datePattern = /^\d{4}-\d{2}-\d{2}$/

const utcSeconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`

const sameBoundary = (a: string | null, b: string | null): boolean => {
  if (a === b) return true
  if (a === null || b === null || datePattern.test(a) || datePattern.test(b)) return false
  return Date.parse(a) === Date.parse(b)
}

const valueOfWhen = (when: Exclude<When, { kind: 'immediate' }>): ExportValue => {
  switch (when.kind) {
    case 'date':
      return { kind: 'date', date: when.date }
    case 'dateTime':
      return text(when.text)
    case 'open':
      return text('Open')
  }
}

/** What the importer read from a raw boundary, as it read it (Excel serials included). */
const whenOfRaw = (raw: string): When | null => {
  const trimmed = raw.trim()
  const cell: AvailCell = /^\d+(\.\d+)?$/.test(trimmed)
    ? { value: fromExcelSerial(Number(trimmed)), column: '', raw }
    : textCell(trimmed, '')
  const when = readWhen(cell)
  return 'error' in when ? null : when
}

/**
 * A Start or End as the export writes it. The words the licensor used (a date, a zone-less
 * date-time, `Open`) are kept when they still say exactly what the licence holds under the
 * default zone convention, so a re-import finds the same avail; otherwise a date stays a date,
 * an instant is written absolute (`Z`) and an open end is `Open`.
 */
export const boundaryValue = (
  stored: string | null,
  which: 'start' | 'end',
  source: AvailsSource['start'] | undefined,
  zone: string | undefined,
): ExportValue => {
  if (source && zone) {
    const when = whenOfRaw(source.raw)
    if (when && when.kind !== 'immediate') {
      const resolved = resolveWhen(when, which, zone, 'territory', new Date(0))
      if (!('error' in resolved) && sameBoundary(resolved.value, stored)) return valueOfWhen(when)
    }
  }
  if (stored === null) return text('Open')
  if (datePattern.test(stored)) return { kind: 'date', date: stored }
  if (which === 'start' && Date.parse(stored) === Date.parse(openStart)) return text('Open')
  return text(utcSeconds(Date.parse(stored)))
}

/** AnnounceDate: the licensor's date (local midnight in the territory) or an absolute instant. */
export const announceValue = (
  stored: string | null,
  source: AvailsSource['announce'] | undefined,
  zone: string | undefined,
): ExportValue | null => {
  if (!stored) return null
  const instant = Date.parse(stored)
  if (source && zone) {
    const when = whenOfRaw(source.raw)
    if (when?.kind === 'date' && DateTime.fromISO(when.date, { zone }).toMillis() === instant) {
      return valueOfWhen(when)
    }
    if (when?.kind === 'dateTime') {
      const resolved = resolveWhen(when, 'start', zone, 'territory', new Date(0))
      if (!('error' in resolved) && resolved.value && Date.parse(resolved.value) === instant) {
        return valueOfWhen(when)
      }
    }
  }
  if (zone) {
    const local = DateTime.fromMillis(instant, { zone })
    if (local.toMillis() === local.startOf('day').toMillis()) {
      return { kind: 'date', date: local.toISODate() ?? '' }
    }
  }
  return text(utcSeconds(instant))
}

/** The identifier a title is exported with: its EIDR in Common Metadata form, else an avails id. */
const identifierOf = (title: CatalogTitle): string | null => {
  if (title.eidr) return `md:cid:eidr-s:${title.eidr.replace(/^10\.5240\//, '')}`
  return title.availsIds?.[0] ?? null
}

type Index = ReturnType<typeof titleIndex>

const put = (
  values: ExportRow['values'],
  column: ExportColumn,
  value: string | number | null | undefined,
) => {
  if (value === null || value === undefined || value === '') return
  values[column] = typeof value === 'number' ? { kind: 'number', value } : text(value)
}

/** The asset columns of one title: identifiers first, then what the importer matches without. */
const assetValues = (title: CatalogTitle, index: Index): ExportRow['values'] => {
  const values: ExportRow['values'] = {}
  const name = title.names[0] ?? ''
  const id = identifierOf(title)
  const parent = title.parent
    ? index.byKey.get(`${title.parent.collection}/${title.parent.id}`)
    : undefined
  const series = index.seriesOf(title)
  const seriesName = series?.names[0]
  put(values, 'ContentID', id)
  switch (title.ref.collection) {
    case 'films':
      put(values, 'TitleInternalAlias', name)
      put(values, 'TitleDisplayUnlimited', name)
      put(values, 'ReleaseYear', title.releaseYear)
      break
    case 'series':
      put(values, 'TitleInternalAlias', name)
      put(values, 'SeriesTitleInternalAlias', name)
      put(values, 'SeriesTitleDisplayUnlimited', name)
      put(values, 'SeriesContentID', id)
      put(values, 'ReleaseYear', title.releaseYear)
      break
    case 'seasons':
      put(values, 'TitleInternalAlias', name)
      put(values, 'SeriesTitleInternalAlias', seriesName)
      put(values, 'SeriesTitleDisplayUnlimited', seriesName)
      put(values, 'SeasonNumber', title.seasonNumber)
      put(values, 'SeasonContentID', id)
      put(values, 'SeriesContentID', series ? identifierOf(series) : null)
      break
    case 'episodes':
      put(values, 'TitleInternalAlias', name)
      put(values, 'SeriesTitleInternalAlias', seriesName)
      put(values, 'SeriesTitleDisplayUnlimited', seriesName)
      put(values, 'SeasonNumber', parent?.seasonNumber)
      put(values, 'EpisodeNumber', title.episodeNumber)
      put(values, 'EpisodeContentID', id)
      put(values, 'SeasonContentID', parent ? identifierOf(parent) : null)
      put(values, 'SeriesContentID', series ? identifierOf(series) : null)
      break
  }
  return values
}

type Asset = { key: string; workType: WorkType; values: ExportRow['values'] }

/**
 * The assets a licence's rows name: one title, or a Collection bundling films by their ids
 * (as the importer reads one). Other licences naming several titles get one asset per title.
 */
const assetsOf = (
  licence: ImportedLicence,
  index: Index,
): { assets: Asset[] } | { reason: string } => {
  const titles = licence.contentKeys.map((key) => ({ key, title: index.byKey.get(key) }))
  const missing = titles.find((entry) => !entry.title)
  if (titles.length === 0) return { reason: 'names no title' }
  if (missing) return { reason: `names ${missing.key}, which no longer exists` }
  const found = titles.map((entry) => entry.title as CatalogTitle)
  const bundled = found.map(identifierOf)
  if (
    found.length > 1 &&
    found.every((title) => title.ref.collection === 'films') &&
    bundled.every((id): id is string => id !== null)
  ) {
    const raw = licence.source?.rows[0]?.raw ?? {}
    const name =
      raw.TitleInternalAlias ??
      raw.TitleDisplayUnlimited ??
      found.map((title) => title.names[0]).join(' / ')
    const values: ExportRow['values'] = {}
    put(values, 'TitleInternalAlias', name)
    put(values, 'TitleDisplayUnlimited', raw.TitleDisplayUnlimited ?? name)
    put(values, 'BundleALIDs', bundled.join(';'))
    return { assets: [{ key: 'collection', workType: 'Collection', values }] }
  }
  return {
    assets: found.map((title) => ({
      key: `${title.ref.collection}/${title.ref.id}`,
      workType: workTypeOf[title.ref.collection],
      values: assetValues(title, index),
    })),
  }
}

type Profile = { formatProfile: string; availId: string | null; hdr: string | null }

/**
 * The format profiles a licence's rows carry: the source rows of each format as the licensor
 * wrote them (one per AvailID), else the plain profile. A licence without formats is for all.
 */
const profilesOf = (licence: ImportedLicence): Profile[] => {
  const formats: readonly VideoFormat[] =
    licence.formats.length > 0
      ? allVideoFormats.filter((format) => licence.formats.includes(format))
      : allVideoFormats
  const sourceRows: AvailsSourceRow[] = licence.source?.rows ?? []
  return formats.flatMap((format) => {
    const seen = new Set<string>()
    const profiles = sourceRows
      .filter((row) => row.format === format)
      .map((row) => ({
        formatProfile: row.formatProfile,
        availId: row.availId,
        hdr: row.hdr,
      }))
      .filter((profile) => {
        const key = JSON.stringify(profile)
        if (seen.has(key)) return false
        seen.add(key)
        return true
      })
    return profiles.length > 0
      ? profiles
      : [{ formatProfile: format.toUpperCase(), availId: null, hdr: null }]
  })
}

/**
 * The current grants as EMA Avails rows: one row per licence x licence type x format profile,
 * with the columns and vocabulary the importer reads, so a file exported and imported again
 * states the same licences (`EntryType` Full Extract: the export is the whole statement of its
 * scope). Holdbacks have no EMA row and are left out; licences naming a title that no longer
 * exists are listed in `skipped`.
 */
export const availsExportRows = (
  licences: readonly ImportedLicence[],
  catalog: readonly CatalogTitle[],
  regions: readonly Region[],
  filter: ExportFilter = {},
): AvailsExport => {
  const zones = new Map(regions.map((region) => [region.code, region.timeZone]))
  const index = titleIndex(catalog)
  const result: AvailsExport = { rows: [], skipped: [] }
  for (const licence of licences) {
    if (filter.licenceType && licence.licenceType !== filter.licenceType) continue
    if (filter.territory && !licence.countries.includes(filter.territory)) continue
    const territories = filter.territory ? [filter.territory] : [...licence.countries].sort()
    if (territories.length === 0) {
      result.skipped.push({ licenceId: licence.id, reason: 'has no territory' })
      continue
    }
    const assets = assetsOf(licence, index)
    if ('reason' in assets) {
      result.skipped.push({ licenceId: licence.id, reason: assets.reason })
      continue
    }
    // The licensor's own words only make sense in one territory's zone.
    const zone = licence.countries.length === 1 ? zones.get(licence.countries[0]) : undefined
    const source = licence.source
    const terms: ExportRow['values'] = {}
    put(terms, 'DisplayName', licence.licensor)
    put(terms, 'Territory', territories.join(', '))
    put(terms, 'EntryType', 'Full Extract')
    put(terms, 'LicenseType', emaLicenseType[licence.licenceType])
    terms.Start = boundaryValue(licence.start, 'start', source?.start, zone)
    terms.End = boundaryValue(licence.end, 'end', source?.end, zone)
    put(terms, 'ALID', source?.alid)
    const announce = announceValue(
      licence.announceAt,
      source?.announce,
      zone ?? zones.get(territories[0]),
    )
    if (announce) terms.AnnounceDate = announce
    put(terms, 'ContractID', licence.contractId)
    put(terms, 'Exclusive', licence.exclusive ? 'Yes' : 'No')
    const profiles = profilesOf(licence)
    for (const asset of assets.assets) {
      for (const profile of profiles) {
        const values: ExportRow['values'] = { ...asset.values, ...terms }
        put(values, 'WorkType', asset.workType)
        put(values, 'FormatProfile', profile.formatProfile)
        put(values, 'HDR', profile.hdr)
        put(values, 'AvailID', profile.availId)
        result.rows.push({
          licenceId: licence.id,
          avail: `${licence.id}|${asset.key}`,
          asset: asset.key,
          workType: asset.workType,
          territories,
          values,
        })
      }
    }
  }
  return result
}
