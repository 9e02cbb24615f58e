import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { contentRefFromKey } from '../../src/availability'
import type { Region } from '../../src/payload-types'
import { rematerializeAvailability } from '../../src/rights/materialize'
import { forgetRegions } from '../../src/rights/regions'

/**
 * A region's policy gate decides what shows there: when it changes, every title licensed in
 * that country is recomputed. Saved licences keep their countries and windows (as signed).
 */
export const refreshRegionPolicies: CollectionAfterChangeHook<Region> = async ({
  doc,
  previousDoc,
  req,
}) => {
  forgetRegions(req.payload)
  if (Boolean(doc.requiresApprovalNumber) === Boolean(previousDoc?.requiresApprovalNumber)) {
    return doc
  }
  const { docs } = await req.payload.find({
    collection: 'licences',
    where: { countries: { in: [doc.code] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { contentKeys: true },
    req,
  })
  const titles = [...new Set(docs.flatMap((licence) => licence.contentKeys ?? []))]
  await rematerializeAvailability(req.payload, titles.map(contentRefFromKey), req)
  return doc
}

export const forgetDeletedRegion: CollectionAfterDeleteHook<Region> = ({ doc, req }) => {
  forgetRegions(req.payload)
  return doc
}
