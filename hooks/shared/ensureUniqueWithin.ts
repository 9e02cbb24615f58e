import { ValidationError, type CollectionBeforeChangeHook, type CollectionSlug } from 'payload'
import { idOf } from '../../src/rights/ids'

type UniqueWithinOptions = {
  collection: CollectionSlug
  /** The number that must be unique, e.g. `seasonNumber`. */
  field: string
  /** The parent relationship it is unique within, e.g. `series`. */
  within: string
  label: string
}

/**
 * Rejects a second document with the same number under the same parent (season 2 of a series,
 * episode 5 of a season) with a 400 naming the field. Runs for drafts too, which skip field
 * validation; the compound database index is the last line of defence against races.
 */
export const ensureUniqueWithin =
  ({ collection, field, within, label }: UniqueWithinOptions): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req, operation }) => {
    const number: unknown = data[field] ?? originalDoc?.[field]
    const parent = idOf(data[within] ?? originalDoc?.[within])
    if (typeof number !== 'number' || parent === undefined) return data

    const clash = await req.payload.find({
      collection,
      where: {
        and: [
          { [within]: { equals: parent } },
          { [field]: { equals: number } },
          ...(operation === 'update' && originalDoc?.id !== undefined
            ? [{ id: { not_equals: originalDoc.id } }]
            : []),
        ],
      },
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    if (clash.docs.length > 0) {
      throw new ValidationError({
        collection,
        errors: [{ path: field, message: `${label} ${number} already exists here.` }],
      })
    }
    return data
  }
