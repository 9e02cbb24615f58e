import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Licence } from '../../src/payload-types'
import {
  isBookkeepingSave,
  isDeferredRefresh,
  recordLicenceConflicts,
} from '../../src/rights/conflicts'
import { titleKeysNamedBy } from '../../src/rights/licenceRecords'

/** Conflicts never block a save; they are recorded on every licence involved. */
export const recordConflictsAfterChange: CollectionAfterChangeHook<Licence> = async ({
  doc,
  previousDoc,
  req,
  context,
}) => {
  // Recording conflicts saves licences again; that save changes neither rights nor conflicts.
  if (isBookkeepingSave(context, doc.id) || isDeferredRefresh(context)) return doc
  const recorded = await recordLicenceConflicts(
    req.payload,
    titleKeysNamedBy(doc, previousDoc),
    req,
  )
  return { ...doc, ...recorded.get(String(doc.id)) }
}

export const recordConflictsAfterDelete: CollectionAfterDeleteHook<Licence> = async ({
  doc,
  req,
  context,
}) => {
  if (isDeferredRefresh(context)) return doc
  await recordLicenceConflicts(req.payload, titleKeysNamedBy(doc), req)
  return doc
}
