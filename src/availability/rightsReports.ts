import { DateTime } from 'luxon'

import { AvailabilityInputError } from './errors'
import { expandTerritories, membershipDrift } from './groups'
import {
  type Report,
  type ReportCell,
  type ReportInstant,
  type ReportKind,
  type ReportLicenceRef,
  type ReportRow,
  type ReportTitleRef,
  sortReportRows,
} from './reportTable'
import type { Region } from './types'

/** A conflict or soft-holdback warning as a licence records it (`conflicts`, `warnings`). */
export type RecordedOverlap = {
  otherLicence: string | null
  territory: string
  licenceType: string
  /** Content keys, comma-separated (`films/12, series/3`). */
  titles: string
  overlapStart: string
  overlapEnd: string | null
}

/** What the reports read of a licence. */
export type ReportLicence = {
  id: string
  contractId: string | null
  licenceType: string
  kind: 'grant' | 'holdback'
  holdbackStrength: 'hard' | 'soft' | null
  contentKeys: string[]
  /** Half-open UTC windows, one per country (`end` null: open-ended). */
  windows: { territory: string; start: string; end: string | null; timeZone: string | null }[]
  conflicts: RecordedOverlap[]
  warnings: RecordedOverlap[]
  /** Members of each group when the licence was saved. */
  groupSnapshot: Record<string, string[]> | null
}

export type ReportAuditRun = {
  startedAt: string
  finishedAt: string | null
  trigger: string
  repair: boolean
  checked: number
  differing: number
  repaired: number
  rowsMissing: number
  rowsExtra: number
  rowsDifferent: number
  error: string | null
  examples: {
    contentKey: string
    title: string | null
    missing: number
    extra: number
    different: number
  }[]
}

export type ReportInputs = {
  now: Date | number | string
  /** Ending soon: windows ending within this many days. */
  days: number
  licences: readonly ReportLicence[]
  /** Titles by content key, with their names (any the licences or the audit name). */
  titles: ReadonlyMap<string, ReportTitleRef>
  regions: readonly Region[]
  launchTerritories: readonly string[]
  /** Published films and series: the titles a launch territory must have a licence for. */
  publishedTitles: readonly ReportTitleRef[]
  /**
   * The film or series a content key belongs to (an episode's series): a licence on any title
   * of a series counts as a licence for the series. Keys not in it stand for themselves.
   */
  topLevelOf: ReadonlyMap<string, string>
  audit: ReportAuditRun | null
}

export type AuditSummary = Omit<ReportAuditRun, 'examples'>

export type RightsReports = {
  generatedAt: string
  days: number
  launchTerritories: string[]
  reports: Record<ReportKind, Report>
  audit: AuditSummary | null
}

const localDay = (instantMs: number, timeZone: string | null): string => {
  const local = DateTime.fromMillis(instantMs, { zone: timeZone ?? 'utc' })
  return (local.isValid ? local : DateTime.fromMillis(instantMs, { zone: 'utc' })).toISODate() ?? ''
}

/**
 * An instant with the territory's calendar day beside it. An end is exclusive, so its day is
 * the last one included (an end of 2026-07-01T00:00 in the zone is the day 2026-06-30), as
 * staff type licence ends.
 */
export const reportInstant = (
  utc: string | null,
  territory: string | null,
  timeZone: string | null,
  edge: 'start' | 'end' = 'start',
): ReportInstant => {
  if (utc === null) return { utc: null, territory, timeZone, localDate: null }
  const ms = Date.parse(utc)
  return {
    utc: new Date(ms).toISOString(),
    territory,
    timeZone,
    localDate: localDay(edge === 'end' ? ms - 1 : ms, timeZone),
  }
}

const text = (value: string | null): ReportCell => ({ type: 'text', value })
const number = (value: number): ReportCell => ({ type: 'number', value })
const codes = (value: string[]): ReportCell => ({ type: 'codes', value })
const instant = (value: ReportInstant): ReportCell => ({ type: 'instant', value })
const titlesCell = (value: ReportTitleRef[]): ReportCell => ({ type: 'titles', value })
const licenceCell = (value: ReportLicenceRef | null): ReportCell => ({ type: 'licence', value })

