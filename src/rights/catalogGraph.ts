import type { Payload, PayloadRequest } from 'payload'

import {
  type ContentCollection,
  type ContentRef,
  createTitleTree,
  type NodeFacts,
  nodeKey,
  type TitleLink,
  type TitleTree,
} from '../availability'

export const catalogCollections: ContentCollection[] = ['films', 'series', 'seasons', 'episodes']

export const isCatalogCollection = (slug: string): slug is ContentCollection =>
  (catalogCollections as string[]).includes(slug)

/** The part of the catalog around some titles: their ancestors and all their descendants. */
export type CatalogGraph = {
  tree: TitleTree
  facts: Map<string, NodeFacts>
  /** Every title in the graph. */
  nodes: ContentRef[]
}

type Req = Partial<PayloadRequest> | undefined

const idOf = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'object') return idOf((value as { id?: unknown }).id)
  return String(value)
}

type TitleDoc = {
  id: string | number
  _status?: string | null
  cnApprovalNumber?: string | null
  series?: unknown
  season?: unknown
}

const readTitles = async (
  payload: Payload,
  collection: ContentCollection,
  where: Record<string, unknown>,
  req: Req,
): Promise<TitleDoc[]> => {
  const { docs } = await payload.find({
    collection,
    where: where as never,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { _status: true, cnApprovalNumber: true, series: true, season: true } as never,
    req,
  })
  return docs as unknown as TitleDoc[]
}

/**
 * Loads what the availability engine needs to answer for `roots`: parent links up to each
 * series and down to every episode, and each title's published state and approval number.
 */
export const loadCatalogGraph = async (
  payload: Payload,
  roots: readonly ContentRef[],
  req?: Req,
): Promise<CatalogGraph> => {
  const links: TitleLink[] = []
  const facts = new Map<string, NodeFacts>()
  const remember = (collection: ContentCollection, doc: TitleDoc): ContentRef => {
    const node = { collection, id: String(doc.id) }
    facts.set(nodeKey(node), {
      published: doc._status === 'published',
      cnApprovalNumber: doc.cnApprovalNumber ?? null,
    })
    return node
  }

  const ids = (collection: ContentCollection) =>
    roots.filter((root) => root.collection === collection).map((root) => root.id)

  // Walk up: episodes -> seasons -> series.
  const episodeIds = new Set(ids('episodes'))
  const seasonIds = new Set(ids('seasons'))
  const seriesIds = new Set(ids('series'))
  const filmIds = ids('films')

  const episodes = episodeIds.size
    ? await readTitles(payload, 'episodes', { id: { in: [...episodeIds] } }, req)
    : []
  episodes.forEach((episode) => {
    const season = idOf(episode.season)
    if (season) seasonIds.add(season)
  })
  const seasonsUp = seasonIds.size
    ? await readTitles(payload, 'seasons', { id: { in: [...seasonIds] } }, req)
    : []
  seasonsUp.forEach((season) => {
    const series = idOf(season.series)
    if (series) seriesIds.add(series)
  })

  // Walk down from every series and season found: all seasons and episodes below.
  const series = seriesIds.size
    ? await readTitles(payload, 'series', { id: { in: [...seriesIds] } }, req)
    : []
  const seasons = seriesIds.size
    ? await readTitles(payload, 'seasons', { series: { in: [...seriesIds] } }, req)
    : []
  const allSeasonIds = [...new Set([...seasons, ...seasonsUp].map((season) => String(season.id)))]
  const allEpisodes = allSeasonIds.length
    ? await readTitles(payload, 'episodes', { season: { in: allSeasonIds } }, req)
    : []
  const films = filmIds.length
    ? await readTitles(payload, 'films', { id: { in: filmIds } }, req)
    : []

  const seriesNodes = series.map((doc) => remember('series', doc))
  const seasonNodes = new Map<string, ContentRef>()
  for (const season of [...seasons, ...seasonsUp]) {
    const node = remember('seasons', season)
    if (seasonNodes.has(node.id)) continue
    seasonNodes.set(node.id, node)
    const parent = idOf(season.series)
    if (parent) links.push({ child: node, parent: { collection: 'series', id: parent } })
  }
  const episodeNodes = new Map<string, ContentRef>()
  for (const episode of [...allEpisodes, ...episodes]) {
    const node = remember('episodes', episode)
    if (episodeNodes.has(node.id)) continue
    episodeNodes.set(node.id, node)
    const parent = idOf(episode.season)
    if (parent) links.push({ child: node, parent: { collection: 'seasons', id: parent } })
  }
  const filmNodes = films.map((doc) => remember('films', doc))

  return {
    tree: createTitleTree(links),
    facts,
    nodes: [...filmNodes, ...seriesNodes, ...seasonNodes.values(), ...episodeNodes.values()],
  }
}

export const contentKeyOf = (node: ContentRef): string => nodeKey(node)

export const contentRefFromKey = (key: string): ContentRef => {
  const [collection, id] = key.split('/') as [ContentCollection, string]
  return { collection, id }
}
