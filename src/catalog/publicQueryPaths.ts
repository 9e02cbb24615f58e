import type { FlattenedField, SanitizedConfig } from 'payload'

import { allContentCollections, type ContentCollection } from '../availability'
import { isCatalogCollection } from '../rights/catalogGraph'

type LinkField = Extract<FlattenedField, { type: 'join' | 'relationship' | 'upload' }>

/** A relationship, upload or join field that a path follows INTO another collection. */
export type Hop = { path: string; targets: string[] }

/** A condition on the value (the ids) of a field that points at catalog titles. */
export type CatalogValue = {
  path: string
  target: ContentCollection
  /** hasMany relationships and joins may hold several titles; a hasOne holds one. */
  many: boolean
  join: boolean
}

export type ResolvedPath = {
  hops: Hop[]
  /** The relationship or join field the path ends on (its ids), if it does. */
  link?: Hop
  catalogValue?: CatalogValue
}

const isLink = (field: FlattenedField): field is LinkField =>
  field.type === 'relationship' || field.type === 'upload' || field.type === 'join'

const targetsOf = (field: LinkField): string[] =>
  field.type === 'join' ? [field.collection].flat() : [field.relationTo].flat()

const nestedFields = (field: FlattenedField): FlattenedField[] | undefined => {
  if (field.type === 'blocks') {
    return field.blocks.flatMap((block) => block.flattenedFields)
  }
  return 'flattenedFields' in field ? field.flattenedFields : undefined
}

export const fieldsOf = (config: SanitizedConfig, slug: string): FlattenedField[] =>
  config.collections.find((collection) => collection.slug === slug)?.flattenedFields ?? []

/**
 * Follows a where/sort path (`relatedFilms.title`, GraphQL's `season__series__title`,
 * `credits.person.name`) through a collection's schema: which relationship and join fields it
 * traverses into other collections, and whether it ends on the ids of catalog titles
 * (`relatedFilms`, `relatedFilms.id`, `season`, a join such as `seasons`). Segments the schema
 * does not know end the walk; Payload's own validation answers those.
 */
export const resolvePublicPath = (
  config: SanitizedConfig,
  collection: string,
  rawPath: string,
): ResolvedPath => {
  const segments = rawPath.replace(/__/g, '.').split('.')
  const localeCodes: string[] = config.localization ? config.localization.localeCodes : []
  let fields = fieldsOf(config, collection)
  const hops: Hop[] = []
  for (let index = 0; index < segments.length; index += 1) {
    const field = fields.find((candidate) => candidate.name === segments[index])
    if (!field) break
    if (localeCodes.includes(segments[index + 1] ?? '')) index += 1
    const pathHere = segments.slice(0, index + 1).join('.')
    if (isLink(field)) {
      const targets = targetsOf(field)
      const rest = segments.slice(index + 1)
      if (targets.length > 1 && (rest[0] === 'value' || rest[0] === 'relationTo')) {
        // A polymorphic relationship: `field.relationTo` names collections, `field.value` ids.
        hops.push({ path: pathHere, targets })
        break
      }
      if (rest.length === 0 || (rest.length === 1 && rest[0] === 'id')) {
        const [target] = targets
        const many = field.type === 'join' || field.hasMany === true
        const link = { path: pathHere, targets }
        return targets.length === 1 && isCatalogCollection(target)
          ? {
              hops,
              link,
              catalogValue: { path: pathHere, target, many, join: field.type === 'join' },
            }
          : { hops, link }
      }
      hops.push({ path: pathHere, targets })
      if (targets.length > 1) break
      fields = fieldsOf(config, targets[0])
      continue
    }
    const nested = nestedFields(field)
    if (!nested) break
    fields = nested
  }
  return { hops }
}

/** Every collection a field list points at, through groups, arrays, tabs and blocks. */
const linkTargetsIn = (fields: FlattenedField[]): string[] =>
  fields.flatMap((field) =>
    isLink(field) ? targetsOf(field) : linkTargetsIn(nestedFields(field) ?? []),
  )

const restrictedByConfig = new WeakMap<SanitizedConfig, Set<string>>()

/**
 * Collections a public where/sort path must not enter: the catalog (its read access depends on
 * the viewer, and Payload's SQL adapters let the access condition added for a related title
 * claim the join the outer title's own condition uses), the staff-only availability rows, and
 * every collection from which a path could go on into those.
 */
export const restrictedTargets = (config: SanitizedConfig): Set<string> => {
  const known = restrictedByConfig.get(config)
  if (known) return known
  const restricted = new Set<string>(allContentCollections)
  restricted.add('availability-windows')
  let grew = true
  while (grew) {
    grew = false
    for (const collection of config.collections) {
      if (restricted.has(collection.slug)) continue
      if (linkTargetsIn(collection.flattenedFields).some((target) => restricted.has(target))) {
        restricted.add(collection.slug)
        grew = true
      }
    }
  }
  restrictedByConfig.set(config, restricted)
  return restricted
}

/** A top-level field of a collection that holds catalog titles (a relationship or a join). */
export type CatalogLink = { name: string; target: ContentCollection; joinOn?: string }

/** The fields of a collection whose values are catalog titles, read from the schema. */
export const catalogLinksOf = (config: SanitizedConfig, slug: string): CatalogLink[] =>
  fieldsOf(config, slug).flatMap((field): CatalogLink[] => {
    if (!isLink(field)) return []
    const targets = targetsOf(field)
    if (targets.length !== 1 || !isCatalogCollection(targets[0])) return []
    return [
      {
        name: field.name,
        target: targets[0],
        ...(field.type === 'join' ? { joinOn: field.on } : {}),
      },
    ]
  })