const epochMs = (value: Date | number | string) =>
  value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value)

type Context = {
  titleOf: (key: string) => ReportTitleRef
  licenceRefOf: (id: string | null) => ReportLicenceRef | null
  kindOf: (id: string | null) => ReportLicence['kind'] | null
  timeZoneOf: (territory: string) => string | null
}

const contextOf = (inputs: ReportInputs): Context => {
  const licences = new Map(inputs.licences.map((licence) => [licence.id, licence]))
  const zones = new Map(inputs.regions.map((region) => [region.code, region.timeZone ?? null]))
  return {
    titleOf: (key) => {
      const known = inputs.titles.get(key)
      if (known) return known
      const [collection = '', id = ''] = key.split('/')
      return { key, collection, id, name: key, missing: true }
    },
    licenceRefOf: (id) => {
      if (id === null) return null
      return { id, contractId: licences.get(id)?.contractId ?? null }
    },
    kindOf: (id) => (id === null ? null : (licences.get(id)?.kind ?? null)),
    timeZoneOf: (territory) => zones.get(territory) ?? null,
  }
}

const byName = (a: ReportTitleRef, b: ReportTitleRef) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.key.localeCompare(b.key)

const titlesOf = (context: Context, keys: readonly string[]) =>
  [...new Set(keys)].map(context.titleOf).sort(byName)

const splitKeys = (titles: string) =>
  titles
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)

/**
 * A report of recorded overlaps, each once: both licences of a pair record it, so the pair (in
 * either order), territory, licence type and overlap identify it.
 */
const overlapReport = (
  kind: 'conflicts' | 'warnings',
  inputs: ReportInputs,
  context: Context,
  entriesOf: (licence: ReportLicence) => RecordedOverlap[],
  columns: { first: string; second: string },
  firstOf: (licence: ReportLicence, entry: RecordedOverlap) => [string, string | null],
): Report => {
  const seen = new Set<string>()
  const rows: ReportRow[] = []
  for (const licence of inputs.licences) {
    for (const entry of entriesOf(licence)) {
      const [first, second] = firstOf(licence, entry)
      const pair = [licence.id, entry.otherLicence ?? ''].sort()
      const key = [...pair, entry.territory, entry.licenceType, entry.overlapStart].join('|')
      if (seen.has(key)) continue
      seen.add(key)
      const zone = context.timeZoneOf(entry.territory)
      rows.push({
        key,
        cells: {
          titles: titlesCell(titlesOf(context, splitKeys(entry.titles))),
          territory: text(entry.territory),
          licenceType: text(entry.licenceType.toUpperCase()),
          [columns.first]: licenceCell(context.licenceRefOf(first)),
          [columns.second]: licenceCell(context.licenceRefOf(second)),
          overlapStart: instant(reportInstant(entry.overlapStart, entry.territory, zone)),
          overlapEnd: instant(reportInstant(entry.overlapEnd, entry.territory, zone, 'end')),
        },
      })
    }
  }
  return {
    kind,
    columns: [
      { key: 'titles', type: 'titles' },
      { key: 'territory', type: 'text' },
      { key: 'licenceType', type: 'text' },
      { key: columns.first, type: 'licence' },
      { key: columns.second, type: 'licence' },
      { key: 'overlapStart', type: 'instant' },
      { key: 'overlapEnd', type: 'instant' },
    ],
    rows: sortReportRows(rows, 'overlapStart'),
    sortedBy: 'overlapStart',
  }
}

const conflictsReport = (inputs: ReportInputs, context: Context): Report =>
  overlapReport(
    'conflicts',
    inputs,
    context,
    (licence) => licence.conflicts,
    { first: 'licence', second: 'otherLicence' },
    // The lower id first, so a pair reads the same whichever licence recorded it.
    (licence, entry) => {
      const other = entry.otherLicence ?? ''
      return licence.id.localeCompare(other, 'en', { numeric: true }) <= 0
        ? [licence.id, other]
        : [other, licence.id]
    },
  )

