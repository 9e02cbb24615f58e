import {
  NotFound,
  ValidationError,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type FlattenedField,
  type PayloadRequest,
  type Where,
} from 'payload'

import { validOperatorSet, type validOperators } from 'payload/shared'

import { isStaffUser, type RoleBearer } from '../roles'
import type { ApiLimits } from './limits'

type OperationArgs = {
  id?: unknown
  limit?: unknown
  depth?: unknown
  pagination?: unknown
  currentDepth?: unknown
  disableErrors?: unknown
  overrideAccess?: boolean
  where?: unknown
  sort?: unknown
  joins?: unknown
}

const badRequest = (path: string, message: string): ValidationError =>
  new ValidationError({ errors: [{ path, message }] })

const geoOperators = new Set(['near', 'within', 'intersects'])

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Numeric ids (the SQL adapters): anything but a positive integer names no document. */
const checkId = (req: PayloadRequest, args: OperationArgs) => {
  if (!('id' in args) || args.id === undefined || req.payload.db.defaultIDType !== 'number') return
  const id = typeof args.id === 'string' ? Number(args.id) : args.id
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    throw new NotFound(req.t)
  }
}

/** An unknown `locale` is refused instead of silently answered in the default language. */
const checkLocales = (req: PayloadRequest) => {
  const localization = req.payload.config.localization
  if (!localization || !req.searchParams) return
  const codes = localization.localeCodes
  const locale = req.searchParams.get('locale')
  if (locale !== null && !codes.includes(locale) && locale !== 'all' && locale !== '*') {
    throw badRequest('locale', `unknown locale "${locale}"; use one of ${codes.join(', ')} or all`)
  }
  for (const name of ['fallback-locale', 'fallbackLocale']) {
    const fallback = req.searchParams.get(name)
    if (
      fallback !== null &&
      !codes.includes(fallback) &&
      !['none', 'false', 'null'].includes(fallback)
    ) {
      throw badRequest(name, `unknown locale "${fallback}"; use one of ${codes.join(', ')} or none`)
    }
  }
}

const fieldNamed = (fields: FlattenedField[], name: string): FlattenedField | undefined =>
  fields.find((field) => field.name === name)

type ResolvedPath = { field: FlattenedField } | { id: true } | null

/** The fields a query path can go on into after this one: a group's, or a relationship's target's. */
const innerFields = (req: PayloadRequest, field: FlattenedField): FlattenedField[] | undefined => {
  if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) {
    return field.flattenedFields
  }
  if (
    (field.type === 'relationship' || field.type === 'upload') &&
    typeof field.relationTo === 'string'
  ) {
    return req.payload.collections[field.relationTo as CollectionSlug]?.config.flattenedFields ?? []
  }
  return undefined
}

type PathStep = { segment: string; field: FlattenedField | undefined }

/**
 * A dotted query path walked through groups and single-collection relationships: each segment
 * with the field it names (undefined where the schema does not know it, or the path cannot go
 * on from the field before).
 */
const stepsOf = (
  req: PayloadRequest,
  fields: FlattenedField[],
  segments: readonly string[],
): PathStep[] => {
  const steps: PathStep[] = []
  let current: FlattenedField[] | undefined = fields
  for (const segment of segments) {
    const field: FlattenedField | undefined = current ? fieldNamed(current, segment) : undefined
    steps.push({ segment, field })
    current = field ? innerFields(req, field) : undefined
  }
  return steps
}

/** The field a dotted query path ends on, through groups and single-collection relationships. */
const resolvePath = (req: PayloadRequest, fields: FlattenedField[], path: string): ResolvedPath => {
  const steps = stepsOf(req, fields, path.split('.'))
  const last = steps[steps.length - 1]
  const before = steps.slice(0, -1)
  if (before.some((step) => !step.field)) return null
  if (last.segment === 'id') {
    const owner = before[before.length - 1]?.field
    return !owner || innerFields(req, owner) ? { id: true } : null
  }
  return last.field ? { field: last.field } : null
}

/**
 * The localised relationship or upload a path goes through into another collection
 * (`poster.createdAt`: one poster per market), if any. Payload's SQL adapters join that
 * field's locales table under an alias they never declare, so such a where or sort is a 500.
 */
const localisedHopOf = (
  req: PayloadRequest,
  fields: FlattenedField[],
  path: string,
): string | undefined => {
  if (req.payload.db.name === 'mongoose') return undefined
  // GraphQL's where paths join segments with __.
  const steps = stepsOf(req, fields, path.replace(/__/g, '.').split('.'))
  const hop = steps.findIndex(
    ({ field }, index) =>
      index < steps.length - 1 &&
      (field?.type === 'relationship' || field?.type === 'upload') &&
      field.localized === true,
  )
  if (hop < 0) return undefined
  const rest = steps.slice(hop + 1)
  if (rest.length === 1 && rest[0].segment === 'id') return undefined
  return steps
    .slice(0, hop + 1)
    .map((step) => step.segment)
    .join('.')
}

