import { APIError, type CollectionSlug, type PayloadRequest, type Sort, type Where } from 'payload'

import type { ContentCollection } from '../availability'
import { allVisibleTitleIds, visibleTitleIds } from '../access/publishedAndAvailable'
import {
  type CatalogValue,
  fieldsOf,
  type Hop,
  resolvePublicPath,
  restrictedTargets,
} from './publicQueryPaths'

type Refusal = { path: string; message: string }
type Id = string | number
type Operand = Where[string]

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isAndOr = (key: string) => key.toLowerCase() === 'and' || key.toLowerCase() === 'or'

const catalogValueOperators = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'contains',
  'exists',
])

/** An id no document has: what a hidden title's id is replaced with. */
const nothingId = (req: PayloadRequest): Id =>
  req.payload.db.name === 'mongoose'
    ? '000000000000000000000000'
    : req.payload.db.defaultIDType === 'number'
      ? 0
      : '00000000-0000-0000-0000-000000000000'

const hopMessage = (hop: Hop) =>
  `Public reads cannot filter or sort through "${hop.path}" (into ${hop.targets.join(', ')}): ` +
  'filter on the ids it holds instead, e.g. where[' +
  `${hop.path}][in]=<ids>.`

type Guard = { req: PayloadRequest; refusals: Refusal[]; prefix: string }

/** The first hop into a collection the reader may not reach through a path, if any. */
const refusedHop = async ({ req }: Guard, hops: Hop[]): Promise<Hop | undefined> => {
  const restricted = restrictedTargets(req.payload.config)
  for (const hop of hops) {
    for (const target of hop.targets) {
      if (restricted.has(target)) return hop
      const read = req.payload.collections[target as CollectionSlug]?.config.access.read
      if (!read || (await read({ req })) !== true) return hop
    }
  }
  return undefined
}

const idsOf = (operand: unknown): Id[] => {
  if (Array.isArray(operand)) return operand.flatMap(idsOf)
  if (typeof operand === 'string') return operand.split(',').filter(Boolean)
  if (typeof operand === 'number') return [operand]
  return []
}

/**
 * A condition on the ids a catalog relationship or join holds, answered as if the titles the
 * reader cannot see did not exist: their ids are swapped for an id nobody has, and `exists`
 * asks for visible titles only.
 */
const rewriteCatalogValue = async (
  guard: Guard,
  collection: string,
  value: CatalogValue,
  operators: Record<string, unknown>,
): Promise<Where> => {
  const { req } = guard
  const nothing = nothingId(req)
  const conditions: Where[] = []
  for (const [operator, operand] of Object.entries(operators)) {
    if (!catalogValueOperators.has(operator)) {
      guard.refusals.push({
        path: guard.prefix + value.path,
        message: `Use equals, not_equals, in, not_in, contains or exists on titles, not ${operator}.`,
      })
      continue
    }
    if (operator === 'exists') {
      const wanted = operand === true || operand === 'true'
      const visible = [...(await allVisibleTitleIds(req, value.target)), nothing]
      if (wanted) {
        conditions.push({ [value.path]: { in: visible } })
      } else if (!value.many) {
        conditions.push({ [value.path]: { exists: false } })
      } else {
        // "Relates to no visible title": none of the documents that relate to one.
        const { docs } = await req.payload.find({
          collection: collection as ContentCollection,
          where: { [value.path]: { in: visible } },
          pagination: false,
          depth: 0,
          overrideAccess: true,
          select: {},
          req,
        })
        conditions.push({ id: { not_in: [...docs.map((doc) => doc.id), nothing] } })
      }
      continue
    }
    const ids = idsOf(operand)
    if (ids.length === 0 && operand !== null && operand !== undefined && operand !== '') {
      guard.refusals.push({ path: guard.prefix + value.path, message: `${operator} expects ids` })
      continue
    }
    const visible = await visibleTitleIds(req, value.target, ids)
    const asVisible = ids.map((id) => (visible.has(String(id)) ? id : nothing))
    const list = Array.isArray(operand) || ['in', 'not_in'].includes(operator)
    // `contains` means "holds this title"; on a single relationship or a join that is `equals`
    // (the PostgreSQL adapter would otherwise compare the integer id with LIKE and fail).
    const asked = operator === 'contains' && (!value.many || value.join) ? 'equals' : operator
    conditions.push({
      [value.path]: { [asked]: (list ? asVisible : (asVisible[0] ?? operand)) as Operand },
    })
  }
  return conditions.length === 1 ? conditions[0] : { and: conditions }
}

