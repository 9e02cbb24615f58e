import type { Payload, PayloadRequest } from 'payload'

import { AvailabilityInputError, resolveTerritoryWindows } from '../availability'
import type { Licence } from '../payload-types'
import { storedWindowOf } from './licenceRecords'

/** The IANA time-zone database this process resolves local days with (e.g. `2025b`). */
export const timeZoneRulesVersion = (): string => process.versions.tz ?? 'unknown'

type StoredWindow = NonNullable<Licence['resolvedWindows']>[number]

const isDateOnly = (window: StoredWindow) =>
  window.startRule === 'local-day-start' || window.endRule === 'local-day-end'

export type WindowShift = {
  territory: string
  timeZone: string
  /** How far each bound moved, in seconds (new minus old); 0 when it did not. */
  startSeconds: number
  endSeconds: number
}

const shiftSeconds = (before: string | null | undefined, after: string | null | undefined) =>
  before && after ? Math.round((Date.parse(after) - Date.parse(before)) / 1000) : 0

/**
 * The licence's windows resolved again under the rules in force, each in the zone it was
 * signed with (a later change of a region's reference zone does not move signed licences).
 * Absolute bounds resolve to the same instant; only local days can move.
 */
export const reresolveWindows = (
  licence: Pick<Licence, 'start' | 'end' | 'resolvedWindows'>,
): { windows: StoredWindow[]; shifts: WindowShift[] } => {
  const stored = licence.resolvedWindows ?? []
  const windows = stored.map((window): StoredWindow => {
    if (!isDateOnly(window) || !window.timeZone) return window
    const [resolved] = resolveTerritoryWindows(
      { start: licence.start, end: licence.end },
      [window.territory],
      [{ code: window.territory, kind: 'country', timeZone: window.timeZone }],
    )
    return { ...window, ...storedWindowOf(resolved) }
  })
  const shifts = windows.flatMap((window, position): WindowShift[] => {
    const before = stored[position]
    const startSeconds = shiftSeconds(before.start, window.start)
    const endSeconds = shiftSeconds(before.end, window.end)
    return startSeconds === 0 && endSeconds === 0
      ? []
      : [{ territory: window.territory, timeZone: window.timeZone ?? '', startSeconds, endSeconds }]
  })
  return { windows, shifts }
}

export type TimeZoneRulesReport = {
  tzVersion: string
  checked: number
  moved: { licence: string; contractId: string | null; shifts: WindowShift[] }[]
}

export type TimeZoneRulesOptions = {
  tzVersion?: string
  /** Licences read per query. */
  batchSize?: number
  log?: (entry: { licence: string; contractId: string | null; shifts: WindowShift[] }) => void
  req?: Partial<PayloadRequest>
}

/**
 * Licences resolved under another tz database version get their date-only windows resolved
 * again. Those that moved are saved (their rows and conflicts follow through the licence
 * hooks); the others only get the new version recorded, with no hooks run.
 */
export const reresolveForTimeZoneRules = async (
  payload: Payload,
  { tzVersion = timeZoneRulesVersion(), batchSize = 500, log, req }: TimeZoneRulesOptions = {},
): Promise<TimeZoneRulesReport> => {
  const report: TimeZoneRulesReport = { tzVersion, checked: 0, moved: [] }
  const seen = new Set<string>()
  for (;;) {
    const { docs } = await payload.find({
      collection: 'licences',
      where: {
        or: [{ tzVersion: { not_equals: tzVersion } }, { tzVersion: { exists: false } }],
      },
      sort: 'id',
      limit: batchSize,
      depth: 0,
      overrideAccess: true,
      select: { start: true, end: true, resolvedWindows: true, contractId: true },
      req,
    })
    // Every licence read gets the version recorded; one read twice means the write did not hold.
    if (docs.length === 0 || docs.every((doc) => seen.has(String(doc.id)))) return report
    docs.forEach((doc) => seen.add(String(doc.id)))
    const unchanged: (string | number)[] = []
    for (const doc of docs) {
      report.checked += 1
      let result: ReturnType<typeof reresolveWindows>
      try {
        result = reresolveWindows(doc)
      } catch (error) {
        if (!(error instanceof AvailabilityInputError)) throw error
        // Terms that no longer resolve are left as signed for staff to look at.
        unchanged.push(doc.id)
        continue
      }
      if (result.shifts.length === 0) {
        unchanged.push(doc.id)
        continue
      }
      await payload.update({
        collection: 'licences',
        id: doc.id,
        data: { resolvedWindows: result.windows, tzVersion },
        depth: 0,
        overrideAccess: true,
        req,
      })
      const entry = {
        licence: String(doc.id),
        contractId: doc.contractId ?? null,
        shifts: result.shifts,
      }
      report.moved.push(entry)
      log?.(entry)
    }
    if (unchanged.length > 0) {
      await payload.db.updateMany({
        collection: 'licences',
        where: { id: { in: unchanged } },
        data: { tzVersion },
        req,
      })
    }
  }
}
