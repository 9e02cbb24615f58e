import crypto from 'node:crypto'

import { DateTime } from 'luxon'

import {
  AvailabilityInputError,
  type ContentCollection,
  expandTerritories,
  type LicenceType,
  nodeKey,
  type Region,
  resolveTerritoryWindows,
  type TerritoryWindow,
  type VideoFormat,
} from '../availability'
import { eidrPattern, isIso3166Alpha2 } from '../validation/codes'
import {
  type BoundaryRule,
  describeConvention,
  readWhen,
  resolveWhen,
  type ZoneConvention,
} from './boundaries'
import { eidrOf } from './identifiers'
import { type AvailCell, type AvailField, type AvailRow, type RowError, textOf } from './rows'
import { type CatalogTitle, describeTitle, type TitleQuery, titleIndex } from './titles'
import {
  type EntryType,
  entryTypeOf,
  formatProfileTable,
  hdrValues,
  licenseTypeTable,
  type WorkType,
  workTypeTable,
  yesNo,
} from './vocabulary'

export interface MappingOptions {
  /** The instant `Immediate` means. */
  now: Date
  zoneConvention: ZoneConvention
  /** Rows naming a title the catalog lacks plan a draft title instead of an error row. */
  createMissingTitles: boolean
}

/** A title the import will create (only with `createMissingTitles`). */
export interface NewTitle {
  key: string
  collection: ContentCollection
  title: string
  releaseYear?: number
  eidr?: string
  availsIds: string[]
  seasonNumber?: number
  episodeNumber?: number
  /** Key of the parent (existing `seasons/3` or another new title's key). */
  parentKey?: string
}

/** Where a licence came from, kept on it for audit. */
export type AvailsSourceRow = {
  sheet: string | null
  row: number
  availId: string | null
  format: VideoFormat
  formatProfile: string
  hdr: string | null
  raw: Record<string, string>
}

export type AvailsSource = {
  alid: string | null
  entryType: EntryType
  workType: WorkType
  zoneConvention: string
  start: { raw: string; rule: BoundaryRule; zone?: string }
  end: { raw: string; rule: BoundaryRule; zone?: string }
  announce: { raw: string } | null
  rows: AvailsSourceRow[]
}

/** The licence fields an import writes. */
export interface LicenceWrite {
  /** Identity of the avail and its terms, without the format: the merge and re-import key. */
  availsKey: string
  contentKeys: string[]
  licensor: string
  contractId: string | null
  licenceType: LicenceType
  formats: VideoFormat[]
  territory: string
  start: string
  end: string | null
  announceAt: string | null
  exclusive: boolean
  source: AvailsSource
}

/** One licence the file states: rows of the same avail and terms merged (one per format). */
export interface LicenceDraft extends LicenceWrite {
  availIds: string[]
  windows: TerritoryWindow[]
}

export type Removal =
  | { kind: 'availId'; availId: string; sheet: string | null; row: number }
  | { kind: 'terms'; availsKey: string; format: VideoFormat; sheet: string | null; row: number }

export interface MatchedTitle {
  sheet: string | null
  row: number
  contentKey: string
  by: 'identifier' | 'numbers' | 'title' | 'created'
}

export interface UnmatchedTitle {
  sheet: string | null
  row: number
  tried: string
  candidates: string[]
}

export interface MappedAvails {
  drafts: LicenceDraft[]
  removals: Removal[]
  /** `licensor|contentKey|territory|licenceType` of every Full Extract row. */
  fullExtractScopes: string[]
  fullDeleteScopes: string[]
  /** Scopes of rows that failed: a Full Extract must not remove what they may have stated. */
  protectedScopes: string[]
  errors: RowError[]
  matched: MatchedTitle[]
  unmatched: UnmatchedTitle[]
  newTitles: NewTitle[]
}

export const scopeKey = (licensor: string, contentKey: string, territory: string, type: string) =>
  `${licensor.trim().toLowerCase()}|${contentKey}|${territory}|${type}`

class RowProblem extends Error {
  constructor(
    readonly field: AvailField | null,
    readonly cell: AvailCell | undefined,
    readonly reason: string,
    readonly candidates?: string[],
  ) {
    super(reason)
  }
}

const cellsOf = (row: AvailRow, field: AvailField) => row.cells[field] ?? []
const firstCell = (row: AvailRow, ...fields: AvailField[]): AvailCell | undefined =>
  fields.map((field) => cellsOf(row, field)[0]).find(Boolean)
