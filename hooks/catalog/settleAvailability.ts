import type { CollectionAfterReadHook } from 'payload'

/**
 * `availability` is a virtual group, which Payload fills with an empty object on every read.
 * Over REST and GraphQL it is null unless the public read's summary (summariseAvailability,
 * after the operation) fills it, and stays absent where `select` left it out.
 */
export const settleAvailability: CollectionAfterReadHook = ({ doc, req }) => {
  // Not for Local API reads (the admin builds its forms from them): Payload's default values
  // walk into a group whose value is null (typeof null is 'object') and throw.
  if (req.payloadAPI === 'local') return doc
  if (doc && typeof doc === 'object' && 'availability' in doc) doc.availability = null
  return doc
}
