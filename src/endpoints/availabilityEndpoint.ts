import type { Endpoint, PayloadRequest } from 'payload'

import {
  allLicenceTypes,
  allVideoFormats,
  type LicenceType,
  type VideoFormat,
} from '../availability'
import { isCatalogCollection } from '../rights/catalogGraph'
import { evaluateTitle } from '../rights/evaluateTitle'
import { loadRegions } from '../rights/regions'
import { storedAvailability } from '../rights/summary'
import { isStaffUser, type RoleBearer } from '../roles'

const badRequest = (field: string, message: string) =>
  Response.json(
    { errors: [{ message, data: { errors: [{ path: field, message }] } }] },
    { status: 400 },
  )

const param = (req: PayloadRequest, name: string) => req.searchParams.get(name)?.trim() || undefined

/**
 * GET /api/availability?content=films/12&territory=DE&at=<ISO>&licenceType=svod&format=hd
 * Staff only: the engine's answer with reason codes, for any instant.
 */
export const availabilityEndpoint: Endpoint = {
  path: '/availability',
  method: 'get',
  handler: async (req) => {
    if (!isStaffUser(req.user as RoleBearer)) {
      return Response.json(
        { errors: [{ message: 'Only staff (admin, editor, licensing) may ask this.' }] },
        { status: 403 },
      )
    }
    const content = param(req, 'content')
    const [collection, id, extra] = content?.split('/') ?? []
    if (!content || !collection || !id || extra !== undefined || !isCatalogCollection(collection)) {
      return badRequest(
        'content',
        'content must be <collection>/<id> with collection films, series, seasons or episodes',
      )
    }
    const territory = param(req, 'territory')?.toUpperCase()
    if (!territory) return badRequest('territory', 'territory is required, e.g. DE')
    const regions = await loadRegions(req.payload, req)
    if (!regions.some((region) => region.code === territory && region.kind === 'country')) {
      return badRequest('territory', `unknown territory ${territory}: use a country code`)
    }
    const atText = param(req, 'at')
    if (atText && !/(Z|[+-]\d{2}:?\d{2})$/.test(atText)) {
      return badRequest('at', 'at must be an ISO 8601 instant with an offset or Z')
    }
    const at = atText ? new Date(atText) : new Date()
    if (Number.isNaN(at.getTime())) return badRequest('at', `${atText} is not an instant`)
    const licenceType = param(req, 'licenceType')
    if (licenceType && !(allLicenceTypes as readonly string[]).includes(licenceType)) {
      return badRequest('licenceType', `licenceType must be one of ${allLicenceTypes.join(', ')}`)
    }
    const format = param(req, 'format')
    if (format && !(allVideoFormats as readonly string[]).includes(format)) {
      return badRequest('format', `format must be one of ${allVideoFormats.join(', ')}`)
    }

    const question = {
      node: { collection, id },
      territory,
      at,
      licenceType: licenceType as LicenceType | undefined,
      format: format as VideoFormat | undefined,
    }
    const answer = await evaluateTitle(req.payload, question, req)
    if (!answer) {
      return Response.json({ errors: [{ message: `${content} does not exist` }] }, { status: 404 })
    }
    const { available, reasons, validUntil, licences, announced } = answer
    // What the content API answers from its stored rows; a difference is a bug the audit repairs.
    const stored = await storedAvailability(req.payload, question, req)
    return Response.json(
      {
        available,
        reasons,
        validUntil,
        licences,
        announced,
        stored,
        consistent: stored.available === available,
      },
      { headers: { 'Cache-Control': 'private, no-store' } },
    )
  },
}
