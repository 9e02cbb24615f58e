import type { Environment } from './environment'

/** The header that carries the edge's shared secret when `TERRITORY_HEADER_SECRET` is set. */
export const territorySecretHeader = 'x-territory-secret'

/** Where the public's territory may come from, read once from the environment. */
export type ViewerTerritoryPolicy = {
  /** Lower-case name of the header the CDN or edge sets (VIEWER_TERRITORY_HEADER). */
  header: string
  /** Whether the public may name a territory with `?territory=` (ALLOW_TERRITORY_QUERY). */
  allowQuery: boolean
  /** When set, the header is trusted only next to this secret in `x-territory-secret`. */
  headerSecret: string | null
}

/** What applies when no policy was configured: the header only, as in production. */
export const strictViewerTerritoryPolicy: ViewerTerritoryPolicy = {
  header: 'x-viewer-territory',
  allowQuery: false,
  headerSecret: null,
}

const booleanFrom = (name: string, value: string | undefined, fallback: boolean): boolean => {
  const text = value?.trim().toLowerCase()
  if (!text) return fallback
  if (text === 'true') return true
  if (text === 'false') return false
  throw new Error(`${name} must be "true" or "false", not "${value}"`)
}

export const viewerTerritoryPolicyFromEnv = (env: Environment): ViewerTerritoryPolicy => ({
  header: (env.VIEWER_TERRITORY_HEADER?.trim() || strictViewerTerritoryPolicy.header).toLowerCase(),
  allowQuery: booleanFrom(
    'ALLOW_TERRITORY_QUERY',
    env.ALLOW_TERRITORY_QUERY,
    env.NODE_ENV !== 'production',
  ),
  headerSecret: env.TERRITORY_HEADER_SECRET?.trim() || null,
})
