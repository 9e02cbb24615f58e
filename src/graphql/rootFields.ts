import { APIError, type GraphQLExtension } from 'payload'

type Resolver = (source: unknown, args: unknown, context: object, info: unknown) => unknown
type RootField = { resolve?: Resolver }

/**
 * The last root field started in each GraphQL request. Keyed by the context's `headers` object:
 * Payload hands each custom root field a copy of the context, but the same `headers`.
 */
const lastRootField = new WeakMap<object, Promise<unknown>>()
const startedAt = new WeakMap<object, number>()

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * graphql-js starts every root field of a query at once. With SQLite, which answers
 * synchronously, ten aliases then run as one block of work that holds the event loop (and
 * `/readyz`) until all are done. Run them one after another, each on a fresh turn of the event
 * loop, so other requests are served in between.
 */
const oneAtATime =
  (resolve: Resolver, timeoutMs: number): Resolver =>
  (source, args, context, info) => {
    const request = (context as { headers?: object }).headers ?? context
    if (!startedAt.has(request)) startedAt.set(request, Date.now())
    const previous = lastRootField.get(request) ?? Promise.resolve()
    const run = previous
      .catch(() => undefined)
      .then(nextTurn)
      .then(() => {
        // Past the deadline, the fields still waiting are not started.
        if (Date.now() - (startedAt.get(request) ?? 0) > timeoutMs) {
          throw new APIError(`The query ran longer than ${timeoutMs} ms.`, 503, null, true)
        }
        return resolve(source, args, context, info)
      })
    lastRootField.set(request, run)
    return run
  }

/**
 * Payload's own root query fields (and ours), re-declared: one at a time per request (none started after
 * `timeoutMs`), and the `Access`
 * query answering `canAccessAdmin: false` instead of null (its type says `Boolean!`; Payload
 * leaves the flag out for a visitor who may not open the admin, and the query then failed with
 * "Cannot return null for non-nullable field").
 */
export const reelhouseRootQueries =
  ({
    timeoutMs,
    ownQueries = {},
  }: {
    timeoutMs: number
    /** Our own root queries, added to Payload's and run the same way. */
    ownQueries?: Record<string, object>
  }): GraphQLExtension =>
  (_graphQL, { Query }) => {
    const fields: Record<string, RootField> = {}
    const every: Record<string, RootField> = { ...Query.fields, ...ownQueries }
    for (const [name, field] of Object.entries(every)) {
      if (!field.resolve) continue
      const resolve = name === 'Access' ? withAdminFlag(field.resolve) : field.resolve
      fields[name] = { ...field, resolve: oneAtATime(resolve, timeoutMs) }
    }
    return fields
  }

const withAdminFlag =
  (resolve: Resolver): Resolver =>
  async (...args) => {
    const result = (await resolve(...args)) as Record<string, unknown>
    return { ...result, canAccessAdmin: result.canAccessAdmin === true }
  }
