import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { contentRefFromKey } from '../../src/availability'
import type { Licence } from '../../src/payload-types'
import { isBookkeepingSave, isDeferredRefresh } from '../../src/rights/conflicts'
import { titleKeysNamedBy } from '../../src/rights/licenceRecords'
import { rematerializeAvailability } from '../../src/rights/materialize'

const titlesNamedBy = (...licences: (Partial<Licence> | undefined)[]) =>
  titleKeysNamedBy(...licences).map(contentRefFromKey)

/** A licence changed: the titles it names (now or before) are available at other times. */
export const refreshLicenceAvailability: CollectionAfterChangeHook<Licence> = async ({
  doc,
  previousDoc,
  req,
  context,
}) => {
  // Recording conflicts saves licences again; that save changes neither rights nor conflicts.
  if (isBookkeepingSave(context, doc.id) || isDeferredRefresh(context)) return doc
  await rematerializeAvailability(req.payload, titlesNamedBy(doc, previousDoc), req)
  return doc
}

export const refreshAvailabilityAfterLicenceDelete: CollectionAfterDeleteHook<Licence> = async ({
  doc,
  req,
  context,
}) => {
  if (isDeferredRefresh(context)) return doc
  await rematerializeAvailability(req.payload, titlesNamedBy(doc), req)
  return doc
}
