/**
 * Which renditions an image gets, by what it is for: a poster is rendered at poster widths
 * only, never also as a 1920x1080 backdrop. Pure: the widths are for `srcset`, each in WebP and,
 * where the installed sharp can encode it, AVIF.
 */

export const imagePurposes = ['poster', 'backdrop', 'still', 'logo'] as const
export type ImagePurpose = (typeof imagePurposes)[number]

export const defaultImagePurpose: ImagePurpose = 'poster'

export const variantFormats = ['avif', 'webp'] as const
export type VariantFormat = (typeof variantFormats)[number]

export const variantMimeTypes: Record<VariantFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
}

type PurposeShape = {
  /** Width over height of every rendition (cropped around the focal point); null: the image's own. */
  aspect: number | null
  /** Widths for `srcset`, smallest first. */
  widths: readonly number[]
}

export const purposeShapes: Record<ImagePurpose, PurposeShape> = {
  // 2:3 key art: cards on phones up to large tiles on TVs.
  poster: { aspect: 2 / 3, widths: [240, 360, 480, 720] },
  // 16:9 hero images, up to full HD.
  backdrop: { aspect: 16 / 9, widths: [640, 960, 1280, 1920] },
  // 16:9 episode and scene stills, shown smaller than backdrops.
  still: { aspect: 16 / 9, widths: [320, 640, 960, 1280] },
  // Title treatments keep their own shape (and transparency).
  logo: { aspect: null, widths: [200, 400, 800] },
}

export type PlannedVariant = { width: number; height: number; format: VariantFormat }

export type VariantPlanInput = {
  purpose: ImagePurpose
  /** The source's pixels. */
  width: number
  height: number
  /** Whether AVIF can be encoded here (sharp built with it). */
  avif: boolean
}

/** The largest box of `aspect` inside the source. */
const largestBox = (width: number, height: number, aspect: number) =>
  width / height > aspect
    ? { width: Math.floor(height * aspect), height }
    : { width, height: Math.floor(width / aspect) }

/**
 * The renditions of one image: each width of its purpose the source can fill without
 * enlarging, or, for a source smaller than the smallest, one rendition as large as it allows.
 * Every size comes in each format (AVIF first: browsers take the first type they support).
 */
export const planVariants = ({
  purpose,
  width,
  height,
  avif,
}: VariantPlanInput): PlannedVariant[] => {
  if (!(width > 0 && height > 0)) return []
  const { aspect, widths } = purposeShapes[purpose]
  const shape = aspect ?? width / height
  const box = largestBox(width, height, shape)
  const fitting = widths.filter((candidate) => candidate <= box.width)
  const chosen = fitting.length > 0 ? fitting : [box.width]
  const sizes = chosen
    .map((variantWidth) => ({
      width: variantWidth,
      height: Math.max(1, Math.round(variantWidth / shape)),
    }))
    .filter(({ width: w, height: h }) => w > 0 && h <= height)
  const formats: VariantFormat[] = avif ? ['avif', 'webp'] : ['webp']
  return formats.flatMap((format) => sizes.map((size) => ({ ...size, format })))
}

/** A rendition's file name beside the original's: `key-art-720x1080.avif`. */
export const variantFilename = (original: string, variant: PlannedVariant): string => {
  const base = original.replace(/\.[^./]+$/, '')
  return `${base}-${variant.width}x${variant.height}.${variant.format}`
}

/**
 * Where to cut a `width` x `height` rendition from the source scaled to cover it, centred on
 * the focal point (percent of the source, 50/50 when unset) and kept inside the image.
 */
export const coverCrop = (
  source: { width: number; height: number },
  target: { width: number; height: number },
  focal: { x: number; y: number },
) => {
  const scale = Math.max(target.width / source.width, target.height / source.height)
  const scaled = {
    width: Math.max(target.width, Math.round(source.width * scale)),
    height: Math.max(target.height, Math.round(source.height * scale)),
  }
  const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max)
  return {
    scaled,
    left: clamp(
      Math.round((focal.x / 100) * scaled.width - target.width / 2),
      scaled.width - target.width,
    ),
    top: clamp(
      Math.round((focal.y / 100) * scaled.height - target.height / 2),
      scaled.height - target.height,
    ),
  }
}
