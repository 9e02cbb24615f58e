import type { Endpoint } from 'payload'

import {
  allContentCollections,
  allLicenceTypes,
  allVideoFormats,
  type LicenceType,
  type VideoFormat,
} from '../availability'
import { availabilityMatrix } from '../rights/availabilityMatrix'
import { isCatalogCollection } from '../rights/catalogGraph'
import { launchTerritories } from '../rights/launchTerritories'
import { loadRegions } from '../rights/regions'
import { answer, noStore, refuseUnlessLicensing } from './availsImports'

const matrixMaxLimit = 100
const matrixDefaultLimit = 25
const matrixMaxTerritories = 40

const isLicenceType = (text: string): text is LicenceType =>
  (allLicenceTypes as readonly string[]).includes(text)
const isVideoFormat = (text: string): text is VideoFormat =>
  (allVideoFormats as readonly string[]).includes(text)

const positiveInteger = (text: string | null): number | null => {
  if (text === null) return null
  return /^\d{1,9}$/.test(text.trim()) && Number(text) > 0 ? Number(text) : Number.NaN
}

/**
 * GET /api/availability/matrix?at=<ISO>&territories=DE,US&licenceType=svod&format=hd
 * &collection=films&q=hafen&page=1&limit=25: a page of titles by name with their state in each
 * territory (default: the launch territories), for licensing staff and admins.
 */
export const availabilityMatrixEndpoint: Endpoint = {
  path: '/availability/matrix',
  method: 'get',
  handler: async (req) => {
    const refused = refuseUnlessLicensing(req, 'read the availability matrix')
    if (refused) return refused
    const params = req.searchParams
    const atText = params.get('at')
    const at = atText === null ? new Date() : new Date(atText)
    if (Number.isNaN(at.getTime())) {
      return answer(400, 'at', `${atText || 'an empty value'} is not an ISO 8601 instant`)
    }
    const collection = (params.get('collection') ?? 'films').trim()
    if (!isCatalogCollection(collection)) {
      return answer(400, 'collection', `${collection} is not ${allContentCollections.join(', ')}`)
    }
    const licenceType = params.get('licenceType')?.trim().toLowerCase()
    if (licenceType !== undefined && !isLicenceType(licenceType)) {
      return answer(
        400,
        'licenceType',
        `${licenceType || 'an empty value'} is not a licence type (${allLicenceTypes.join(', ')})`,
      )
    }
    const format = params.get('format')?.trim().toLowerCase()
    if (format !== undefined && !isVideoFormat(format)) {
      return answer(
        400,
        'format',
        `${format || 'an empty value'} is not a format (${allVideoFormats.join(', ')})`,
      )
    }
    const page = positiveInteger(params.get('page')) ?? 1
    if (Number.isNaN(page)) return answer(400, 'page', 'page must be a positive integer')
    const limit = positiveInteger(params.get('limit')) ?? matrixDefaultLimit
    if (Number.isNaN(limit)) return answer(400, 'limit', 'limit must be a positive integer')

    const territoriesText = params.get('territories')
    const territories = [
      ...new Set(
        territoriesText === null
          ? launchTerritories()
          : territoriesText
              .split(',')
              .map((code) => code.trim().toUpperCase())
              .filter(Boolean),
      ),
    ]
    if (territories.length === 0) {
      return answer(400, 'territories', 'name at least one territory')
    }
    if (territories.length > matrixMaxTerritories) {
      return answer(400, 'territories', `name at most ${matrixMaxTerritories} territories`)
    }
    // The launch territories are configuration; territories a user adds must be countries.
    const regions = territoriesText === null ? [] : await loadRegions(req.payload, req)
    for (const territory of territoriesText === null ? [] : territories) {
      const region = regions.find((candidate) => candidate.code === territory)
      if (!region || region.kind !== 'country') {
        return answer(
          400,
          'territories',
          region
            ? `${territory} is a group: name countries`
            : `${territory} is not the code of a country region`,
        )
      }
    }
    const search = params.get('q')?.trim().slice(0, 200) || undefined

    const matrix = await availabilityMatrix(req, {
      at,
      territories,
      collection,
      licenceType,
      format,
      search,
      page,
      limit: Math.min(limit, matrixMaxLimit),
    })
    return Response.json(matrix, { headers: noStore })
  },
}