const localisedHopMessage = (hop: string) =>
  `cannot go through the localised field "${hop}" into another collection; filter on the ids ` +
  `it holds instead, e.g. where[${hop}][in]=<ids>`

const dateOperators = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])

/** A date compared with something that is not one (e.g. a blank) fails in the SQLite driver. */
const checkDateValue = (resolved: ResolvedPath, value: unknown, at: string) => {
  if (!resolved || !('field' in resolved) || resolved.field.type !== 'date') return
  const values = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(',')
      : [value]
  for (const entry of values) {
    if (entry === null || entry === undefined || entry === '' || entry === 'null') continue
    if (typeof entry === 'string' && !Number.isNaN(Date.parse(entry))) continue
    throw badRequest(at, `"${String(entry)}" is not a date`)
  }
}

const idOperators = new Set(['equals', 'not_equals', 'in', 'not_in', 'all'])

/** On numeric-id backends, an id compared with something that is not one fails in the driver. */
const checkIdValue = (req: PayloadRequest, resolved: ResolvedPath, value: unknown, at: string) => {
  if (req.payload.db.defaultIDType !== 'number' || !resolved) return
  const isId = 'id' in resolved || ['relationship', 'upload', 'join'].includes(resolved.field.type)
  if (!isId) return
  // Polymorphic relationships take { relationTo, value } pairs.
  if ('field' in resolved && Array.isArray((resolved.field as { relationTo?: unknown }).relationTo))
    return
  const values = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(',')
      : [value]
  for (const entry of values) {
    if (entry === null || entry === undefined || entry === '' || entry === 'null') continue
    const text = String(entry).trim()
    if (!/^\d{1,15}$/.test(text)) throw badRequest(at, `"${text}" is not an id`)
  }
}

/** `all` is only implemented for fields with many values; on any other it fails in the driver. */
const holdsMany = (resolved: ResolvedPath): boolean =>
  Boolean(
    resolved &&
    'field' in resolved &&
    (resolved.field.type === 'array' ||
      ('hasMany' in resolved.field && resolved.field.hasMany === true)),
  )

/** Operators the adapters do not implement for a field would otherwise surface as 500s. */
const checkWhere = (
  req: PayloadRequest,
  where: unknown,
  fields: FlattenedField[],
  at = 'where',
): void => {
  if (where === undefined || where === null) return
  if (!isRecord(where)) throw badRequest(at, 'must be an object of field paths and operators')
  for (const [key, condition] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      const list = Array.isArray(condition)
        ? condition
        : isRecord(condition)
          ? Object.values(condition)
          : null
      if (!list) throw badRequest(`${at}.${key}`, 'must be a list')
      list.forEach((inner, index) => checkWhere(req, inner, fields, `${at}.${key}.${index}`))
      continue
    }
    if (!isRecord(condition)) throw badRequest(`${at}.${key}`, 'needs an operator, e.g. equals')
    const hop = localisedHopOf(req, fields, key)
    if (hop) throw badRequest(`${at}.${key}`, localisedHopMessage(hop))
    const resolved = resolvePath(req, fields, key)
    for (const [operator, value] of Object.entries(condition)) {
      if (idOperators.has(operator)) checkIdValue(req, resolved, value, `${at}.${key}`)
      if (dateOperators.has(operator)) checkDateValue(resolved, value, `${at}.${key}`)
      if (!validOperatorSet.has(operator as (typeof validOperators)[number])) {
        throw badRequest(`${at}.${key}`, `unknown operator "${operator}"`)
      }
      if (operator === 'all' && !holdsMany(resolved)) {
        throw badRequest(`${at}.${key}`, '"all" applies to fields that hold many values only')
      }
      if (geoOperators.has(operator) && fieldNamed(fields, key)?.type !== 'point') {
        throw badRequest(`${at}.${key}`, `"${operator}" applies to point fields only`)
      }
    }
  }
}

const sortPaths = (sort: unknown): string[] =>
  (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [])
    .filter((entry): entry is string => typeof entry === 'string')
    .map((entry) => entry.trim().replace(/^-/, ''))
    .filter(Boolean)

const checkJoins = (
  req: PayloadRequest,
  joins: unknown,
  fields: FlattenedField[],
  limits: ApiLimits | null,
) => {
  if (joins === undefined || joins === false) return
  if (!isRecord(joins)) throw badRequest('joins', 'must name join fields')
  for (const [name, query] of Object.entries(joins)) {
    if (query === false || query === undefined) continue
    const field = fieldNamed(fields, name)
    if (!field || field.type !== 'join') throw badRequest(`joins.${name}`, 'no such join field')
    if (!isRecord(query)) throw badRequest(`joins.${name}`, 'must be false or a join query')
    if (limits) checkLimit(query.limit, limits.publicMaxLimit, `joins.${name}.limit`)
    const target = req.payload.collections[field.collection as CollectionSlug]?.config
    checkWhere(req, query.where, target?.flattenedFields ?? [], `joins.${name}.where`)
    // The SQL adapters build invalid SQL when a join is sorted by a localised field.
    if (req.payload.db.name === 'mongoose' || !target) continue
    for (const path of sortPaths(query.sort)) {
      const sorted = fieldNamed(target.flattenedFields, path.split('.')[0])
      if (sorted && 'localized' in sorted && sorted.localized) {
        throw badRequest(`joins.${name}.sort`, `cannot sort a join by the localised field ${path}`)
      }
    }
  }
}

