import os from 'node:os'

import autocannon, { type AutocannonResult } from 'autocannon'

/**
 * filtered: the public page; unfiltered: the same request with a staff API key (no availability
 * filtering and no summaries, but staff also get the `availabilityWindows` join populated);
 * unfiltered-nojoins: the staff request with `joins[availabilityWindows]=false`, i.e. without that extra join.
 * rail and search: the public `new` rail and a public search, as the filtered page is asked
 * (the viewer territory header, no key), `limit` the page size.
 */
export type ListVariant = 'filtered' | 'unfiltered' | 'unfiltered-nojoins'
export type EndpointVariant = 'rail' | 'search'
export type Variant = ListVariant | EndpointVariant

export const variants: readonly ListVariant[] = ['filtered', 'unfiltered', 'unfiltered-nojoins']
export const endpointVariants: readonly EndpointVariant[] = ['rail', 'search']

export type HttpRun = {
  variant: Variant
  durationSeconds: number
  connections: number
  latencyP50Ms: number
  latencyP99Ms: number
  latencyMeanMs: number
  latencyMaxMs: number
  requestsPerSecond: number
  requests: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  /** 1-minute load average when the run started and ended (2 cores: above ~2 means contention). */
  loadAverage: [number, number]
}

export type CorrectnessCheck = {
  at: string
  territory: string
  /** totalDocs of the public page. */
  filteredTotalDocs: number
  /** Films the engine says are available (published, granted, not held back, gates passed). */
  expectedTotalDocs: number
  /** Films with a materialised row covering the instant (computed by the bench). */
  expectedFromRows: number
  unfilteredTotalDocs: number
  expectedUnfilteredTotalDocs: number
  /** Every film on the public page is one the engine says is available. */
  pageFilmsAvailable: boolean
  /** Every film on the public page carries its availability summary. */
  pageHasSummaries: boolean
  /** Staff responses do not carry viewer summaries. */
  unfilteredHasNoSummaries: boolean
  /** Staff responses carry the availabilityWindows join unless `joins[availabilityWindows]=false`. */
  unfilteredHasJoin: boolean
  noJoinsHasNoJoin: boolean
  ok: boolean
}

type FilmsPage = {
  totalDocs: number
  docs: { id: number | string; availability?: unknown; availabilityWindows?: unknown }[]
}

export const filmsPath = (pageSize: number): string => `/api/films?limit=${pageSize}`

export const railPath = (pageSize: number): string => `/api/rails/new?limit=${pageSize}`

export const searchPath = (pageSize: number, query: string): string =>
  `/api/search?q=${encodeURIComponent(query)}&limit=${pageSize}`

export const variantPath = (variant: Variant, pageSize: number, searchQuery = ''): string => {
  switch (variant) {
    case 'unfiltered-nojoins':
      // Payload 3.90 parses a top-level `joins=false` as the keys of the string "false".
      return `${filmsPath(pageSize)}&joins[availabilityWindows]=false`
    case 'rail':
      return railPath(pageSize)
    case 'search':
      return searchPath(pageSize, searchQuery)
    default:
      return filmsPath(pageSize)
  }
}

export const variantHeaders = (
  variant: Variant,
  { territory, apiKey }: { territory: string; apiKey: string },
): Record<string, string> =>
  variant === 'unfiltered' || variant === 'unfiltered-nojoins'
    ? { authorization: `users API-Key ${apiKey}`, 'x-viewer-territory': territory }
    : { 'x-viewer-territory': territory }

