import type { Environment } from '../config/environment'

/** How much one public request may ask for; staff are bounded by Payload's own `maxDepth`. */
export type ApiLimits = {
  /** Largest `limit` (REST, GraphQL list arguments, join limits) for the public. */
  publicMaxLimit: number
  /** Largest `depth` for the public. */
  publicMaxDepth: number
  /** Largest `limit` x `depth` for the public (documents a page may populate). */
  publicMaxLimitTimesDepth: number
  /** GraphQL: largest cost of one operation (see README "GraphQL limits"). */
  graphQLMaxCost: number
  /** GraphQL: deepest selection. */
  graphQLMaxDepth: number
  /** GraphQL: most top-level fields (aliases included) in one operation. */
  graphQLMaxRootFields: number
  /** GraphQL: milliseconds after which the request is answered with 503. */
  graphQLTimeoutMs: number
}

/** Where the config keeps the limits (`custom`), for our own endpoints that page. */
export const apiLimitsKey = 'apiLimits'

/** The largest public page, as configured (PUBLIC_MAX_LIMIT). */
export const publicMaxLimitOf = (config: { custom?: Record<string, unknown> }): number =>
  (config.custom?.[apiLimitsKey] as ApiLimits | undefined)?.publicMaxLimit ?? 100

const positive = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value)
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback
}

export const apiLimitsFromEnv = (env: Environment = process.env): ApiLimits => ({
  publicMaxLimit: positive(env.PUBLIC_MAX_LIMIT, 100),
  publicMaxDepth: positive(env.PUBLIC_MAX_DEPTH, 3),
  publicMaxLimitTimesDepth: positive(env.PUBLIC_MAX_LIMIT_TIMES_DEPTH, 200),
  graphQLMaxCost: positive(env.GRAPHQL_MAX_COST, 1000),
  graphQLMaxDepth: positive(env.GRAPHQL_MAX_DEPTH, 8),
  graphQLMaxRootFields: positive(env.GRAPHQL_MAX_ROOT_FIELDS, 10),
  graphQLTimeoutMs: positive(env.GRAPHQL_TIMEOUT_MS, 10_000),
})
