import type { Payload, PayloadRequest } from 'payload'

import {
  type AvailsFormat,
  availsExportRows,
  type ExportFilter,
  type SkippedLicence,
  writeAvails,
} from '../avails'
import type { Licence as LicenceDoc } from '../payload-types'
import { importedLicenceOf, loadCatalogTitles } from './availsImport'
import { loadRegions } from './regions'

export type AvailsExportFile = {
  data: Uint8Array
  rows: number
  licences: number
  skipped: SkippedLicence[]
}

/**
 * The current grants (typed by staff or imported) as an EMA Avails file, optionally for one
 * territory and licence type. Rows come from the pure mapping in `src/avails/exportRows`.
 */
export const exportAvails = async (
  payload: Payload,
  filter: ExportFilter,
  format: AvailsFormat,
  req?: Partial<PayloadRequest>,
): Promise<AvailsExportFile> => {
  const [{ docs }, catalog, regions] = await Promise.all([
    // Through the adapter: no afterRead hooks (groupDrift would load the regions per licence).
    payload.db.find<LicenceDoc>({
      collection: 'licences',
      where: {
        kind: { equals: 'grant' },
        ...(filter.licenceType ? { licenceType: { equals: filter.licenceType } } : {}),
      },
      sort: 'id',
      limit: 0,
      pagination: false,
      req,
    }),
    loadCatalogTitles(payload, req),
    loadRegions(payload, req),
  ])
  const exported = availsExportRows(docs.map(importedLicenceOf), catalog, regions, filter)
  return {
    data: await writeAvails(exported.rows, format),
    rows: exported.rows.length,
    licences: new Set(exported.rows.map((row) => row.licenceId)).size,
    skipped: exported.skipped,
  }
}