const getPage = async (url: string, headers: Record<string, string>): Promise<FilmsPage> => {
  const response = await fetch(url, { headers })
  const text = await response.text()
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 500)}`)
  return JSON.parse(text) as FilmsPage
}

/** One public and one staff read, checked against what the generator and the engine expect. */
export const checkCorrectness = async ({
  baseUrl,
  pageSize,
  territory,
  apiKey,
  expected,
  allFilms,
}: {
  baseUrl: string
  pageSize: number
  territory: string
  apiKey: string
  expected: (at: Date) => { engine: Set<number>; rows: number }
  allFilms: number
}): Promise<CorrectnessCheck> => {
  const url = `${baseUrl}${filmsPath(pageSize)}`
  const at = new Date()
  const filtered = await getPage(url, variantHeaders('filtered', { territory, apiKey }))
  const unfiltered = await getPage(url, variantHeaders('unfiltered', { territory, apiKey }))
  const noJoins = await getPage(
    `${baseUrl}${variantPath('unfiltered-nojoins', pageSize)}`,
    variantHeaders('unfiltered-nojoins', { territory, apiKey }),
  )
  const { engine, rows } = expected(at)
  const check: CorrectnessCheck = {
    at: at.toISOString(),
    territory,
    filteredTotalDocs: filtered.totalDocs,
    expectedTotalDocs: engine.size,
    expectedFromRows: rows,
    unfilteredTotalDocs: unfiltered.totalDocs,
    expectedUnfilteredTotalDocs: allFilms,
    pageFilmsAvailable: filtered.docs.every((doc) => engine.has(Number(doc.id))),
    pageHasSummaries: filtered.docs.every(
      (doc) => typeof doc.availability === 'object' && doc.availability !== null,
    ),
    unfilteredHasNoSummaries: unfiltered.docs.every((doc) => !doc.availability),
    unfilteredHasJoin: unfiltered.docs.some((doc) => doc.availabilityWindows !== undefined),
    noJoinsHasNoJoin: noJoins.docs.every((doc) => doc.availabilityWindows === undefined),
    ok: false,
  }
  check.ok =
    check.filteredTotalDocs === check.expectedTotalDocs &&
    check.expectedFromRows === check.expectedTotalDocs &&
    check.unfilteredTotalDocs === check.expectedUnfilteredTotalDocs &&
    check.pageFilmsAvailable &&
    check.pageHasSummaries
  return check
}

export type EndpointCheck = {
  /** Cards on the `new` rail (at most the page size). */
  railItems: number
  searchQuery: string
  /** totalDocs of the public search: matching titles the viewer may see now. */
  searchTotalDocs: number
  searchHits: number
}

const getJson = async (url: string, headers: Record<string, string>): Promise<unknown> => {
  const response = await fetch(url, { headers })
  const text = await response.text()
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 500)}`)
  return JSON.parse(text) as unknown
}

/** One rail and one search request before they are measured: both must answer 2xx with hits. */
export const checkEndpoints = async ({
  baseUrl,
  pageSize,
  territory,
  apiKey,
  searchQuery,
}: {
  baseUrl: string
  pageSize: number
  territory: string
  apiKey: string
  searchQuery: string
}): Promise<EndpointCheck> => {
  const rail = (await getJson(
    `${baseUrl}${railPath(pageSize)}`,
    variantHeaders('rail', { territory, apiKey }),
  )) as { items?: unknown[] }
  if (!Array.isArray(rail.items)) {
    throw new Error(`GET ${railPath(pageSize)} answered without items: ${JSON.stringify(rail)}`)
  }
  const search = (await getJson(
    `${baseUrl}${searchPath(pageSize, searchQuery)}`,
    variantHeaders('search', { territory, apiKey }),
  )) as { docs?: unknown[]; totalDocs?: number }
  if (!Array.isArray(search.docs) || typeof search.totalDocs !== 'number') {
    throw new Error(
      `GET ${searchPath(pageSize, searchQuery)} answered without docs: ${JSON.stringify(search).slice(0, 500)}`,
    )
  }
  return {
    railItems: rail.items.length,
    searchQuery,
    searchTotalDocs: search.totalDocs,
    searchHits: search.docs.length,
  }
}

const statusCodesOf = (result: AutocannonResult): Record<string, number> =>
  Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
  )

export type AutocannonInput = {
  baseUrl: string
  pageSize: number
  variant: Variant
  territory: string
  apiKey: string
  connections: number
  durationSeconds: number
  /** The `q` of the search variant. */
  searchQuery: string
}

export const runAutocannon = async ({
  baseUrl,
  pageSize,
  variant,
  territory,
  apiKey,
  connections,
  durationSeconds,
  searchQuery,
}: AutocannonInput): Promise<HttpRun> => {
  const loadBefore = os.loadavg()[0]
  const result = await autocannon({
    url: `${baseUrl}${variantPath(variant, pageSize, searchQuery)}`,
    connections,
    duration: durationSeconds,
    headers: variantHeaders(variant, { territory, apiKey }),
    timeout: 30,
  })
  const run: HttpRun = {
    variant,
    durationSeconds: result.duration,
    connections,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMeanMs: result.latency.average,
    latencyMaxMs: result.latency.max,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: statusCodesOf(result),
    loadAverage: [loadBefore, os.loadavg()[0]],
  }
  return run
}

export const describeRun = (run: HttpRun): string =>
  `${run.variant.padEnd(10)} ${run.durationSeconds}s x${run.connections}: p50 ${run.latencyP50Ms} ms, ` +
  `p99 ${run.latencyP99Ms} ms, ${run.requestsPerSecond.toFixed(1)} req/s, ${run.requests} requests, ` +
  `non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts}`
