import type { CollectionAfterReadHook } from 'payload'

/**
 * `availability` is a virtual group, which Payload fills with an empty object on every read.
 * It is null unless the public read's summary (summariseAvailability, after the operation)
 * fills it, and stays absent where `select` left it out.
 */
export const settleAvailability: CollectionAfterReadHook = ({ doc }) => {
  if (doc && typeof doc === 'object' && 'availability' in doc) doc.availability = null
  return doc
}
