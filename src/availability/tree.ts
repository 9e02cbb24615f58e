import { AvailabilityInputError } from './errors'
import { allContentCollections, type ContentCollection, type ContentRef } from './types'

/** Parent links of the catalog: episode -> season (or series) -> series. Films stand alone. */
export interface TitleTree {
  parentOf(node: ContentRef): ContentRef | undefined
  childrenOf(node: ContentRef): readonly ContentRef[]
}

export interface TitleLink {
  child: ContentRef
  parent: ContentRef
}

const depth: Record<ContentCollection, number> = { series: 0, seasons: 1, episodes: 2, films: 0 }

/** The `collection/id` key of a title (`films/12`), as licences and availability rows store it. */
export const nodeKey = (node: ContentRef): string => `${node.collection}/${node.id}`

/** The title a `collection/id` key names; the inverse of nodeKey. */
export const contentRefFromKey = (key: string): ContentRef => {
  const [collection, id, extra] = key.split('/')
  if (
    !(allContentCollections as readonly string[]).includes(collection) ||
    !id ||
    extra !== undefined
  ) {
    throw new AvailabilityInputError('content', `${key} is not a title key like films/12`)
  }
  return { collection: collection as ContentCollection, id }
}

export const sameNode = (a: ContentRef, b: ContentRef): boolean =>
  a.id === b.id && a.collection === b.collection

export const isContainer = (node: ContentRef): boolean =>
  node.collection === 'series' || node.collection === 'seasons'

const canParent = (parent: ContentRef, child: ContentRef): boolean =>
  isContainer(parent) &&
  child.collection !== 'films' &&
  depth[parent.collection] < depth[child.collection]

export const createTitleTree = (links: readonly TitleLink[]): TitleTree => {
  const parents = new Map<string, ContentRef>()
  const children = new Map<string, ContentRef[]>()
  for (const { child, parent } of links) {
    if (!canParent(parent, child)) {
      throw new AvailabilityInputError(
        'tree',
        `${nodeKey(parent)} cannot contain ${nodeKey(child)}`,
      )
    }
    const known = parents.get(nodeKey(child))
    if (known && !sameNode(known, parent)) {
      throw new AvailabilityInputError('tree', `${nodeKey(child)} has two parents`)
    }
    if (known) continue
    parents.set(nodeKey(child), parent)
    const siblings = children.get(nodeKey(parent)) ?? []
    siblings.push(child)
    children.set(nodeKey(parent), siblings)
  }
  return {
    parentOf: (node) => parents.get(nodeKey(node)),
    childrenOf: (node) => children.get(nodeKey(node)) ?? [],
  }
}

/** The node followed by its ancestors, nearest first. */
export const lineage = (node: ContentRef, tree: TitleTree): ContentRef[] => {
  const nodes = [node]
  for (let parent = tree.parentOf(node); parent; parent = tree.parentOf(parent)) {
    nodes.push(parent)
  }
  return nodes
}

/** The titles a viewer actually plays under a node: itself for films/episodes. */
export const playableLeaves = (node: ContentRef, tree: TitleTree): ContentRef[] =>
  isContainer(node) ? tree.childrenOf(node).flatMap((child) => playableLeaves(child, tree)) : [node]

/**
 * Where two scopes meet: the narrower node when one covers the other (a series and one of
 * its episodes meet at the episode), or undefined when they are disjoint.
 */
export const scopeIntersection = (
  a: ContentRef,
  b: ContentRef,
  tree: TitleTree,
): ContentRef | undefined => {
  if (lineage(b, tree).some((node) => sameNode(node, a))) return b
  if (lineage(a, tree).some((node) => sameNode(node, b))) return a
  return undefined
}
