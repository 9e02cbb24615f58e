import type { PayloadRequest } from 'payload'

import {
  type ContentCollection,
  type RecordedOverlap,
  type ReportAuditRun,
  type ReportLicence,
  type ReportTitleRef,
  rightsReports,
  type RightsReports,
} from '../availability'
import type { Licence } from '../payload-types'
import type { AuditExample } from './audit'
import { lastAuditRun } from './auditRuns'
import { idOf } from './ids'
import { launchTerritories } from './launchTerritories'
import { loadRegions } from './regions'

export type RightsReportOptions = {
  now?: Date
  /** Ending soon: windows ending within this many days (default 30). */
  days?: number
  launchTerritories?: readonly string[]
}

type LicenceFields = Pick<
  Licence,
  | 'id'
  | 'contractId'
  | 'licenceType'
  | 'kind'
  | 'holdbackStrength'
  | 'contentKeys'
  | 'resolvedWindows'
  | 'conflicts'
  | 'warnings'
  | 'groupSnapshot'
>

type TitleFields = {
  id: string | number
  title?: string | null
  seasonNumber?: number | null
  series?: unknown
  season?: unknown
}

/** `days` for the ending-soon report: a whole number from 1 to 3650 (default 30). */
export const parseReportDays = (text: string | null): number | null => {
  const days = Number(text ?? '30')
  return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : null
}

/** `id in [...]` has a bound on every SQL backend; ask in slices well below it. */
const sliceSize = 500

const slices = <T>(items: readonly T[]): T[][] => {
  const result: T[][] = []
  for (let index = 0; index < items.length; index += sliceSize) {
    result.push(items.slice(index, index + sliceSize))
  }
  return result
}

const overlapsOf = (entries: Licence['conflicts']): RecordedOverlap[] =>
  (entries ?? []).map((entry) => ({
    otherLicence: idOf(entry.otherLicence) ?? null,
    territory: entry.territory ?? '',
    licenceType: entry.licenceType ?? '',
    titles: entry.titles ?? '',
    overlapStart: entry.overlapStart ?? '',
    overlapEnd: entry.overlapEnd ?? null,
  }))

const snapshotOf = (value: unknown): Record<string, string[]> | null => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const snapshot: Record<string, string[]> = {}
  for (const [group, members] of Object.entries(value)) {
    if (Array.isArray(members)) snapshot[group] = members.map(String)
  }
  return snapshot
}

const reportLicenceOf = (doc: LicenceFields): ReportLicence => ({
  id: String(doc.id),
  contractId: doc.contractId ?? null,
  licenceType: doc.licenceType,
  kind: doc.kind,
  holdbackStrength: doc.holdbackStrength ?? null,
  contentKeys: doc.contentKeys ?? [],
  windows: (doc.resolvedWindows ?? []).map((window) => ({
    territory: window.territory,
    start: window.start,
    end: window.end ?? null,
    timeZone: window.timeZone ?? null,
  })),
  conflicts: overlapsOf(doc.conflicts),
  warnings: overlapsOf(doc.warnings),
  groupSnapshot: snapshotOf(doc.groupSnapshot),
})

const auditRunOf = async (req: PayloadRequest): Promise<ReportAuditRun | null> => {
  const run = await lastAuditRun(req.payload, undefined, req)
  if (!run) return null
  const examples = (Array.isArray(run.examples) ? run.examples : []) as AuditExample[]
  return {
    startedAt: run.startedAt,
    finishedAt: run.finishedAt ?? null,
    trigger: run.trigger,
    repair: Boolean(run.repair),
    checked: run.checked ?? 0,
    differing: run.differing ?? 0,
    repaired: run.repaired ?? 0,
    rowsMissing: run.rowsMissing ?? 0,
    rowsExtra: run.rowsExtra ?? 0,
    rowsDifferent: run.rowsDifferent ?? 0,
    error: run.error ?? null,
    examples: examples.map(({ contentKey, title, missing, extra, different }) => ({
      contentKey,
      title,
      missing,
      extra,
      different,
    })),
  }
}

/**
 * Reads titles by id (names in the request's locale, falling back to English), the fields
 * that name a season and lead from episodes and seasons up to their series.
 */
