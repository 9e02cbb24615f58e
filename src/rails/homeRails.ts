import type { PayloadRequest, Where } from 'payload'

import { expandTerritories } from '../availability'
import type { Rail } from '../payload-types'
import { idOf } from '../rights/ids'
import { loadRegions } from '../rights/regions'
import { knownViewerTerritory } from '../rights/viewerTerritory'
import { type RailSpec, railDefaults } from './railKinds'
import {
  automaticRail,
  type RailAnswer,
  type RailCollection,
  type RailItem,
  visibleCards,
} from './railItems'

/** What one request computed per rail, so access, the `items` field and caching agree. */
type Computed = {
  at: string
  territory: string
  answers: Map<string, RailAnswer>
  /** When a rail of the viewer's territory enters or leaves its schedule. */
  scheduleChanges: (string | null)[]
}

const computedByRequest = new WeakMap<object, Promise<Computed | null>>()

const inSchedule = (at: string): Where => ({
  and: [
    { or: [{ from: { exists: false } }, { from: { less_than_equal: at } }] },
    { or: [{ until: { exists: false } }, { until: { greater_than: at } }] },
  ],
})

const coversTerritory = async (
  req: PayloadRequest,
  rail: Rail,
  territory: string,
  regionCodes: Map<string, string>,
): Promise<boolean> => {
  const ids = (rail.territories ?? []).map(idOf).filter((id): id is string => Boolean(id))
  if (ids.length === 0) return true
  const codes = ids.flatMap((id) => regionCodes.get(id) ?? [])
  return expandTerritories(codes, [], await loadRegions(req.payload, req)).includes(territory)
}

const specOf = async (req: PayloadRequest, rail: Rail): Promise<RailSpec | null> => {
  const limit = rail.limit ?? railDefaults.limit
  switch (rail.kind) {
    case 'new':
      return { kind: 'new', days: rail.days ?? railDefaults.newDays, limit }
    case 'leaving-soon':
      return { kind: 'leaving-soon', days: rail.days ?? railDefaults.leavingSoonDays, limit }
    case 'coming-soon':
      return { kind: 'coming-soon', limit }
    case 'genre': {
      const genreId = idOf(rail.genre)
      if (!genreId) return null
      const genre = await req.payload.findByID({
        collection: 'genres',
        id: genreId,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        select: { slug: true },
        req,
      })
      return genre?.slug ? { kind: 'genre', genre: genre.slug, limit } : null
    }
    default:
      return null
  }
}

/** A curated rail: its titles in the editors' order, as far as the viewer may see them. */
const curatedAnswer = async (req: PayloadRequest, rail: Rail): Promise<RailAnswer> => {
  const refs = (rail.titles ?? []).flatMap((entry) => {
    const id = idOf(entry.value)
    const relationTo = entry.relationTo as RailCollection
    return id && (relationTo === 'films' || relationTo === 'series') ? [{ relationTo, id }] : []
  })
  const { cards, changes } = await visibleCards(req, refs)
  const items: RailItem[] = []
  for (const ref of refs) {
    const card = cards.get(`${ref.relationTo}/${ref.id}`)
    if (card && items.length < (rail.limit ?? railDefaults.limit)) {
      items.push({ relationTo: ref.relationTo, value: card })
    }
  }
  return { items, changes }
}

const compute = async (req: PayloadRequest, at: string): Promise<Computed | null> => {
  const territory = await knownViewerTerritory(req)
  if (!territory) return null
  // Through the adapter: no hooks (the `items` hook of each rail waits for this very answer).
  const { docs: rails } = await req.payload.db.find<Rail>({
    collection: 'rails',
    where: inSchedule(at),
    sort: 'order',
    limit: 0,
    pagination: false,
    req,
  })
  const regionIds = [
    ...new Set(rails.flatMap((rail) => (rail.territories ?? []).map(idOf))),
  ].filter((id): id is string => Boolean(id))
  const { docs: regionDocs } = regionIds.length
    ? await req.payload.find({
        collection: 'regions',
        where: { id: { in: regionIds } },
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: { code: true },
        req,
      })
    : { docs: [] }
  const regionCodes = new Map(regionDocs.map((doc) => [String(doc.id), doc.code]))
  const answers = new Map<string, RailAnswer>()
  const scheduleChanges: (string | null)[] = []
  for (const rail of rails) {
    if (!(await coversTerritory(req, rail, territory, regionCodes))) continue
    scheduleChanges.push(rail.until ?? null)
    if (rail.kind === 'curated') {
      answers.set(String(rail.id), await curatedAnswer(req, rail))
      continue
    }
    const spec = await specOf(req, rail)
    const answer = spec ? await automaticRail(req, spec) : null
    answers.set(String(rail.id), answer ?? { items: [], changes: [] })
  }
  // A rail scheduled to start later joins the page then.
  const { docs: upcoming } = await req.payload.db.find<Rail>({
    collection: 'rails',
    where: { from: { greater_than: at } },
    sort: 'from',
    limit: 1,
    pagination: false,
    req,
  })
  scheduleChanges.push(upcoming[0]?.from ?? null)
  return { at, territory, answers, scheduleChanges }
}

/** Every rail in force for the viewer with what it shows them (computed once per request). */
export const railsForViewer = (req: PayloadRequest, at: string): Promise<Computed | null> => {
  let computed = computedByRequest.get(req)
  if (!computed) {
    computed = compute(req, at)
    computedByRequest.set(req, computed)
  }
  return computed
}

/** The ids of the rails the viewer's home page shows: in force, for their territory, not empty. */
export const visibleRailIds = async (req: PayloadRequest, at: string): Promise<string[] | null> => {
  const computed = await railsForViewer(req, at)
  if (!computed) return null
  return [...computed.answers.entries()]
    .filter(([, answer]) => answer.items.length > 0)
    .map(([id]) => id)
}
