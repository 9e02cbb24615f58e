import { AvailabilityInputError } from './errors'
import { parseInstantMs, toEndMs } from './instant'
import { allFormatsMask, formatsMask, licenceTypeBit } from './masks'
import { buildPolicyTable, type TerritoryPolicy } from './policy'
import { lineage, nodeKey, type TitleTree } from './tree'
import type { ContentRef, Licence, LicenceKind, Region } from './types'

/** One licence window attached to one scope node, with everything pre-parsed. */
export interface IndexedWindow {
  readonly licenceId: string
  readonly kind: LicenceKind
  /** Hard holdbacks hide titles; soft ones only warn. False for grants. */
  readonly hard: boolean
  readonly typeBit: number
  readonly formatMask: number
  readonly start: number
  /** +Infinity when open-ended. */
  readonly end: number
  /** Grants only: when the title may be announced before `start`; +Infinity for never. */
  readonly announceAt: number
}

export interface AvailabilityIndex {
  readonly tree: TitleTree
  /** scope node key -> territory -> windows */
  readonly windows: ReadonlyMap<string, ReadonlyMap<string, readonly IndexedWindow[]>>
  readonly policies: ReadonlyMap<string, TerritoryPolicy>
}

const indexWindow = (licence: Licence, window: Licence['windows'][number]): IndexedWindow => {
  const field = `licence ${licence.id} window ${window.territory}`
  const start = parseInstantMs(window.start, field)
  const end = toEndMs(window.end, field)
  if (end <= start) throw new AvailabilityInputError(field, 'end must be after start')
  const holdback = licence.kind === 'holdback'
  const announceAt =
    !holdback && licence.announceAt
      ? parseInstantMs(licence.announceAt, `licence ${licence.id} announceAt`)
      : Infinity
  return {
    licenceId: licence.id,
    kind: licence.kind,
    hard: holdback && licence.holdbackStrength !== 'soft',
    typeBit: licenceTypeBit(licence.licenceType),
    formatMask: holdback ? allFormatsMask : formatsMask(licence.formats),
    start,
    end,
    announceAt,
  }
}

/**
 * Files every window under (scope node, territory). Scope is not expanded to descendants:
 * a query walks up from the title to its ancestors, so episodes added to a licensed series
 * later are covered as soon as the tree knows them.
 */
export const buildAvailabilityIndex = (
  licences: readonly Licence[],
  tree: TitleTree,
  regions: readonly Region[] = [],
): AvailabilityIndex => {
  const windows = new Map<string, Map<string, IndexedWindow[]>>()
  for (const licence of licences) {
    for (const window of licence.windows) {
      const indexed = indexWindow(licence, window)
      for (const node of licence.content) {
        const byTerritory = windows.get(nodeKey(node)) ?? new Map<string, IndexedWindow[]>()
        windows.set(nodeKey(node), byTerritory)
        const list = byTerritory.get(window.territory) ?? []
        byTerritory.set(window.territory, list)
        list.push(indexed)
      }
    }
  }
  return { tree, windows, policies: buildPolicyTable(regions) }
}

const none: readonly IndexedWindow[] = []

/** Windows that can affect `node` in `territory`: its own, then each ancestor's. */
export const windowsCovering = (
  index: AvailabilityIndex,
  node: ContentRef,
  territory: string,
): (readonly IndexedWindow[])[] =>
  lineage(node, index.tree).map(
    (scope) => index.windows.get(nodeKey(scope))?.get(territory) ?? none,
  )
