import { formatEnd, formatInstant, parseInstantMs, toEndMs } from './instant'
import { lineage, nodeKey, scopeIntersection, sameNode, type TitleTree } from './tree'
import type { ContentRef, Licence, LicenceType } from './types'

/** One licence window on one scope node. */
export interface ScopedWindow {
  licence: Licence
  node: ContentRef
  territory: string
  start: number
  end: number
}

export interface LicenceOverlap {
  first: Licence
  second: Licence
  territory: string
  licenceType: LicenceType
  /** Narrowest titles both licences apply to. */
  nodes: ContentRef[]
  overlap: { start: string; end: string | null }
}

export const scopedWindows = (licences: readonly Licence[]): ScopedWindow[] =>
  licences.flatMap((licence) =>
    licence.windows.flatMap((window) =>
      licence.content.map((node) => ({
        licence,
        node,
        territory: window.territory,
        start: parseInstantMs(window.start, `licence ${licence.id} start`),
        end: toEndMs(window.end, `licence ${licence.id} end`),
      })),
    ),
  )

/**
 * Pairs of windows from different licences with the same territory and licence type whose
 * scopes meet and whose times overlap (touching ends do not). `accepts` picks which pairs
 * matter and puts them in order. Only scopes under one top-level title can meet, so windows
 * are bucketed by that title before the sweep.
 */
export const findOverlaps = (
  windows: readonly ScopedWindow[],
  tree: TitleTree,
  accepts: (a: Licence, b: Licence) => [Licence, Licence] | undefined,
): LicenceOverlap[] => {
  const buckets = new Map<string, ScopedWindow[]>()
  for (const window of windows) {
    const root = lineage(window.node, tree).at(-1) ?? window.node
    const key = `${window.territory}|${window.licence.licenceType}|${nodeKey(root)}`
    const bucket = buckets.get(key) ?? []
    bucket.push(window)
    buckets.set(key, bucket)
  }

  const found = new Map<string, LicenceOverlap>()
  for (const bucket of buckets.values()) {
    const byStart = [...bucket].sort((a, b) => a.start - b.start)
    byStart.forEach((later, position) => {
      for (const earlier of byStart.slice(0, position)) {
        if (earlier.end <= later.start || earlier.licence.id === later.licence.id) continue
        const pair = accepts(earlier.licence, later.licence)
        const meet = pair && scopeIntersection(earlier.node, later.node, tree)
        if (!pair || !meet) continue
        const overlap = {
          start: formatInstant(later.start),
          end: formatEnd(Math.min(earlier.end, later.end)),
        }
        const key = [pair[0].id, pair[1].id, later.territory, overlap.start, overlap.end].join('|')
        const entry = found.get(key) ?? {
          first: pair[0],
          second: pair[1],
          territory: later.territory,
          licenceType: later.licence.licenceType,
          nodes: [],
          overlap,
        }
        if (!entry.nodes.some((node) => sameNode(node, meet))) entry.nodes.push(meet)
        found.set(key, entry)
      }
    })
  }
  return [...found.values()]
}
