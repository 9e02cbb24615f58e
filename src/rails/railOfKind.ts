import type { PayloadRequest } from 'payload'

import { publicMaxLimitOf } from '../api/limits'
import { stricterCacheControl } from '../http/publicCacheControl'
import type { AutomaticRail } from '../payload-types'
import { cacheControlFor } from '../rights/summary'
import { isStaffUser, type RoleBearer } from '../roles'
import { automaticRail, viewerOf } from './railItems'
import { isRailProblem, parseRailSpec, type RailProblem } from './railKinds'

/** An automatic rail as asked for: REST gives text, GraphQL numbers; absent is null or undefined. */
export type RailOfKindInput = {
  kind: string
  days?: string | number | null
  limit?: string | number | null
  /** The locale asked for, checked against the configured ones (null: the request's default). */
  locale?: string | null
}

export type RailOfKindAnswer =
  { rail: AutomaticRail } | { problem: RailProblem } | { missingGenre: string }

const textOf = (value: string | number | null | undefined) =>
  value === null || value === undefined ? value : String(value)

/**
 * An automatic rail for the viewer (`new`, `leaving-soon`, `coming-soon`, `genre:<slug>`), as
 * REST (`GET /api/rails/:kind`) and GraphQL (`AutomaticRail`) both answer it, read through the
 * content API's viewer filter. Throws 400 naming `territory` as every public read does; bad
 * parameters and unknown genres are answers, for each API to report in its own shape.
 */
export const railOfKind = async (
  req: PayloadRequest,
  input: RailOfKindInput,
): Promise<RailOfKindAnswer> => {
  const spec = parseRailSpec(
    input.kind,
    { days: textOf(input.days), limit: textOf(input.limit) },
    publicMaxLimitOf(req.payload.config),
  )
  if (isRailProblem(spec)) return { problem: spec }
  const codes = req.payload.config.localization ? req.payload.config.localization.localeCodes : []
  if (input.locale !== null && input.locale !== undefined && !codes.includes(input.locale)) {
    return { problem: { field: 'locale', reason: `unknown locale "${input.locale}"` } }
  }
  // 400 naming `territory` when it is missing, unknown or named in a way the policy refuses.
  const { territory, at } = await viewerOf(req)
  const answer = await automaticRail(req, spec)
  if (!answer) return { missingGenre: input.kind.slice('genre:'.length) }
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
  return {
    rail: {
      kind: input.kind,
      territory,
      locale: req.locale ?? null,
      ...('days' in spec ? { days: spec.days } : {}),
      limit: spec.limit,
      items: answer.items,
    },
  }
}

/** The message REST and GraphQL give for a bad parameter. */
export const railProblemMessage = (problem: RailProblem) => `${problem.field} ${problem.reason}`

/** The message REST and GraphQL give for an unknown genre. */
export const missingGenreMessage = (slug: string) => `No genre with the slug "${slug}".`
