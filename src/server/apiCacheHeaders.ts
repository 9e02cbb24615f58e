import type { RequestHandler } from 'express'
import onHeaders from 'on-headers'

export type ApiCacheHeaderOptions = {
  /** Payload's REST and GraphQL prefix (`/api`). */
  apiRoute: string
  /** The header public catalog answers depend on (VIEWER_TERRITORY_HEADER). */
  territoryHeader: string
  /** Whether CORS is on: then every API answer depends on the request's Origin. */
  corsEnabled: boolean
}

/** Files are the same for every viewer and origin (`/api/<upload collection>/file/<name>`). */
const isFileRoute = (path: string, apiRoute: string) =>
  new RegExp(`^${apiRoute}/[^/]+/file/`).test(path)

/**
 * Caching headers for every API answer, whatever produced it (Payload's REST handler, its
 * GraphQL route, our endpoints, Next's 404), set right before the headers are written:
 * - `Vary` names the territory header (public catalog answers differ per territory) and
 *   `Origin` when CORS is on; compression adds `Accept-Encoding` itself. Existing values stay.
 * - `Cache-Control`: 4xx and 5xx answers are `no-store`; an answer that set none (staff reads,
 *   people, genres, auth) is `private, no-store`. Only what chose to be cacheable (public
 *   catalog reads, image files) is.
 */
export const apiCacheHeaders = ({
  apiRoute,
  territoryHeader,
  corsEnabled,
}: ApiCacheHeaderOptions): RequestHandler => {
  return (req, res, next) => {
    const path = req.path
    if (path !== apiRoute && !path.startsWith(`${apiRoute}/`)) return next()
    const file = isFileRoute(path, apiRoute)
    onHeaders(res, function applyCacheHeaders() {
      if (!file) this.vary(territoryHeader)
      if (corsEnabled) this.vary('Origin')
      if (this.statusCode >= 400) this.setHeader('Cache-Control', 'no-store')
      else if (!this.getHeader('Cache-Control'))
        this.setHeader('Cache-Control', 'private, no-store')
    })
    next()
  }
}
