import { type ContentCollection, type ContentRef, nodeKey } from '../availability'
import { eidrOf, normalTitle } from './identifiers'

/** What the import knows of a title in the catalog. */
export interface CatalogTitle {
  ref: ContentRef
  /** The title in every locale. */
  names: string[]
  releaseYear?: number | null
  eidr?: string | null
  /** ALIDs and ContentIDs this title is known by in avails (`externalIds.availsIds`). */
  availsIds?: string[]
  seasonNumber?: number | null
  episodeNumber?: number | null
  /** The season of an episode, the series of a season. */
  parent?: ContentRef | null
}

/** Identifiers and names a row gives for the title it means. */
export interface TitleQuery {
  collection: ContentCollection
  ids: string[]
  title: string[]
  releaseYear?: number
  seriesTitle: string[]
  seasonNumber?: number
  episodeNumber?: number
}

export type TitleMatch =
  | { kind: 'one'; title: CatalogTitle; by: 'identifier' | 'numbers' | 'title' }
  | { kind: 'none'; tried: string }
  | { kind: 'several'; candidates: CatalogTitle[]; by: string }

export const describeTitle = (title: CatalogTitle): string =>
  `${nodeKey(title.ref)} "${title.names[0] ?? ''}"${title.releaseYear ? ` (${title.releaseYear})` : ''}`

const unique = <T>(items: T[]) => [...new Set(items)]

/** Lookup tables over the catalog, built once per import. */
export const titleIndex = (catalog: readonly CatalogTitle[]) => {
  const byKey = new Map(catalog.map((title) => [nodeKey(title.ref), title]))
  const byId = new Map<string, CatalogTitle[]>()
  const addId = (id: string, title: CatalogTitle) => {
    const list = byId.get(id) ?? []
    if (!list.includes(title)) list.push(title)
    byId.set(id, list)
  }
  for (const title of catalog) {
    if (title.eidr) addId(`eidr:${title.eidr.toUpperCase()}`, title)
    for (const id of title.availsIds ?? []) {
      addId(`id:${id.trim()}`, title)
      const eidr = eidrOf(id)
      if (eidr) addId(`eidr:${eidr}`, title)
    }
  }
  const parentOf = (title: CatalogTitle) =>
    title.parent ? byKey.get(nodeKey(title.parent)) : undefined
  const seriesOf = (title: CatalogTitle): CatalogTitle | undefined => {
    if (title.ref.collection === 'series') return title
    const parent = parentOf(title)
    return parent ? seriesOf(parent) : undefined
  }
  const hasName = (title: CatalogTitle | undefined, names: string[]) =>
    Boolean(title && title.names.some((name) => names.includes(normalTitle(name))))

  const match = (query: TitleQuery): TitleMatch => {
    const inCollection = (title: CatalogTitle) => title.ref.collection === query.collection
    const byIdentifier = unique(
      query.ids.flatMap((id) => {
        const eidr = eidrOf(id)
        return [
          ...(byId.get(`id:${id.trim()}`) ?? []),
          ...(eidr ? (byId.get(`eidr:${eidr}`) ?? []) : []),
        ]
      }),
    ).filter(inCollection)
    if (byIdentifier.length === 1) return { kind: 'one', title: byIdentifier[0], by: 'identifier' }
    if (byIdentifier.length > 1) {
      return {
        kind: 'several',
        candidates: byIdentifier,
        by: `identifiers ${query.ids.join(', ')}`,
      }
    }
    const seriesNames = unique(query.seriesTitle.map(normalTitle))
    const names = unique(query.title.map(normalTitle))
    let candidates: CatalogTitle[] = []
    let tried: string
    if (query.collection === 'episodes' || query.collection === 'seasons') {
      tried = `series "${query.seriesTitle[0] ?? ''}" season ${query.seasonNumber ?? '?'}${
        query.collection === 'episodes' ? ` episode ${query.episodeNumber ?? '?'}` : ''
      }`
      if (seriesNames.length > 0 && query.seasonNumber !== undefined) {
        candidates = catalog.filter((title) => {
          if (!inCollection(title)) return false
          const season = query.collection === 'seasons' ? title : parentOf(title)
          if (!season || season.ref.collection !== 'seasons') return false
          if (season.seasonNumber !== query.seasonNumber) return false
          if (query.collection === 'episodes' && title.episodeNumber !== query.episodeNumber) {
            return false
          }
          return hasName(seriesOf(season), seriesNames)
        })
      }
    } else {
      const nameList = query.collection === 'series' ? unique([...seriesNames, ...names]) : names
      tried = `title "${query.title[0] ?? query.seriesTitle[0] ?? ''}"${
        query.releaseYear ? ` (${query.releaseYear})` : ''
      }`
      candidates = catalog.filter(
        (title) =>
          inCollection(title) &&
          hasName(title, nameList) &&
          (query.releaseYear === undefined ||
            !title.releaseYear ||
            title.releaseYear === query.releaseYear),
      )
    }
    if (candidates.length === 1) {
      return {
        kind: 'one',
        title: candidates[0],
        by: query.collection === 'films' || query.collection === 'series' ? 'title' : 'numbers',
      }
    }
    if (candidates.length > 1) return { kind: 'several', candidates, by: tried }
    return {
      kind: 'none',
      tried: `${query.ids.length > 0 ? `identifiers ${query.ids.join(', ')}, then ` : ''}${tried}`,
    }
  }

  /** Near misses to name in an error: same name in the collection, any year or season. */
  const nearMisses = (query: TitleQuery): CatalogTitle[] => {
    const names = unique([...query.title, ...query.seriesTitle].map(normalTitle))
    return catalog
      .filter((title) => title.ref.collection === query.collection)
      .filter((title) => hasName(title, names) || hasName(seriesOf(title), names))
      .slice(0, 5)
  }

  return { match, nearMisses, byKey, seriesOf }
}
