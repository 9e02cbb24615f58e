import type { Payload } from 'payload'

export type VariantBackfill = {
  /** Images read. */
  checked: number
  /** Images that had no renditions and have them now. */
  rendered: number
  /** Images without renditions whose file is not on disk (left as they are). */
  missingFile: number
}

/**
 * Gives every image that has no renditions yet (uploaded before images had purposes) the ones
 * its purpose needs: saving an image without renditions renders them (hooks/images/
 * renderPurposeVariants.ts). Images that have renditions are not touched; running it again
 * renders nothing.
 */
export const renderMissingVariants = async (
  payload: Payload,
  { batchSize = 50 }: { batchSize?: number } = {},
): Promise<VariantBackfill> => {
  const result: VariantBackfill = { checked: 0, rendered: 0, missingFile: 0 }
  for (let page = 1; ; page += 1) {
    const { docs, hasNextPage } = await payload.find({
      collection: 'images',
      sort: 'id',
      page,
      limit: batchSize,
      depth: 0,
      overrideAccess: true,
      select: { filename: true, variants: true },
    })
    for (const doc of docs) {
      result.checked += 1
      if (!doc.filename || (doc.variants?.length ?? 0) > 0) continue
      const saved = await payload.update({
        collection: 'images',
        id: doc.id,
        data: {},
        depth: 0,
        overrideAccess: true,
      })
      if ((saved.variants?.length ?? 0) > 0) result.rendered += 1
      else result.missingFile += 1
    }
    if (!hasNextPage) return result
  }
}