const checkLimit = (limit: unknown, max: number, path: string) => {
  if (limit === undefined) return
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > max) {
    throw badRequest(path, `must be a whole number from 1 to ${max}`)
  }
}

/** What one public request may ask for: bounded pages, depth, and their product. */
const checkPublicSize = (req: PayloadRequest, args: OperationArgs, limits: ApiLimits) => {
  // GraphQL's join resolver reads its `limit` plus one document, unpaginated, to know whether
  // there is a next page: bounded, so allowed. Unbounded reads are not.
  const boundedGraphQLJoin =
    req.payloadAPI === 'GraphQL' &&
    args.pagination === false &&
    typeof args.limit === 'number' &&
    args.limit >= 1
  if (args.pagination === false && !boundedGraphQLJoin) {
    throw badRequest('pagination', 'must not be false')
  }
  checkLimit(args.limit, limits.publicMaxLimit + (boundedGraphQLJoin ? 1 : 0), 'limit')
  const depth = args.depth
  if (depth !== undefined) {
    if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 0) {
      throw badRequest('depth', 'must be a whole number from 0')
    }
    if (depth > limits.publicMaxDepth) {
      throw badRequest('depth', `must be at most ${limits.publicMaxDepth}`)
    }
  }
  const limit = typeof args.limit === 'number' ? args.limit : 10
  const levels = Math.max(1, typeof depth === 'number' ? depth : 2)
  if (limit * levels > limits.publicMaxLimitTimesDepth) {
    throw badRequest(
      'limit',
      `limit x depth must be at most ${limits.publicMaxLimitTimesDepth} (is ${limit * levels})`,
    )
  }
}

const isWhole = (value: unknown, min: number) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min

/** PostgreSQL refuses a fractional LIMIT or OFFSET with an error (a 500 before). */
const checkPaging = (args: OperationArgs & { page?: unknown }) => {
  if (args.page !== undefined && !isWhole(args.page, 1)) {
    throw badRequest('page', 'must be a whole number from 1')
  }
  if (args.limit !== undefined && !isWhole(args.limit, 0)) {
    throw badRequest('limit', 'must be a whole number from 0')
  }
  if (!isRecord(args.joins)) return
  for (const [name, query] of Object.entries(args.joins)) {
    if (!isRecord(query)) continue
    if (query.page !== undefined && !isWhole(query.page, 1)) {
      throw badRequest(`joins.${name}.page`, 'must be a whole number from 1')
    }
    if (query.limit !== undefined && !isWhole(query.limit, 0)) {
      throw badRequest(`joins.${name}.limit`, 'must be a whole number from 0')
    }
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

const readOperations = new Set(['read', 'count', 'readDistinct'])

/**
 * Refuses bad request input with a 400 (or a 404 for an id that cannot exist) before Payload's
 * operations hand it to the database adapters, where it would become a 500. Runs on every
 * collection's `beforeOperation`; internal reads (`overrideAccess`, population) are left alone.
 */
export const guardRequestInput =
  (limits: ApiLimits): CollectionBeforeOperationHook =>
  async ({ args, operation, req, collection }) => {
    // Lets other requests in between: SQLite answers synchronously, so a request made of many
    // operations (GraphQL aliases, population) would otherwise hold the event loop throughout.
    await yieldToEventLoop()
    const input = args as OperationArgs
    checkId(req, input)
    // Population: a find one level down in REST (`currentDepth`), or GraphQL's relationship
    // dataloader (`disableErrors`); neither can be set by a client.
    if (input.overrideAccess === true || input.currentDepth || input.disableErrors === true) {
      return args
    }
    checkLocales(req)
    if (!readOperations.has(operation)) return args
    const fields = collection.flattenedFields
    checkWhere(req, input.where as Where | undefined, fields)
    for (const path of sortPaths(input.sort)) {
      const hop = localisedHopOf(req, fields, path)
      if (hop) throw badRequest('sort', localisedHopMessage(hop))
    }
    // The size caps are for public requests over HTTP (REST, GraphQL), not Local API callers.
    const publicReader = !isStaffUser(req.user as RoleBearer) && req.payloadAPI !== 'local'
    checkJoins(req, input.joins, fields, publicReader ? limits : null)
    checkPaging(input)
    if (publicReader && operation === 'read') checkPublicSize(req, input, limits)
    return args
  }