const guardWhere = async (guard: Guard, collection: string, where: Where): Promise<Where> => {
  const parts: Where[] = []
  const kept: Where = {}
  for (const [key, value] of Object.entries(where)) {
    if (isAndOr(key) && Array.isArray(value)) {
      kept[key] = await Promise.all(
        (value as Where[]).map((nested) => guardWhere(guard, collection, nested)),
      )
      continue
    }
    const resolved = resolvePublicPath(guard.req.payload.config, collection, key)
    const hop = await refusedHop(guard, resolved.hops)
    if (hop) {
      guard.refusals.push({ path: guard.prefix + key, message: hopMessage(hop) })
      continue
    }
    if (!isPlainObject(value)) {
      kept[key] = value
      continue
    }
    if (isPlainObject(value.contains) && resolved.link) {
      // `field: { contains: { ...where on the related collection } }` enters that collection.
      const refused = await refusedHop(guard, [resolved.link])
      if (refused) {
        guard.refusals.push({ path: guard.prefix + key, message: hopMessage(refused) })
        continue
      }
    }
    if (resolved.catalogValue) {
      parts.push(await rewriteCatalogValue(guard, collection, resolved.catalogValue, value))
      continue
    }
    kept[key] = value
  }
  if (parts.length === 0) return kept
  return Object.keys(kept).length === 0 && parts.length === 1
    ? parts[0]
    : { and: [...(Object.keys(kept).length > 0 ? [kept] : []), ...parts] }
}

const sortPaths = (sort: Sort | undefined): string[] =>
  (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [])
    .map((entry) => entry.trim().replace(/^-/, ''))
    .filter(Boolean)

const guardSort = async (
  guard: Guard,
  collection: string,
  sort: Sort | undefined,
  { anyHop = false } = {},
) => {
  for (const path of sortPaths(sort)) {
    const resolved = resolvePublicPath(guard.req.payload.config, collection, path)
    // Payload's SQL adapters cannot sort a join's documents through a relationship at all.
    const hop = anyHop ? resolved.hops[0] : await refusedHop(guard, resolved.hops)
    if (hop) guard.refusals.push({ path: guard.prefix + path, message: hopMessage(hop) })
    else if (resolved.catalogValue?.many) {
      guard.refusals.push({
        path: guard.prefix + path,
        message: 'Public reads cannot sort by the titles a relationship holds.',
      })
    }
  }
}

const joinTarget = (req: PayloadRequest, collection: string, joinPath: string) => {
  const segments = joinPath.split('.')
  let fields = fieldsOf(req.payload.config, collection)
  for (const segment of segments) {
    const field = fields.find((candidate) => candidate.name === segment)
    if (!field) return undefined
    if (field.type === 'join')
      return typeof field.collection === 'string' ? field.collection : undefined
    if (!('flattenedFields' in field)) return undefined
    fields = field.flattenedFields
  }
  return undefined
}

type JoinArgs = { where?: Where; sort?: Sort; limit?: number; page?: number; count?: boolean }

export type PublicQueryArgs = {
  where?: Where
  sort?: Sort
  joins?: Record<string, JoinArgs | false> | false
  field?: string
}

/**
 * What a public read may ask: paths through relationships and joins into catalog titles (or
 * into anything that leads to them) are refused with 400 naming the path, and conditions on
 * the ids a catalog relationship holds only ever match titles the reader can see. Applies to
 * `where` and `sort`, to every `joins[x][where]` / `joins[x][sort]`, and to a distinct `field`.
 */
export const guardPublicQuery = async <Args extends PublicQueryArgs>(
  req: PayloadRequest,
  collection: string,
  args: Args,
): Promise<Args> => {
  const guard: Guard = { req, refusals: [], prefix: '' }
  const guarded: Args = { ...args }
  if (args.where) guarded.where = await guardWhere(guard, collection, args.where)
  await guardSort(guard, collection, args.sort)
  if (args.field) {
    const resolved = resolvePublicPath(req.payload.config, collection, args.field)
    const hop = await refusedHop(guard, resolved.hops)
    if (hop) guard.refusals.push({ path: args.field, message: hopMessage(hop) })
    else if (resolved.catalogValue?.many) {
      guard.refusals.push({
        path: args.field,
        message: 'Distinct values of a relationship to titles are not public.',
      })
    }
  }
  if (args.joins) {
    const joins: Record<string, JoinArgs | false> = { ...args.joins }
    for (const [joinPath, query] of Object.entries(args.joins)) {
      if (!query || typeof query !== 'object') continue
      const target = joinTarget(req, collection, joinPath)
      if (!target) continue
      const guardedJoin = { ...query }
      const inJoin = (part: string): Guard => ({ ...guard, prefix: `joins.${joinPath}.${part}.` })
      if (query.where) guardedJoin.where = await guardWhere(inJoin('where'), target, query.where)
      await guardSort(inJoin('sort'), target, query.sort, { anyHop: true })
      joins[joinPath] = guardedJoin
    }
    guarded.joins = joins
  }
  if (guard.refusals.length > 0) {
    throw new APIError(
      guard.refusals.map((refusal) => `${refusal.path}: ${refusal.message}`).join(' '),
      400,
      { errors: guard.refusals },
      true,
    )
  }
  return guarded
}
