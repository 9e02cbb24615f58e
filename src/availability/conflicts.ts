import { formatInstant, parseInstantMs, toEndMs, toEpochMs } from './instant'
import { findOverlaps, type LicenceOverlap, scopedWindows } from './overlaps'
import type { TitleTree } from './tree'
import type { ContentRef, Licence, LicenceKind, LicenceType, TimeWindow } from './types'

export interface ExclusiveConflict {
  licenceIds: [string, string]
  territory: string
  licenceType: LicenceType
  /** Narrowest titles both grants cover (a series and its episode meet at the episode). */
  nodes: ContentRef[]
  overlap: TimeWindow
}

export interface SoftHoldbackWarning {
  holdbackId: string
  grantId: string
  territory: string
  licenceType: LicenceType
  nodes: ContentRef[]
  overlap: TimeWindow
}

const byTermThenIds =
  <T extends { overlap: TimeWindow; territory: string }>(ids: (item: T) => string) =>
  (a: T, b: T): number =>
    ids(a).localeCompare(ids(b)) ||
    a.territory.localeCompare(b.territory) ||
    a.overlap.start.localeCompare(b.overlap.start)

const isExclusiveGrant = (licence: Licence): boolean =>
  licence.kind === 'grant' && licence.exclusive

/**
 * Exclusive grants that collide: same or nested scope, same territory and licence type,
 * overlapping windows. Saving is still allowed; these are recorded and shown to staff.
 */
export const findExclusiveConflicts = (
  licences: readonly Licence[],
  tree: TitleTree,
): ExclusiveConflict[] =>
  findOverlaps(scopedWindows(licences.filter(isExclusiveGrant)), tree, (a, b) =>
    a.id < b.id ? [a, b] : [b, a],
  )
    .map((found: LicenceOverlap): ExclusiveConflict => ({
      licenceIds: [found.first.id, found.second.id],
      territory: found.territory,
      licenceType: found.licenceType,
      nodes: found.nodes,
      overlap: found.overlap,
    }))
    .sort(byTermThenIds((conflict) => conflict.licenceIds.join('|')))

const isSoftHoldback = (licence: Licence): boolean =>
  licence.kind === 'holdback' && licence.holdbackStrength === 'soft'

/** Soft holdbacks whose scope, territory, licence type and time meet a grant's. */
export const findSoftHoldbackWarnings = (
  licences: readonly Licence[],
  tree: TitleTree,
): SoftHoldbackWarning[] => {
  const relevant = licences.filter((licence) => licence.kind === 'grant' || isSoftHoldback(licence))
  return findOverlaps(scopedWindows(relevant), tree, (a, b) => {
    if (isSoftHoldback(a) && b.kind === 'grant') return [a, b]
    if (isSoftHoldback(b) && a.kind === 'grant') return [b, a]
    return undefined
  })
    .map((found): SoftHoldbackWarning => ({
      holdbackId: found.first.id,
      grantId: found.second.id,
      territory: found.territory,
      licenceType: found.licenceType,
      nodes: found.nodes,
      overlap: found.overlap,
    }))
    .sort(byTermThenIds((warning) => `${warning.holdbackId}|${warning.grantId}`))
}

export interface ExpiringWindow {
  licenceId: string
  kind: LicenceKind
  licenceType: LicenceType
  content: ContentRef[]
  territory: string
  start: string
  end: string
}

const dayMs = 86_400_000

/** Windows ending after `now` and no later than `withinDays` days from it, soonest first. */
export const expiringSoon = (
  licences: readonly Licence[],
  { now, withinDays = 30 }: { now: Date | number | string; withinDays?: number },
): ExpiringWindow[] => {
  const from = toEpochMs(now, 'now')
  const until = from + withinDays * dayMs
  return licences
    .flatMap((licence) =>
      licence.windows.map((window) => ({ licence, window, endMs: toEndMs(window.end) })),
    )
    .filter(({ endMs }) => endMs > from && endMs <= until)
    .sort(
      (a, b) =>
        a.endMs - b.endMs ||
        a.licence.id.localeCompare(b.licence.id) ||
        a.window.territory.localeCompare(b.window.territory),
    )
    .map(({ licence, window, endMs }) => ({
      licenceId: licence.id,
      kind: licence.kind,
      licenceType: licence.licenceType,
      content: licence.content,
      territory: window.territory,
      start: formatInstant(parseInstantMs(window.start, 'start')),
      end: formatInstant(endMs),
    }))
}