const warningsReport = (inputs: ReportInputs, context: Context): Report =>
  overlapReport(
    'warnings',
    inputs,
    context,
    (licence) => licence.warnings,
    { first: 'holdback', second: 'grant' },
    (licence, entry) =>
      licence.kind === 'holdback' || context.kindOf(entry.otherLicence) === 'grant'
        ? [licence.id, entry.otherLicence]
        : [entry.otherLicence ?? '', licence.id],
  )

const endingSoonReport = (inputs: ReportInputs, context: Context): Report => {
  const from = epochMs(inputs.now)
  const until = from + inputs.days * 86_400_000
  const rows: ReportRow[] = inputs.licences.flatMap((licence) =>
    licence.windows
      .filter((window) => {
        if (window.end === null) return false
        const end = Date.parse(window.end)
        return end > from && end <= until
      })
      .map((window) => {
        const zone = window.timeZone ?? context.timeZoneOf(window.territory)
        const endMs = Date.parse(window.end ?? '')
        return {
          key: `${licence.id}|${window.territory}`,
          cells: {
            end: instant(reportInstant(window.end, window.territory, zone, 'end')),
            daysLeft: number(Math.ceil((endMs - from) / 86_400_000)),
            territory: text(window.territory),
            titles: titlesCell(titlesOf(context, licence.contentKeys)),
            licence: licenceCell(context.licenceRefOf(licence.id)),
            licenceType: text(licence.licenceType.toUpperCase()),
            kind: text(licence.kind === 'holdback' ? `holdback` : 'grant'),
          },
        }
      }),
  )
  return {
    kind: 'endingSoon',
    columns: [
      { key: 'end', type: 'instant' },
      { key: 'daysLeft', type: 'number' },
      { key: 'territory', type: 'text' },
      { key: 'titles', type: 'titles' },
      { key: 'licence', type: 'licence' },
      { key: 'licenceType', type: 'text' },
      { key: 'kind', type: 'text' },
    ],
    rows: sortReportRows(rows, 'end'),
    sortedBy: 'end',
  }
}

/** How each group of a saved licence differs from what the group expands to today. */
export const groupDriftOf = (
  snapshot: Readonly<Record<string, readonly string[]>>,
  regions: readonly Region[],
): Record<string, { added: string[]; removed: string[] }> => {
  const drift: Record<string, { added: string[]; removed: string[] }> = {}
  for (const [group, saved] of Object.entries(snapshot)) {
    let current: string[] = []
    try {
      current = expandTerritories([group], [], regions)
    } catch (error) {
      if (!(error instanceof AvailabilityInputError)) throw error
    }
    const difference = membershipDrift(saved, current)
    if (difference.added.length > 0 || difference.removed.length > 0) drift[group] = difference
  }
  return drift
}

const groupDriftReport = (inputs: ReportInputs, context: Context): Report => ({
  kind: 'groupDrift',
  columns: [
    { key: 'licence', type: 'licence' },
    { key: 'titles', type: 'titles' },
    { key: 'group', type: 'text' },
    { key: 'added', type: 'codes' },
    { key: 'removed', type: 'codes' },
  ],
  rows: sortReportRows(
    inputs.licences.flatMap((licence) =>
      Object.entries(groupDriftOf(licence.groupSnapshot ?? {}, inputs.regions)).map(
        ([group, { added, removed }]) => ({
          key: `${licence.id}|${group}`,
          cells: {
            licence: licenceCell(context.licenceRefOf(licence.id)),
            titles: titlesCell(titlesOf(context, licence.contentKeys)),
            group: text(group),
            added: codes(added),
            removed: codes(removed),
          },
        }),
      ),
    ),
    'licence',
  ),
  sortedBy: 'licence',
})

