import type { PayloadRequest } from 'payload'

import { rowsInForce } from './rowsInForce'
import { availabilityInstantOf, trustedViewerTerritoryOf } from './viewerTerritory'

/**
 * Whether a public viewer may play a title here and now (or its trailer, while it is announced
 * as coming soon): only in a territory the edge vouched for. One the client named itself gets
 * the catalog (where allowed) but no playback, because Mux cannot check geography and the
 * tokens we sign are the only geo gate. The Mux plugin asks this (`playback.mayPlay`).
 */
export const mayPlayTitle = async (
  req: PayloadRequest,
  title: { collection: string; id: string; state: 'available' | 'announced' },
): Promise<boolean> => {
  try {
    const territory = await trustedViewerTerritoryOf(req)
    if (!territory) return false
    const at = availabilityInstantOf(req)
    const { totalDocs } = await req.payload.count({
      collection: 'availability-windows',
      where: {
        and: [
          { contentKey: { equals: `${title.collection}/${title.id}` } },
          ...rowsInForce(territory, at, '', title.state),
        ],
      },
      overrideAccess: true,
      req,
    })
    return totalDocs > 0
  } catch {
    return false
  }
}
