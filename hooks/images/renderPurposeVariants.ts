import fs from 'node:fs'

import type { CollectionBeforeChangeHook } from 'payload'

import { fileInside } from '../../src/media/fileFingerprint'
import { renderVariants } from '../../src/media/renderVariants'
import { defaultImagePurpose } from '../../src/media/variantPlan'
import type { Image } from '../../src/payload-types'

type UploadedFile = { data?: Buffer; tempFilePath?: string }

/** The bytes of this request's upload: in memory, or spooled to a temp file. */
const uploadedSource = (file: UploadedFile | undefined): Buffer | string | undefined => {
  if (file?.data && file.data.length > 0) return file.data
  if (file?.tempFilePath && fs.existsSync(file.tempFilePath)) return file.tempFilePath
  return undefined
}

/**
 * Renders the renditions the image's purpose needs (src/media/variantPlan.ts) and records them
 * in `variants`: on a new file, a new purpose or a new focal point, and for an image that has
 * none yet. Otherwise the stored ones stay (a client cannot write its own).
 */
export const renderPurposeVariants: CollectionBeforeChangeHook<Image> = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const staticDir = collection.upload ? collection.upload.staticDir : undefined
  const filename = data.filename ?? originalDoc?.filename
  data.variants = originalDoc?.variants ?? []
  if (!staticDir || !filename) return data
  const purpose = data.purpose ?? originalDoc?.purpose ?? defaultImagePurpose
  const focal = {
    x: data.focalX ?? originalDoc?.focalX ?? 50,
    y: data.focalY ?? originalDoc?.focalY ?? 50,
  }
  const upload = uploadedSource(req.file)
  const unchanged =
    !upload &&
    filename === originalDoc?.filename &&
    purpose === originalDoc?.purpose &&
    focal.x === (originalDoc?.focalX ?? 50) &&
    focal.y === (originalDoc?.focalY ?? 50) &&
    (originalDoc?.variants?.length ?? 0) > 0
  if (unchanged) return data
  const source = upload ?? fileInside(staticDir, filename)
  if (!source) return data
  data.variants = await renderVariants({ source, purpose, filename, focal, dir: staticDir })
  return data
}
