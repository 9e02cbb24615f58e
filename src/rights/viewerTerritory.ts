import { createHash, timingSafeEqual } from 'node:crypto'

import { APIError, type PayloadRequest } from 'payload'

import type { Environment } from '../config/environment'
import {
  strictViewerTerritoryPolicy,
  territorySecretHeader,
  viewerTerritoryPolicyFromEnv,
  type ViewerTerritoryPolicy,
} from '../config/viewerTerritoryPolicy'
import { isStaffUser, type RoleBearer } from '../roles'
import { loadRegions } from './regions'

/** The header a CDN or frontend sets; configurable so a CDN's geo header can be used. */
export const viewerTerritoryHeader = (env: Environment): string =>
  viewerTerritoryPolicyFromEnv(env).header

/** Where the config keeps the policy (`custom` is server-only: the secret never reaches a browser). */
export const viewerTerritoryPolicyKey = 'viewerTerritory'

const policyOf = (req: PayloadRequest): ViewerTerritoryPolicy =>
  (req.payload.config.custom?.[viewerTerritoryPolicyKey] as ViewerTerritoryPolicy | undefined) ??
  strictViewerTerritoryPolicy

type Resolved = { territory?: string; trusted?: boolean; at?: string }

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

const badTerritory = (message: string, reason: string) =>
  new APIError(message, 400, { errors: [{ path: 'territory', message: reason }] }, true)

const sameSecret = (given: string | null | undefined, expected: string): boolean => {
  if (!given) return false
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/** A territory the request names, and whether it may be trusted for playback. */
type Requested = { territory?: string; trusted: boolean }

/**
 * The public names its territory only through the header the edge sets (and, with a shared
 * secret configured, only next to that secret). `?territory=` is for staff, and for the public
 * only where ALLOW_TERRITORY_QUERY allows it (development); even then it is not trusted.
 */
const requestedTerritory = (req: PayloadRequest): Requested => {
  const normalised = (value: string | null | undefined) => value?.trim().toUpperCase() || undefined
  const fromContext = req.context?.viewerTerritory
  // Local API callers are our own server code.
  if (fromContext) return { territory: normalised(fromContext), trusted: true }

  const policy = policyOf(req)
  const staff = isStaffUser(req.user as RoleBearer)
  const fromHeader = req.headers?.get?.(policy.header)
  const fromQuery =
    req.searchParams?.get?.('territory') ??
    (typeof req.query?.territory === 'string' ? req.query.territory : undefined)
  const lenient = staff || policy.allowQuery

  if (fromQuery !== undefined && fromQuery !== null && !lenient) {
    throw badTerritory(
      `The \`territory\` query parameter is not accepted on public reads: the viewer's ` +
        `territory comes from the ${policy.header} header, which the CDN sets.`,
      `not accepted: use the ${policy.header} header`,
    )
  }
  const headerTrusted =
    Boolean(fromHeader) &&
    (policy.headerSecret === null ||
      sameSecret(req.headers.get(territorySecretHeader), policy.headerSecret))
  if (fromHeader && !headerTrusted && !lenient) {
    throw badTerritory(
      `The ${policy.header} header is accepted only from the CDN: this request did not come ` +
        'through it.',
      'not from the CDN',
    )
  }
  return { territory: normalised(fromHeader) ?? normalised(fromQuery), trusted: headerTrusted }
}

/** The response depends on the territory header: a shared cache must keep one per territory. */
const varyOnHeader = (req: PayloadRequest) => {
  const header = policyOf(req).header
  req.responseHeaders ??= new Headers()
  const vary = req.responseHeaders.get('Vary') ?? ''
  const listed = vary.split(',').map((name) => name.trim().toLowerCase())
  if (!listed.includes(header) && !listed.includes('*')) req.responseHeaders.append('Vary', header)
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
 * The viewer's country for a public read. Without one, with one we do not know, or named in a
 * way the policy refuses, the request fails with 400: the unfiltered catalog is never the
 * fallback.
 */
export const viewerTerritoryOf = async (req: PayloadRequest): Promise<string> => {
  const resolved = resolvedFor(req)
  if (resolved.territory) return resolved.territory
  const { territory, trusted } = requestedTerritory(req)
  const policy = policyOf(req)
  if (!territory) {
    throw badTerritory(
      `Public catalog reads need the viewer's territory: send the ${policy.header} header` +
        (policy.allowQuery ? ' or a `territory` query parameter' : '') +
        ' with an ISO 3166-1 alpha-2 code (e.g. DE).',
      'missing',
    )
  }
  const regions = await loadRegions(req.payload)
  const region = regions.find((candidate) => candidate.code === territory)
  if (!region || region.kind !== 'country') {
    throw badTerritory(
      `Unknown territory "${territory}": use an ISO 3166-1 alpha-2 country code (e.g. DE).`,
      'unknown',
    )
  }
  if (!req.context?.viewerTerritory) varyOnHeader(req)
  resolved.territory = territory
  resolved.trusted = trusted
  return territory
}

/**
 * The viewer's country when it may be trusted to sign playback for: it came from the edge's
 * header (or from our own server code). Null for a territory the client named itself (the
 * query parameter where allowed, or the header without the edge's secret): Mux cannot check
 * geography, so signed playback is our only geo gate.
 */
export const trustedViewerTerritoryOf = async (req: PayloadRequest): Promise<string | null> => {
  const territory = await knownViewerTerritory(req)
  return territory && resolvedFor(req).trusted ? territory : null
}

/** The instant a public read is answered for: now, or a staff preview instant. */
export const availabilityInstantOf = (req: PayloadRequest): string => {
  const resolved = resolvedFor(req)
  if (resolved.at) return resolved.at
  const requested = req.context?.availabilityAt
  const at = requested ? new Date(requested) : new Date()
  if (Number.isNaN(at.getTime())) throw new APIError('availabilityAt is not an instant', 400)
  resolved.at = at.toISOString()
  return resolved.at
}