const textIn = (row: AvailRow, ...fields: AvailField[]) => {
  const cell = firstCell(row, ...fields)
  return cell ? textOf(cell.value).trim() : ''
}
const textsIn = (row: AvailRow, ...fields: AvailField[]) =>
  fields
    .flatMap((field) => cellsOf(row, field).map((cell) => textOf(cell.value).trim()))
    .filter(Boolean)

const required = (row: AvailRow, field: AvailField): AvailCell => {
  const cell = firstCell(row, field)
  if (!cell || textOf(cell.value).trim() === '')
    throw new RowProblem(field, undefined, `${field} is required`)
  return cell
}

const numberIn = (row: AvailRow, field: AvailField): number | undefined => {
  const cell = firstCell(row, field)
  if (!cell) return undefined
  const text = textOf(cell.value).trim()
  if (text === '') return undefined
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0)
    throw new RowProblem(field, cell, `${text} is not a whole number`)
  return value
}

const territoryCodes = (
  row: AvailRow,
  field: 'Territory' | 'TerritoryExcluded',
  regions: ReadonlyMap<string, Region>,
) =>
  cellsOf(row, field).flatMap((cell) =>
    textOf(cell.value)
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((text) => {
        const code = text.toUpperCase()
        if (regions.has(code)) return code
        if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code)) {
          throw new RowProblem(
            field,
            cell,
            `${code} is an ISO 3166-2 subdivision: subdivisions are not supported, name the country`,
          )
        }
        if (/^\d{3}$/.test(code)) {
          throw new RowProblem(
            field,
            cell,
            `${code} is a UN M.49 region code: not supported, list the ISO 3166-1 countries`,
          )
        }
        if (isIso3166Alpha2(code)) {
          throw new RowProblem(
            field,
            cell,
            `${code} has no region in this install: add the region first`,
          )
        }
        throw new RowProblem(field, cell, `${text} is not an ISO 3166-1 alpha-2 country code`)
      }),
  )

const idFieldsOf: Record<WorkType, AvailField[]> = {
  Movie: ['ContentID', 'ALID', 'TitleID', 'EditID'],
  Collection: ['ContentID', 'ALID'],
  Episode: [
    'EpisodeContentID',
    'ContentID',
    'ALID',
    'EpisodeID',
    'EpisodeTitleID',
    'EditID',
    'TitleID',
  ],
  Season: ['SeasonContentID', 'ContentID', 'ALID', 'SeasonID'],
  Series: ['SeriesContentID', 'ContentID', 'ALID', 'SeriesID'],
}

const hash = (parts: unknown[]) =>
  crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)

const announceInstant = (
  cell: AvailCell,
  zone: string,
  convention: ZoneConvention,
  now: Date,
): string => {
  const when = readWhen(cell)
  if ('error' in when) throw new RowProblem('AnnounceDate', cell, when.error)
  if (when.kind === 'open')
    throw new RowProblem('AnnounceDate', cell, 'Open is not an announce date')
  if (when.kind === 'date') {
    return DateTime.fromISO(when.date, { zone }).toUTC().toISO({ suppressMilliseconds: true }) ?? ''
  }
  const resolved = resolveWhen(when, 'start', zone, convention, now)
  if ('error' in resolved) throw new RowProblem('AnnounceDate', cell, resolved.error)
  return new Date(resolved.value ?? '').toISOString()
}

/**
 * Maps parsed rows to licence drafts, removals and scopes, against the catalog and the regions.
 * Each row either contributes completely or is one error row; nothing of it is used then.
 */
