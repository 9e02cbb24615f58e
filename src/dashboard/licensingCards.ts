import type { PayloadRequest } from 'payload'

import { loadRightsReports } from '../rights/rightsReports'
import {
  type CardTag,
  cardFromReport,
  cardItemLimit,
  type DashboardCard,
  plainInstant,
} from './cards'

const importTags: readonly CardTag[] = ['dryRun', 'applied', 'failed']

/**
 * The licensing desk's cards: windows ending soon, conflicts, rights gaps (from the rights
 * reports) and the newest avails imports.
 */
export const loadLicensingCards = async (
  req: PayloadRequest,
  days: number,
): Promise<DashboardCard[]> => {
  const { reports } = await loadRightsReports(req, { days })
  const imports = await req.payload.find({
    collection: 'avails-imports',
    sort: '-createdAt',
    limit: cardItemLimit,
    depth: 0,
    overrideAccess: true,
    select: { fileName: true, status: true, createdAt: true },
    req,
  })
  return [
    cardFromReport(
      'endingSoon',
      reports.endingSoon,
      `/admin/rights?days=${days}#endingSoon`,
      'end',
    ),
    cardFromReport('conflicts', reports.conflicts, '/admin/rights#conflicts', 'overlapStart'),
    cardFromReport('gaps', reports.gaps, '/admin/rights#gaps'),
    {
      kind: 'imports',
      count: imports.totalDocs,
      href: '/admin/collections/avails-imports',
      items: imports.docs.map((doc) => ({
        key: String(doc.id),
        label: doc.fileName,
        href: `/admin/collections/avails-imports/${doc.id}`,
        instant: plainInstant(doc.createdAt),
        tag: importTags.find((tag) => tag === doc.status) ?? null,
      })),
    },
  ]
}
