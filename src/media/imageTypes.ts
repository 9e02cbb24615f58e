export const acceptedImageTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/gif',
  'image/tiff',
] as const

export const isAcceptedImageType = (mimeType: string): boolean =>
  (acceptedImageTypes as readonly string[]).includes(mimeType)