export const mapRows = (
  rows: readonly AvailRow[],
  catalog: readonly CatalogTitle[],
  regionList: readonly Region[],
  options: MappingOptions,
): MappedAvails => {
  const regions = new Map(regionList.map((region) => [region.code, region]))
  const index = titleIndex(catalog)
  const result: MappedAvails = {
    drafts: [],
    removals: [],
    fullExtractScopes: [],
    fullDeleteScopes: [],
    protectedScopes: [],
    errors: [],
    matched: [],
    unmatched: [],
    newTitles: [],
  }
  const drafts = new Map<string, LicenceDraft>()
  const newTitles = new Map<string, NewTitle>()

  const planTitle = (title: NewTitle): string => {
    if (!newTitles.has(title.key)) newTitles.set(title.key, title)
    return title.key
  }

  /** The content key of the row's title, or a planned new title's key. */
  const resolveTitle = (
    row: AvailRow,
    workType: WorkType,
    query: TitleQuery,
    mayCreate: boolean,
  ): { key: string; by: MatchedTitle['by'] } => {
    const found = index.match(query)
    if (found.kind === 'one') return { key: nodeKey(found.title.ref), by: found.by }
    if (found.kind === 'several') {
      throw new RowProblem(
        null,
        undefined,
        `matches ${found.candidates.length} titles by ${found.by}`,
        found.candidates.map(describeTitle),
      )
    }
    if (!options.createMissingTitles || !mayCreate) {
      const near = index.nearMisses(query).map(describeTitle)
      result.unmatched.push({
        sheet: row.sheet,
        row: row.row,
        tried: found.tried,
        candidates: near,
      })
      throw new RowProblem(null, undefined, `matches no title (tried ${found.tried})`, near)
    }
    return { key: planNewTitle(row, workType, query), by: 'created' }
  }

  const planNewTitle = (row: AvailRow, workType: WorkType, query: TitleQuery): string => {
    const ids = query.ids.filter(Boolean)
    const eidr = ids.map(eidrOf).find((id): id is string => id !== null && eidrPattern.test(id))
    if (workType === 'Movie' || workType === 'Series') {
      const collection = workType === 'Movie' ? 'films' : 'series'
      const name =
        (workType === 'Movie' ? query.title[0] : (query.seriesTitle[0] ?? query.title[0])) ?? ''
      if (!name)
        throw new RowProblem('TitleInternalAlias', undefined, 'a title to create needs a name')
      return planTitle({
        key: `new:${collection}:${ids[0] ?? name.toLowerCase()}`,
        collection,
        title: name,
        releaseYear: query.releaseYear,
        eidr,
        availsIds: [...new Set(ids)],
      })
    }
    const seriesName = query.seriesTitle[0]
    if (!seriesName || query.seasonNumber === undefined) {
      throw new RowProblem(
        'SeriesTitleInternalAlias',
        undefined,
        'a season or episode to create needs its series title and season number',
      )
    }
    const seriesQuery: TitleQuery = {
      collection: 'series',
      ids: textsIn(row, 'SeriesContentID', 'SeriesID'),
      title: [],
      seriesTitle: query.seriesTitle,
    }
    const series = index.match(seriesQuery)
    const seriesKey =
      series.kind === 'one'
        ? nodeKey(series.title.ref)
        : planTitle({
            key: `new:series:${seriesQuery.ids[0] ?? seriesName.toLowerCase()}`,
            collection: 'series',
            title: seriesName,
            availsIds: seriesQuery.ids,
          })
    const seasonQuery: TitleQuery = {
      collection: 'seasons',
      ids: textsIn(row, 'SeasonContentID', 'SeasonID'),
      title: [],
      seriesTitle: query.seriesTitle,
      seasonNumber: query.seasonNumber,
    }
    const season = index.match(seasonQuery)
    const seasonKey =
      season.kind === 'one'
        ? nodeKey(season.title.ref)
        : planTitle({
            key: `new:seasons:${seriesKey}:${query.seasonNumber}`,
            collection: 'seasons',
            title: `Season ${query.seasonNumber}`,
            seasonNumber: query.seasonNumber,
            availsIds: workType === 'Season' ? ids : seasonQuery.ids,
            parentKey: seriesKey,
          })
    if (workType === 'Season') return seasonKey
    if (query.episodeNumber === undefined)
      throw new RowProblem('EpisodeNumber', undefined, 'an episode to create needs its number')
    return planTitle({
      key: `new:episodes:${seasonKey}:${query.episodeNumber}`,
      collection: 'episodes',
      title: query.title[0] ?? `Episode ${query.episodeNumber}`,
      episodeNumber: query.episodeNumber,
      availsIds: ids,
      parentKey: seasonKey,
    })
  }

  const contentOf = (row: AvailRow, workType: WorkType, mayCreate: boolean): string[] => {
    if (workType === 'Collection') {
      const cell = firstCell(row, 'BundleALIDs')
      const alids = cell
        ? textOf(cell.value)
            .split(/[;,]/)
            .map((id) => id.trim())
            .filter(Boolean)
        : []
      if (alids.length === 0)
        throw new RowProblem(
          'BundleALIDs',
          cell,
          'a Collection names the ALIDs it bundles (BundleALIDs)',
        )
      return alids.map((alid) => {
        const found = index.match({ collection: 'films', ids: [alid], title: [], seriesTitle: [] })
        if (found.kind === 'one') return nodeKey(found.title.ref)
        const planned = [...newTitles.values()].find(
          (title) => title.collection === 'films' && title.availsIds.includes(alid),
        )
        if (found.kind === 'none' && planned) return planned.key
        throw new RowProblem(
          'BundleALIDs',
          cell,
          found.kind === 'none'
            ? `bundled ALID ${alid} matches no film`
            : `bundled ALID ${alid} matches several films`,
          found.kind === 'several' ? found.candidates.map(describeTitle) : [],
        )
      })
    }
    const { collection } = workTypeTable[workType.toUpperCase()]
    const releaseYear = numberIn(row, 'ReleaseYear')
    const query: TitleQuery = {
      collection,
      ids: textsIn(row, ...idFieldsOf[workType]),
      title: textsIn(row, 'TitleInternalAlias', 'TitleDisplayUnlimited'),
      releaseYear,
      seriesTitle: textsIn(row, 'SeriesTitleInternalAlias', 'SeriesTitleDisplayUnlimited'),
      seasonNumber: numberIn(row, 'SeasonNumber'),
      episodeNumber: numberIn(row, 'EpisodeNumber'),
    }
    const { key, by } = resolveTitle(row, workType, query, mayCreate)
    result.matched.push({ sheet: row.sheet, row: row.row, contentKey: key, by })
    return [key]
  }

  const mapRow = (row: AvailRow) => {
    const entryCell = required(row, 'EntryType')
    const entryType = entryTypeOf(textOf(entryCell.value))
    if (!entryType) {
      throw new RowProblem(
        'EntryType',
        entryCell,
        `unknown EntryType ${textOf(entryCell.value)} (Create, Update, Delete, Full Extract, Full Delete)`,
      )
    }
    const availId = textIn(row, 'AvailID') || null
    if (entryType === 'Delete' && availId) {
      result.removals.push({ kind: 'availId', availId, sheet: row.sheet, row: row.row })
      return
    }
    const workCell = required(row, 'WorkType')
    const work = workTypeTable[textOf(workCell.value).trim().toUpperCase()]
    if (!work) {
      throw new RowProblem(
        'WorkType',
        workCell,
        `unknown WorkType ${textOf(workCell.value)} (Movie, Episode, Season, Series, Collection)`,
      )
    }
    const licensor = textIn(row, 'DisplayName')
    const typeCell = required(row, 'LicenseType')
    const typeEntry = licenseTypeTable[textOf(typeCell.value).trim().toUpperCase()]
    if (!typeEntry) {
      throw new RowProblem(
        'LicenseType',
        typeCell,
        `unknown LicenseType ${textOf(typeCell.value)} (see the mapping table in the README)`,
      )
    }
    if ('refused' in typeEntry) throw new RowProblem('LicenseType', typeCell, typeEntry.refused)
    const licenceType = typeEntry.type

    const included = territoryCodes(row, 'Territory', regions)
    if (included.length === 0) throw new RowProblem('Territory', undefined, 'Territory is required')
    const excluded = territoryCodes(row, 'TerritoryExcluded', regions)
    let countries: string[]
    try {
      countries = expandTerritories(included, excluded, regionList)
    } catch (error) {
      if (error instanceof AvailabilityInputError)
        throw new RowProblem('TerritoryExcluded', firstCell(row, 'TerritoryExcluded'), error.reason)
      throw error
    }
    // Deleting never creates a title to delete from.
    const contentKeys = contentOf(
      row,
      work.workType,
      entryType !== 'Full Delete' && entryType !== 'Delete',
    )
    const scopes = contentKeys.flatMap((key) =>
      countries.map((country) => scopeKey(licensor, key, country, licenceType)),
    )
    if (entryType === 'Full Delete') {
      result.fullDeleteScopes.push(...scopes)
      return
    }
    rowScopes = scopes

    const formatCell = required(row, 'FormatProfile')
    const formatProfile = textOf(formatCell.value).trim().toUpperCase()
    const format = formatProfileTable[formatProfile]
    if (!format)
      throw new RowProblem(
        'FormatProfile',
        formatCell,
        `unknown FormatProfile ${textOf(formatCell.value)} (SD, HD, UHD, 3D variants)`,
      )
    const hdrCell = firstCell(row, 'HDR')
    const hdr = hdrCell ? textOf(hdrCell.value).trim() : ''
    if (hdr && !hdrValues.includes(hdr.toUpperCase().replace(/\s+/g, ''))) {
      throw new RowProblem(
        'HDR',
        hdrCell,
        `unknown HDR value ${hdr} (HDR10, HDR10+, DolbyVision, HLG)`,
      )
    }

    const startCell = firstCell(row, 'Start', 'StartCondition')
    const endCell = firstCell(row, 'End', 'EndCondition')
    if (!startCell)
      throw new RowProblem('Start', undefined, 'Start (or StartCondition) is required')
    if (!endCell)
      throw new RowProblem(
        'End',
        undefined,
        'End (or EndCondition) is required: use Open for open-ended',
      )
    const start = readWhen(startCell)
    if ('error' in start) throw new RowProblem('Start', startCell, start.error)
    const end = readWhen(endCell)
    if ('error' in end) throw new RowProblem('End', endCell, end.error)

    const exclusiveCell = firstCell(row, 'Exclusive')
    let exclusive = false
    if (exclusiveCell) {
      const value = exclusiveCell.value
      const parsed = value.kind === 'boolean' ? value.value : yesNo(textOf(value))
      if (parsed === undefined)
        throw new RowProblem('Exclusive', exclusiveCell, `${textOf(value)} is not Yes or No`)
      exclusive = parsed
    }
    const contractId = textIn(row, 'ContractID') || null
    const alid = textIn(row, 'ALID') || null
    const announceCell = firstCell(row, 'AnnounceDate')

    const planned: LicenceDraft[] = []
    for (const country of countries) {
      const zone = regions.get(country)?.timeZone
      if (!zone)
        throw new RowProblem(
          'Territory',
          firstCell(row, 'Territory'),
          `${country} has no reference time zone`,
        )
      const startAt = resolveWhen(start, 'start', zone, options.zoneConvention, options.now)
      if ('error' in startAt) throw new RowProblem('Start', startCell, startAt.error)
      const endAt = resolveWhen(end, 'end', zone, options.zoneConvention, options.now)
      if ('error' in endAt) throw new RowProblem('End', endCell, endAt.error)
      if (startAt.value === null) throw new RowProblem('Start', startCell, 'a start is required')
      let windows: TerritoryWindow[]
      try {
        windows = resolveTerritoryWindows(
          { start: startAt.value, end: endAt.value },
          [country],
          regionList,
        )
      } catch (error) {
        if (error instanceof AvailabilityInputError) {
          throw new RowProblem(
            error.field === 'end' ? 'End' : 'Start',
            error.field === 'end' ? endCell : startCell,
            error.reason,
          )
        }
        throw error
      }
      const announceAt = announceCell
        ? announceInstant(announceCell, zone, options.zoneConvention, options.now)
        : null
      const availsKey = hash([
        alid,
        licensor.toLowerCase(),
        [...contentKeys].sort(),
        licenceType,
        country,
        start,
        end,
        exclusive,
        contractId,
        announceAt,
      ])
      planned.push({
        availsKey,
        contentKeys,
        licensor,
        contractId,
        licenceType,
        formats: [format],
        territory: country,
        start: startAt.value,
        end: endAt.value,
        announceAt,
        exclusive,
        availIds: availId ? [availId] : [],
        windows,
        source: {
          alid,
          entryType,
          workType: work.workType,
          zoneConvention: describeConvention(options.zoneConvention),
          start: {
            raw: startCell.raw,
            rule: startAt.rule,
            ...(startAt.zone ? { zone: startAt.zone } : {}),
          },
          end: { raw: endCell.raw, rule: endAt.rule, ...(endAt.zone ? { zone: endAt.zone } : {}) },
          announce: announceCell ? { raw: announceCell.raw } : null,
          rows: [
            {
              sheet: row.sheet,
              row: row.row,
              availId,
              format,
              formatProfile,
              hdr: hdr || null,
              raw: row.raw,
            },
          ],
        },
      })
    }
    if (entryType === 'Delete') {
      for (const draft of planned) {
        result.removals.push({
          kind: 'terms',
          availsKey: draft.availsKey,
          format,
          sheet: row.sheet,
          row: row.row,
        })
      }
      return
    }
    if (entryType === 'Full Extract') result.fullExtractScopes.push(...scopes)
    for (const draft of planned) {
      const known = drafts.get(draft.availsKey)
      if (!known) {
        drafts.set(draft.availsKey, draft)
        continue
      }
      if (!known.formats.includes(format)) known.formats.push(format)
      if (availId && !known.availIds.includes(availId)) known.availIds.push(availId)
      known.source.rows.push(...draft.source.rows)
    }
  }

  let rowScopes: string[] = []
  for (const row of rows) {
    rowScopes = []
    try {
      mapRow(row)
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error
      result.protectedScopes.push(...rowScopes)
      result.errors.push({
        sheet: row.sheet,
        row: row.row,
        column: error.cell?.column ?? null,
        field: error.field,
        reason: error.reason,
        ...(error.candidates ? { candidates: error.candidates } : {}),
      })
    }
  }
  const formatOrder: VideoFormat[] = ['sd', 'hd', 'uhd']
  result.drafts = [...drafts.values()].map((draft) => ({
    ...draft,
    formats: formatOrder.filter((format) => draft.formats.includes(format)),
    availIds: [...draft.availIds].sort(),
  }))
  result.newTitles = [...newTitles.values()]
  return result
}
