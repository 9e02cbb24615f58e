import {
  type AvailabilityIndex,
  type ContentRef,
  evaluateAvailability,
  evaluateContainer,
  inheritedApprovalNumber,
} from '../../src/availability'
import type { GeneratedCatalog } from './generate'
import { log } from './log'
import { buildIndex, factsLookup } from './materialize'
import { Random } from './random'
import { benchCountries } from './territories'

export type LatencySummary = { medianUs: number; p99Us: number; meanUs: number; samples: number }

export type EngineResults = {
  indexBuildMs: number
  indexedWindows: number
  single: {
    /** Per-call times from batches of `batchSize` calls (timer overhead spread over the batch). */
    batched: LatencySummary & { batchSize: number }
    /** Every call timed on its own: includes ~0.1 µs of hrtime overhead, shows the real tail. */
    unbatched: LatencySummary
    queries: string
  }
  wholeTerritory: {
    territory: string
    titles: { films: number; episodes: number; seasons: number; series: number }
    available: { films: number; episodes: number; seasons: number; series: number }
    medianMs: number
    minMs: number
    maxMs: number
    runs: number
  }
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]

const summarise = (samplesUs: number[]): LatencySummary => {
  const sorted = [...samplesUs].sort((a, b) => a - b)
  return {
    medianUs: quantile(sorted, 0.5),
    p99Us: quantile(sorted, 0.99),
    meanUs: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    samples: sorted.length,
  }
}

type Query = Parameters<typeof evaluateAvailability>[0]

/** Random films and episodes in random territories of the 60, at one instant, as the app asks. */
const randomQueries = (
  catalog: GeneratedCatalog,
  index: AvailabilityIndex,
  at: Date,
  count: number,
): Query[] => {
  const random = new Random(catalog.films.length * 7 + 1)
  const factsOf = factsLookup(catalog)
  const leaves: ContentRef[] = catalog.nodes.filter(
    (node) => node.collection === 'films' || node.collection === 'episodes',
  )
  return Array.from({ length: count }, () => {
    const node = random.pick(leaves)
    const facts = factsOf(node)
    return {
      index,
      node,
      territory: random.pick(benchCountries).code,
      at,
      published: facts?.published ?? false,
      cnApprovalNumber: inheritedApprovalNumber(node, catalog.tree, factsOf),
    }
  })
}

const nowNs = (): bigint => process.hrtime.bigint()

/** The pure engine: one answer for one title, and every title of a territory at one instant. */
export const runEngineBench = (
  catalog: GeneratedCatalog,
  { territory, at }: { territory: string; at: Date },
): { results: EngineResults; index: AvailabilityIndex } => {
  const buildStart = performance.now()
  const index = buildIndex(catalog)
  const indexBuildMs = performance.now() - buildStart
  let indexedWindows = 0
  for (const byTerritory of index.windows.values()) {
    for (const list of byTerritory.values()) indexedWindows += list.length
  }
  log(`engine: index of ${indexedWindows} windows built in ${indexBuildMs.toFixed(0)} ms`)

  const queries = randomQueries(catalog, index, at, 8192)
  const mask = queries.length - 1
  let sink = 0

  // Warm-up: let the JIT settle on the hot paths.
  for (let i = 0; i < 200_000; i++) sink += evaluateAvailability(queries[i & mask]).reasons.length

  const batchSize = 1000
  const batches = 2000
  const batchedUs: number[] = []
  let cursor = 0
  for (let batch = 0; batch < batches; batch++) {
    const start = nowNs()
    for (let i = 0; i < batchSize; i++) {
      sink += evaluateAvailability(queries[cursor++ & mask]).reasons.length
    }
    batchedUs.push(Number(nowNs() - start) / 1000 / batchSize)
  }

  const unbatchedUs: number[] = []
  for (let i = 0; i < 200_000; i++) {
    const query = queries[cursor++ & mask]
    const start = nowNs()
    sink += evaluateAvailability(query).reasons.length
    unbatchedUs.push(Number(nowNs() - start) / 1000)
  }

  const factsOf = factsLookup(catalog)
  const wholeTerritory = (): EngineResults['wholeTerritory']['available'] => {
    const available = { films: 0, episodes: 0, seasons: 0, series: 0 }
    for (const node of catalog.nodes) {
      if (node.collection === 'films' || node.collection === 'episodes') {
        const facts = factsOf(node)
        const answer = evaluateAvailability({
          index,
          node,
          territory,
          at,
          published: facts?.published ?? false,
          cnApprovalNumber: inheritedApprovalNumber(node, catalog.tree, factsOf),
        })
        if (answer.available) available[node.collection]++
      } else {
        const answer = evaluateContainer({ index, node, territory, at, factsOf })
        if (answer.available) available[node.collection]++
      }
    }
    return available
  }
  wholeTerritory()
  const runsMs: number[] = []
  let available = wholeTerritory()
  for (let run = 0; run < 7; run++) {
    const start = performance.now()
    available = wholeTerritory()
    runsMs.push(performance.now() - start)
  }
  const sortedRuns = [...runsMs].sort((a, b) => a - b)
  if (sink < 0) log('unreachable')

  const results: EngineResults = {
    indexBuildMs,
    indexedWindows,
    single: {
      batched: { ...summarise(batchedUs), batchSize },
      unbatched: summarise(unbatchedUs),
      queries: 'random film or episode, random territory of the 60, one instant (now)',
    },
    wholeTerritory: {
      territory,
      titles: {
        films: catalog.films.length,
        episodes: catalog.episodes.length,
        seasons: catalog.seasons.length,
        series: catalog.series.length,
      },
      available,
      medianMs: quantile(sortedRuns, 0.5),
      minMs: sortedRuns[0],
      maxMs: sortedRuns[sortedRuns.length - 1],
      runs: sortedRuns.length,
    },
  }
  return { results, index }
}