/**
 * Published films and series without a grant in a launch territory that is in force now or
 * starts later (a grant on any season or episode of a series counts for the series). A title
 * whose grants there have all ended is a gap too, with the end of its last one.
 */
const gapsReport = (inputs: ReportInputs, context: Context): Report => {
  const now = epochMs(inputs.now)
  const launch = new Set(inputs.launchTerritories)
  // Per title and launch territory: covered, or the latest end of the grants that ended.
  const lastEnd = new Map<string, number | 'covered'>()
  for (const licence of inputs.licences) {
    if (licence.kind !== 'grant') continue
    const owners = new Set(licence.contentKeys.map((key) => inputs.topLevelOf.get(key) ?? key))
    for (const window of licence.windows) {
      if (!launch.has(window.territory)) continue
      const end = window.end === null ? Infinity : Date.parse(window.end)
      for (const owner of owners) {
        const key = `${owner}|${window.territory}`
        const known = lastEnd.get(key)
        if (known === 'covered') continue
        lastEnd.set(key, end > now ? 'covered' : Math.max(end, known ?? -Infinity))
      }
    }
  }
  const rows: ReportRow[] = inputs.publishedTitles.flatMap((title) =>
    inputs.launchTerritories.flatMap((territory) => {
      const state = lastEnd.get(`${title.key}|${territory}`)
      if (state === 'covered') return []
      const zone = context.timeZoneOf(territory)
      const ended = state === undefined ? null : new Date(state).toISOString()
      return [
        {
          key: `${title.key}|${territory}`,
          cells: {
            titles: titlesCell([title]),
            territory: text(territory),
            lastGrantEnd: instant(reportInstant(ended, territory, zone, 'end')),
          },
        },
      ]
    }),
  )
  return {
    kind: 'gaps',
    columns: [
      { key: 'titles', type: 'titles' },
      { key: 'territory', type: 'text' },
      { key: 'lastGrantEnd', type: 'instant' },
    ],
    rows: sortReportRows(rows, 'titles'),
    sortedBy: 'titles',
  }
}

const auditReport = (inputs: ReportInputs, context: Context): Report => ({
  kind: 'audit',
  columns: [
    { key: 'titles', type: 'titles' },
    { key: 'missing', type: 'number' },
    { key: 'extra', type: 'number' },
    { key: 'different', type: 'number' },
  ],
  rows: sortReportRows(
    (inputs.audit?.examples ?? []).map((example) => {
      const known = context.titleOf(example.contentKey)
      const title = known.missing && example.title ? { ...known, name: example.title } : known
      return {
        key: example.contentKey,
        cells: {
          titles: titlesCell([title]),
          missing: number(example.missing),
          extra: number(example.extra),
          different: number(example.different),
        },
      }
    }),
    'titles',
  ),
  sortedBy: 'titles',
})

const auditSummaryOf = (run: ReportAuditRun | null): AuditSummary | null =>
  run && {
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    trigger: run.trigger,
    repair: run.repair,
    checked: run.checked,
    differing: run.differing,
    repaired: run.repaired,
    rowsMissing: run.rowsMissing,
    rowsExtra: run.rowsExtra,
    rowsDifferent: run.rowsDifferent,
    error: run.error,
  }

/** Every rights report, its rows joined from licences, titles and regions and sorted. */
export const rightsReports = (inputs: ReportInputs): RightsReports => {
  const context = contextOf(inputs)
  return {
    generatedAt: new Date(epochMs(inputs.now)).toISOString(),
    days: inputs.days,
    launchTerritories: [...inputs.launchTerritories],
    reports: {
      conflicts: conflictsReport(inputs, context),
      warnings: warningsReport(inputs, context),
      endingSoon: endingSoonReport(inputs, context),
      groupDrift: groupDriftReport(inputs, context),
      gaps: gapsReport(inputs, context),
      audit: auditReport(inputs, context),
    },
    audit: auditSummaryOf(inputs.audit),
  }
}
