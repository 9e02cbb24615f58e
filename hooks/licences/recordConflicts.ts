import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Licence } from '../../src/payload-types'
import { recordLicenceConflicts } from '../../src/rights/conflicts'

const titleKeysOf = (...licences: (Partial<Licence> | undefined)[]) => [
  ...new Set(licences.flatMap((licence) => licence?.contentKeys ?? [])),
]

/** Conflicts never block a save; they are recorded on every licence involved. */
export const recordConflictsAfterChange: CollectionAfterChangeHook<Licence> = async ({
  doc,
  previousDoc,
  req,
  context,
}) => {
  // Recording conflicts saves licences again; that save changes neither rights nor conflicts.
  if (context.licenceBookkeepingOnly) return doc
  const recorded = await recordLicenceConflicts(req.payload, titleKeysOf(doc, previousDoc), req)
  return { ...doc, ...recorded.get(String(doc.id)) }
}

export const recordConflictsAfterDelete: CollectionAfterDeleteHook<Licence> = async ({
  doc,
  req,
}) => {
  await recordLicenceConflicts(req.payload, titleKeysOf(doc), req)
  return doc
}
