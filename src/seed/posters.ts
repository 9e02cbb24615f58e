import type { Payload, PayloadRequest } from 'payload'
import sharp from 'sharp'

import type { Image } from '../payload-types'
import { backdropSvg, posterSvg, type Canvas, type PosterText } from './artworkSvg'
import { allLocales, everyLocale, type Localized } from './localized'

export type { PosterText }

/** 2:3, the shape of the `poster` image size. */
const posterCanvas: Canvas = { width: 1000, height: 1500 }
/** 16:9, the shape of the `backdrop` image size. */
const backdropCanvas: Canvas = { width: 1920, height: 1080 }

// Payload re-encodes every upload as WebP, so the PNG only needs to be quick to write.
const toPng = (svgText: string): Promise<Buffer> =>
  sharp(Buffer.from(svgText)).png({ compressionLevel: 1 }).toBuffer()

export const renderPoster = (text: PosterText): Promise<Buffer> =>
  toPng(posterSvg(text, posterCanvas))

export const renderBackdrop = (color: string): Promise<Buffer> =>
  toPng(backdropSvg(color, backdropCanvas))

export type ImageUpload = {
  data: Buffer
  /** A file name ending in .png. */
  name: string
  alt: Localized
  credit?: string
  /** What it is shown as: decides its renditions. */
  purpose: 'poster' | 'backdrop'
}

/**
 * Uploads a PNG to `images`; Payload stores it as WebP with the renditions of its purpose. Without
 * `req` the upload is its own operation and may run alongside others: the Local API keeps
 * the file on the request, so uploads sharing one request must run one at a time.
 */
export const uploadImage = async (
  payload: Payload,
  { data, name, alt, credit, purpose }: ImageUpload,
  req?: PayloadRequest,
): Promise<Image['id']> => {
  const image = await payload.create({
    collection: 'images',
    locale: everyLocale,
    data: { alt: allLocales(alt), credit, purpose },
    file: { data, mimetype: 'image/png', name, size: data.length },
    depth: 0,
    ...(req ? { req } : {}),
  })
  return image.id
}
