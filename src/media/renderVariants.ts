import fs from 'node:fs'
import path from 'node:path'

import sharp, { type Sharp } from 'sharp'

import {
  coverCrop,
  planVariants,
  variantFilename,
  variantMimeTypes,
  type ImagePurpose,
  type VariantFormat,
} from './variantPlan'

/** What is stored per rendition; its URL is derived on read (content-addressed, like the file's). */
export type StoredVariant = {
  filename: string
  width: number
  height: number
  format: VariantFormat
  mimeType: string
  filesize: number
}

/** Whether this sharp can write AVIF (libheif with the AV1 encoder). */
export const canEncodeAvif = (): boolean => {
  const heif = sharp.format.heif
  return Boolean(heif?.output.buffer && (heif.output.alias ?? []).includes('avif'))
}

// AVIF at a low effort: several times faster to encode, a little larger than effort 4.
const encoders: Record<VariantFormat, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif({ quality: 55, effort: 2 }),
  webp: (image) => image.webp({ quality: 82 }),
}

export type RenderVariantsInput = {
  source: Buffer | string
  purpose: ImagePurpose
  /** The stored original's file name; renditions are named after it. */
  filename: string
  /** Percent of the source; centre when unset. */
  focal: { x: number; y: number }
  dir: string
}

/** Renders the plan for the purpose into `dir` and describes each file written. */
export const renderVariants = async ({
  source,
  purpose,
  filename,
  focal,
  dir,
}: RenderVariantsInput): Promise<StoredVariant[]> => {
  // Orientation from EXIF first: the plan is about the pixels as shown.
  const upright = await sharp(source).rotate().toBuffer({ resolveWithObject: true })
  const { width, height } = upright.info
  const plan = planVariants({ purpose, width, height, avif: canEncodeAvif() })
  await fs.promises.mkdir(dir, { recursive: true })
  const stored: StoredVariant[] = []
  for (const variant of plan) {
    const { scaled, left, top } = coverCrop({ width, height }, variant, focal)
    const image = sharp(upright.data)
      .resize(scaled.width, scaled.height, { fit: 'fill' })
      .extract({ left, top, width: variant.width, height: variant.height })
    const data = await encoders[variant.format](image).toBuffer()
    const name = variantFilename(filename, variant)
    await fs.promises.writeFile(path.join(dir, name), data)
    stored.push({
      filename: name,
      width: variant.width,
      height: variant.height,
      format: variant.format,
      mimeType: variantMimeTypes[variant.format],
      filesize: data.length,
    })
  }
  return stored
}
