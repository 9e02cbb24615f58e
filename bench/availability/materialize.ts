import {
  type AvailabilityIndex,
  intervalCalculator,
  buildAvailabilityIndex,
  type ContentRef,
  evaluateAvailability,
  type Offer,
  inheritedApprovalNumber,
  nodeKey,
  passesPolicyGates,
} from '../../src/availability'
import { openEndInstant } from '../../src/rights/rowsInForce'
import type { GeneratedCatalog } from './generate'

/** One `availability-windows` row, keyed as the adapter's drizzle table is. */
export type BenchAvailabilityRow = {
  contentKey: string
  titleCollection: ContentRef['collection']
  film: number | null
  series: number | null
  season: number | null
  episode: number | null
  territory: string
  start: string
  end: string
  offers: Offer[]
  /** The bench's licences announce nothing: every row is `available`. */
  state: 'available'
  availableFrom: string
  availableUntil: string
}

const relationOf = {
  films: 'film',
  series: 'series',
  seasons: 'season',
  episodes: 'episode',
} as const

export const buildIndex = (catalog: GeneratedCatalog): AvailabilityIndex =>
  buildAvailabilityIndex(catalog.engineLicences, catalog.tree, catalog.regions)

export const factsLookup =
  (catalog: GeneratedCatalog) =>
  (node: ContentRef): { published: boolean; cnApprovalNumber: string | null } | undefined =>
    catalog.facts.get(nodeKey(node))

/**
 * What `computeAvailabilityRows` (src/rights/materialize.ts) stores, for the whole catalog at
 * once: per territory named by a licence and per title, one row per stretch of time with the
 * same offers, leaving out unpublished and policy-gated leaves.
 */
export const computeAllAvailabilityRows = (
  catalog: GeneratedCatalog,
  index: AvailabilityIndex,
): BenchAvailabilityRow[] => {
  const territories = [
    ...new Set(
      catalog.engineLicences.flatMap((licence) =>
        licence.windows.map((window) => window.territory),
      ),
    ),
  ].sort()
  const factsOf = factsLookup(catalog)
  const rows: BenchAvailabilityRow[] = []
  for (const territory of territories) {
    const policy = index.policies.get(territory)
    const includeLeaf = (leaf: ContentRef) =>
      Boolean(factsOf(leaf)?.published) &&
      passesPolicyGates(policy, {
        cnApprovalNumber: inheritedApprovalNumber(leaf, catalog.tree, factsOf),
      })
    const intervalsOf = intervalCalculator(index, territory, { includeLeaf })
    for (const node of catalog.nodes) {
      const intervals = intervalsOf(node)
      const startOf = (segment: (typeof intervals)[number]) => new Date(segment.start).toISOString()
      const endOf = (segment: (typeof intervals)[number]) =>
        segment.end ? new Date(segment.end).toISOString() : openEndInstant
      // Touching intervals are one unbroken stretch (as src/rights/materialize.ts stores it).
      const stretchFrom: string[] = []
      intervals.forEach((segment, position) => {
        const previous = intervals[position - 1]
        stretchFrom[position] =
          previous && previous.end === segment.start ? stretchFrom[position - 1] : startOf(segment)
      })
      const stretchUntil: string[] = []
      for (let position = intervals.length - 1; position >= 0; position -= 1) {
        const next = intervals[position + 1]
        stretchUntil[position] =
          next && next.start === intervals[position].end
            ? stretchUntil[position + 1]
            : endOf(intervals[position])
      }
      intervals.forEach((segment, position) => {
        const id = Number(node.id)
        rows.push({
          contentKey: nodeKey(node),
          titleCollection: node.collection,
          film: null,
          series: null,
          season: null,
          episode: null,
          [relationOf[node.collection]]: id,
          territory,
          start: startOf(segment),
          end: endOf(segment),
          offers: segment.offers,
          state: 'available',
          availableFrom: stretchFrom[position],
          availableUntil: stretchUntil[position],
        })
      })
    }
  }
  return rows
}

export type ExpectedFilms = {
  /** Published films the engine says are available in the territory at the instant. */
  engine: Set<number>
  /** Films with a materialised row covering the instant (must be as many). */
  rows: number
}

/** Which films a public `GET /api/films` in `territory` at `at` must return (totalDocs). */
export const expectedFilms = (
  catalog: GeneratedCatalog,
  index: AvailabilityIndex,
  rows: readonly BenchAvailabilityRow[],
  territory: string,
  at: Date,
): ExpectedFilms => {
  const factsOf = factsLookup(catalog)
  const engine = new Set<number>()
  for (const film of catalog.films) {
    const node: ContentRef = { collection: 'films', id: String(film.id) }
    const answer = evaluateAvailability({
      index,
      node,
      territory,
      at,
      published: film.published,
      cnApprovalNumber: inheritedApprovalNumber(node, catalog.tree, factsOf),
    })
    if (answer.available) engine.add(film.id)
  }
  const iso = at.toISOString()
  const films = new Set<number>()
  for (const row of rows) {
    if (row.film !== null && row.territory === territory && row.start <= iso && iso < row.end) {
      films.add(row.film)
    }
  }
  return { engine, rows: films.size }
}
