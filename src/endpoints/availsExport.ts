import type { Endpoint } from 'payload'

import { allLicenceTypes, type LicenceType } from '../availability'
import type { AvailsFormat } from '../avails'
import { exportAvails } from '../rights/availsExport'
import { loadRegions } from '../rights/regions'
import { answer, noStore, refuseUnlessLicensing } from './availsImports'

const formats: Record<AvailsFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
}

const isFormat = (text: string): text is AvailsFormat => text in formats
const isLicenceType = (text: string): text is LicenceType =>
  (allLicenceTypes as readonly string[]).includes(text)

/**
 * GET /api/avails/export?territory=DE&licenceType=svod&format=xlsx|csv|xml: the current grants
 * as an EMA Avails file (see `src/avails/exportRows`), for licensing staff and admins.
 */
export const availsExportEndpoint: Endpoint = {
  path: '/avails/export',
  method: 'get',
  handler: async (req) => {
    const refused = refuseUnlessLicensing(req, 'export avails')
    if (refused) return refused
    const format = (req.searchParams.get('format') ?? 'xlsx').trim().toLowerCase()
    if (!isFormat(format)) return answer(400, 'format', `${format} is not xlsx, csv or xml`)
    const typeText = req.searchParams.get('licenceType')?.trim().toLowerCase()
    if (typeText !== undefined && !isLicenceType(typeText)) {
      return answer(
        400,
        'licenceType',
        `${typeText || 'an empty value'} is not a licence type (${allLicenceTypes.join(', ')})`,
      )
    }
    const territory = req.searchParams.get('territory')?.trim().toUpperCase()
    if (territory !== undefined) {
      const regions = await loadRegions(req.payload, req)
      const region = regions.find((candidate) => candidate.code === territory)
      if (!region || region.kind !== 'country') {
        return answer(
          400,
          'territory',
          region
            ? `${territory} is a group: name one country`
            : `${territory || 'an empty value'} is not the code of a country region`,
        )
      }
    }
    const file = await exportAvails(req.payload, { territory, licenceType: typeText }, format, req)
    const day = new Date().toISOString().slice(0, 10)
    const name = `avails-${territory ?? 'all'}${typeText ? `-${typeText}` : ''}-${day}.${format}`
    return new Response(Buffer.from(file.data), {
      status: 200,
      headers: {
        ...noStore,
        'Content-Type': formats[format],
        'Content-Disposition': `attachment; filename="${name}"`,
        'X-Avails-Rows': String(file.rows),
        'X-Avails-Licences': String(file.licences),
        'X-Avails-Skipped': String(file.skipped.length),
      },
    })
  },
}
