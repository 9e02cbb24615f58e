import type { Payload, PayloadRequest, Where } from 'payload'

import {
  allContentCollections,
  type ContentCollection,
  type ContentRef,
  createTitleTree,
  lineage,
  type NodeFacts,
  nodeKey,
  type TitleLink,
  type TitleTree,
} from '../availability'
import { idOf } from './ids'

export const isCatalogCollection = (slug: string): slug is ContentCollection =>
  (allContentCollections as readonly string[]).includes(slug)

/** The part of the catalog around some titles: their ancestors and all their descendants. */
export type CatalogGraph = {
  tree: TitleTree
  /**
   * What the engine knows of each title. `published` is the spec's rule 1: the title AND every
   * ancestor are published (an episode of a draft season is not).
   */
  facts: Map<string, NodeFacts>
  /** Every title in the graph. */
  nodes: ContentRef[]
}

type Req = Partial<PayloadRequest> | undefined

/** The fields of a title document the graph reads. */
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
  where: Where,
  req: Req,
): Promise<TitleDoc[]> => {
  const { docs } = await payload.find({
    collection,
    where,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { _status: true, cnApprovalNumber: true, series: true, season: true },
    req,
  })
  return docs
}

/** Title documents of each collection, as read from the database. */
export type TitleDocs = Record<ContentCollection, readonly TitleDoc[]>

/**
 * Builds the graph from title documents: parent links, and facts in which a title counts as
 * published only when it and every ancestor are. A parent that is not among the documents
 * (deleted, or never there) counts as unpublished.
 */
export const catalogGraphFrom = (titles: TitleDocs): CatalogGraph => {
  const links: TitleLink[] = []
  const own = new Map<string, NodeFacts>()
  const nodes = new Map<string, ContentRef>()
  for (const collection of allContentCollections) {
    for (const doc of titles[collection]) {
      const node = { collection, id: String(doc.id) }
      const key = nodeKey(node)
      if (nodes.has(key)) continue
      nodes.set(key, node)
      own.set(key, {
        published: doc._status === 'published',
        cnApprovalNumber: doc.cnApprovalNumber ?? null,
      })
      const parentId = idOf(collection === 'episodes' ? doc.season : undefined)
      const seriesId = idOf(collection === 'seasons' ? doc.series : undefined)
      if (parentId) links.push({ child: node, parent: { collection: 'seasons', id: parentId } })
      if (seriesId) links.push({ child: node, parent: { collection: 'series', id: seriesId } })
    }
  }
  const tree = createTitleTree(links)
  const facts = new Map<string, NodeFacts>()
  for (const [key, node] of nodes) {
    const published = lineage(node, tree).every(
      (title) => own.get(nodeKey(title))?.published === true,
    )
    facts.set(key, { ...own.get(key), published })
  }
  return { tree, facts, nodes: [...nodes.values()] }
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
  const ids = (collection: ContentCollection) =>
    roots.filter((root) => root.collection === collection).map((root) => root.id)
  const byIds = (collection: ContentCollection, values: Iterable<string>) => {
    const list = [...new Set(values)]
    return list.length ? readTitles(payload, collection, { id: { in: list } }, req) : []
  }

  // Walk up: episodes -> seasons -> series.
  const episodesUp = await byIds('episodes', ids('episodes'))
  const seasonsUp = await byIds('seasons', [
    ...ids('seasons'),
    ...episodesUp.flatMap((episode) => idOf(episode.season) ?? []),
  ])
  const seriesIds = [...ids('series'), ...seasonsUp.flatMap((season) => idOf(season.series) ?? [])]
  const series = await byIds('series', seriesIds)

  // Walk down from every series and season found: all seasons and episodes below.
  const seasonsDown = seriesIds.length
    ? await readTitles(payload, 'seasons', { series: { in: [...new Set(seriesIds)] } }, req)
    : []
  const seasonIds = [...new Set([...seasonsUp, ...seasonsDown].map((season) => String(season.id)))]
  const episodesDown = seasonIds.length
    ? await readTitles(payload, 'episodes', { season: { in: seasonIds } }, req)
    : []

  return catalogGraphFrom({
    films: await byIds('films', ids('films')),
    series,
    seasons: [...seasonsUp, ...seasonsDown],
    episodes: [...episodesUp, ...episodesDown],
  })
}