const readTitles = async (
  req: PayloadRequest,
  collection: ContentCollection,
  ids: readonly string[],
): Promise<TitleFields[]> => {
  const found: TitleFields[] = []
  for (const slice of slices([...new Set(ids)])) {
    const { docs } = await req.payload.find({
      collection,
      where: { id: { in: slice } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      locale: req.locale ?? undefined,
      select: { title: true, seasonNumber: true, series: true, season: true },
      req,
    })
    found.push(...(docs as TitleFields[]))
  }
  return found
}

const titleRefOf = (collection: ContentCollection, doc: TitleFields): ReportTitleRef => {
  const id = String(doc.id)
  const name =
    doc.title ??
    (doc.seasonNumber !== undefined && doc.seasonNumber !== null ? `S${doc.seasonNumber}` : null)
  return { key: `${collection}/${id}`, collection, id, name: name ?? `${collection}/${id}` }
}

/**
 * Every rights report: the licences, regions, titles (by name) and the last audit loaded, then
 * joined into rows by the pure `rightsReports` (src/availability/rightsReports.ts).
 */
export const loadRightsReports = async (
  req: PayloadRequest,
  options: RightsReportOptions = {},
): Promise<RightsReports> => {
  const { payload } = req
  const now = options.now ?? new Date()
  // Through the adapter: the `groupDrift` afterRead hook would load the regions per licence.
  const { docs } = await payload.db.find<LicenceFields>({
    collection: 'licences',
    limit: 0,
    pagination: false,
    select: {
      contractId: true,
      licenceType: true,
      kind: true,
      holdbackStrength: true,
      contentKeys: true,
      resolvedWindows: true,
      conflicts: true,
      warnings: true,
      groupSnapshot: true,
    },
    req,
  })
  const licences = docs.map(reportLicenceOf)
  const [regions, audit] = await Promise.all([loadRegions(payload, req), auditRunOf(req)])

  const keys = new Set<string>()
  for (const licence of licences) {
    licence.contentKeys.forEach((key) => keys.add(key))
    for (const entry of [...licence.conflicts, ...licence.warnings]) {
      entry.titles.split(',').forEach((key) => key.trim() && keys.add(key.trim()))
    }
  }
  audit?.examples.forEach((example) => keys.add(example.contentKey))
  const idsIn = (collection: ContentCollection) =>
    [...keys].filter((key) => key.startsWith(`${collection}/`)).map((key) => key.split('/')[1])

  const titles = new Map<string, ReportTitleRef>()
  const topLevelOf = new Map<string, string>()
  const publishedTitles: ReportTitleRef[] = []
  for (const collection of ['films', 'series'] as const) {
    const { docs: published } = await payload.find({
      collection,
      where: { _status: { equals: 'published' } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      locale: req.locale ?? undefined,
      select: { title: true },
      req,
    })
    for (const doc of published) {
      const ref = titleRefOf(collection, doc)
      titles.set(ref.key, ref)
      publishedTitles.push(ref)
    }
    const others = idsIn(collection).filter((id) => !titles.has(`${collection}/${id}`))
    for (const doc of await readTitles(req, collection, others)) {
      const ref = titleRefOf(collection, doc)
      titles.set(ref.key, ref)
    }
  }
  const episodes = await readTitles(req, 'episodes', idsIn('episodes'))
  const seasonOfEpisode = new Map(episodes.map((doc) => [String(doc.id), idOf(doc.season)]))
  const seasonIds = [
    ...idsIn('seasons'),
    ...[...seasonOfEpisode.values()].filter((id): id is string => Boolean(id)),
  ]
  const seasons = await readTitles(req, 'seasons', seasonIds)
  const seriesOfSeason = new Map(seasons.map((doc) => [String(doc.id), idOf(doc.series)]))
  for (const doc of seasons) {
    const ref = titleRefOf('seasons', doc)
    titles.set(ref.key, ref)
    const series = seriesOfSeason.get(ref.id)
    if (series) topLevelOf.set(ref.key, `series/${series}`)
  }
  for (const doc of episodes) {
    const ref = titleRefOf('episodes', doc)
    titles.set(ref.key, ref)
    const series = seriesOfSeason.get(seasonOfEpisode.get(ref.id) ?? '')
    if (series) topLevelOf.set(ref.key, `series/${series}`)
  }

  return rightsReports({
    now,
    days: options.days ?? 30,
    licences,
    titles,
    regions,
    launchTerritories: options.launchTerritories ?? launchTerritories(),
    publishedTitles,
    topLevelOf,
    audit,
  })
}
