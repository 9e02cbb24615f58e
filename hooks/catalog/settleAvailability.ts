import type { CollectionAfterReadHook } from 'payload'

import { nullableGroupValue } from '../../src/fields/nullableGroup'

/**
 * `availability` is a virtual group, which Payload fills with an empty object on every read.
 * Over REST and GraphQL it is null unless the public read's summary (summariseAvailability,
 * after the operation) fills it, and stays absent where `select` left it out. Local API reads
 * keep the empty object (src/fields/nullableGroup.ts says why).
 */
export const settleAvailability: CollectionAfterReadHook = ({ doc, req }) => {
  if (doc && typeof doc === 'object' && 'availability' in doc) {
    doc.availability = nullableGroupValue(req.payloadAPI, doc.availability, null)
  }
  return doc
}
