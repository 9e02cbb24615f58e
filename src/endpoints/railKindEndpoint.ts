import type { Endpoint, PayloadRequest } from 'payload'

import { publicMaxLimitOf } from '../api/limits'
import { stricterCacheControl } from '../http/publicCacheControl'
import { isRailProblem, parseRailSpec } from '../rails/railKinds'
import { automaticRail, viewerOf } from '../rails/railItems'
import { isStaffUser, type RoleBearer } from '../roles'
import { cacheControlFor } from '../rights/summary'

const badRequest = (field: string, message: string) =>
  Response.json(
    { errors: [{ message, data: { errors: [{ path: field, message }] } }] },
    { status: 400 },
  )

const unknownLocale = (req: PayloadRequest): string | null => {
  const locale = req.searchParams.get('locale')
  const codes = req.payload.config.localization ? req.payload.config.localization.localeCodes : []
  return locale !== null && !codes.includes(locale) ? locale : null
}

/**
 * GET /api/rails/:kind?territory=..&locale=..&limit=..&days=..
 * An automatic rail for the viewer: `new`, `leaving-soon`, `coming-soon` or `genre:<slug>`,
 * read through the content API's viewer filter (the territory as every public read takes it).
 * Numeric ids, `count` and `versions` stay Payload's own routes.
 */
export const railKindEndpoint: Endpoint = {
  path: '/:kind((?!count$|versions$)[a-z][a-z0-9:_-]*)',
  method: 'get',
  handler: async (req) => {
    const kind = String(req.routeParams?.kind ?? '')
    const spec = parseRailSpec(
      kind,
      { days: req.searchParams.get('days'), limit: req.searchParams.get('limit') },
      publicMaxLimitOf(req.payload.config),
    )
    if (isRailProblem(spec)) return badRequest(spec.field, `${spec.field} ${spec.reason}`)
    const locale = unknownLocale(req)
    if (locale !== null) return badRequest('locale', `unknown locale "${locale}"`)
    // 400 naming `territory` when it is missing, unknown or named in a way the policy refuses.
    const { territory, at } = await viewerOf(req)
    const answer = await automaticRail(req, spec)
    if (!answer) {
      return Response.json(
        { errors: [{ message: `No genre with the slug "${kind.slice('genre:'.length)}".` }] },
        { status: 404 },
      )
    }
    req.responseHeaders ??= new Headers()
    req.responseHeaders.set(
      'Cache-Control',
      isStaffUser(req.user as RoleBearer)
        ? 'private, no-store'
        : stricterCacheControl(
            req.responseHeaders.get('Cache-Control'),
            cacheControlFor(at, answer.changes),
          ),
    )
    return Response.json({
      kind,
      territory,
      locale: req.locale ?? null,
      ...('days' in spec ? { days: spec.days } : {}),
      limit: spec.limit,
      items: answer.items,
    })
  },
}
