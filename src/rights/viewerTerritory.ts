import { APIError, type PayloadRequest } from 'payload'

import type { Environment } from '../config/environment'
import { loadRegions } from './regions'

/** The header a CDN or frontend sets; configurable so a CDN's geo header can be used. */
export const viewerTerritoryHeader = (env: Environment = process.env): string =>
  (env.VIEWER_TERRITORY_HEADER ?? 'x-viewer-territory').toLowerCase()

type Resolved = { territory?: string; at?: string }

/** What one request resolved, so nested reads in it agree (and regions are looked up once). */
const resolvedByRequest = new WeakMap<object, Resolved>()

const resolvedFor = (req: PayloadRequest): Resolved => {
  let resolved = resolvedByRequest.get(req)
  if (!resolved) {
    resolved = {}
    resolvedByRequest.set(req, resolved)
  }
  return resolved
}

export type ViewerContext = {
  /** Local API callers (staff previews, tests) may name the territory and instant directly. */
  viewerTerritory?: string
  availabilityAt?: string
}

const requestedTerritory = (req: PayloadRequest): string | undefined => {
  const context = req.context as ViewerContext | undefined
  const fromHeader = req.headers?.get?.(viewerTerritoryHeader())
  const fromQuery =
    req.searchParams?.get?.('territory') ??
    (typeof req.query?.territory === 'string' ? req.query.territory : undefined)
  const value = context?.viewerTerritory ?? fromHeader ?? fromQuery ?? undefined
  return value?.trim().toUpperCase() || undefined
}

/**
 * The viewer's country, or null when the request names none we know. Access control uses
 * this: it must not throw, because the admin also evaluates access to compute permissions.
 */
export const knownViewerTerritory = async (req: PayloadRequest): Promise<string | null> => {
  try {
    return await viewerTerritoryOf(req)
  } catch (error) {
    if (error instanceof APIError && error.status === 400) return null
    throw error
  }
}

/**
 * The viewer's country for a public read. Without one, or with one we do not know, the
 * request fails with 400: the unfiltered catalog is never the fallback.
 */
export const viewerTerritoryOf = async (req: PayloadRequest): Promise<string> => {
  const resolved = resolvedFor(req)
  if (resolved.territory) return resolved.territory
  const territory = requestedTerritory(req)
  const header = viewerTerritoryHeader()
  if (!territory) {
    throw new APIError(
      `Public catalog reads need the viewer's territory: send the ${header} header or a ` +
        '`territory` query parameter with an ISO 3166-1 alpha-2 code (e.g. DE).',
      400,
      [{ path: 'territory', message: 'missing' }],
      true,
    )
  }
  const regions = await loadRegions(req.payload)
  const region = regions.find((candidate) => candidate.code === territory)
  if (!region || region.kind !== 'country') {
    throw new APIError(
      `Unknown territory "${territory}": use an ISO 3166-1 alpha-2 country code (e.g. DE).`,
      400,
      [{ path: 'territory', message: 'unknown' }],
      true,
    )
  }
  resolved.territory = territory
  return territory
}

/** The instant a public read is answered for: now, or a staff preview instant. */
export const availabilityInstantOf = (req: PayloadRequest): string => {
  const resolved = resolvedFor(req)
  if (resolved.at) return resolved.at
  const requested = (req.context as ViewerContext | undefined)?.availabilityAt
  const at = requested ? new Date(requested) : new Date()
  if (Number.isNaN(at.getTime())) throw new APIError('availabilityAt is not an instant', 400)
  resolved.at = at.toISOString()
  return resolved.at
}
