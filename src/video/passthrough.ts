import { randomBytes } from 'node:crypto'

/**
 * What we write into a Mux passthrough: the document, and which ingest of it this is. The
 * nonce tells two uploads of one video apart, so duplicates of one create can be found (and
 * deleted) without touching the asset the video plays today.
 */
export interface VideoPassthrough {
  collection: string
  id: string
  nonce: string
}

const pattern = /^([a-z0-9-]+):([A-Za-z0-9-]+):([A-Za-z0-9_-]+)$/

export const passthroughFor = ({ collection, id, nonce }: VideoPassthrough): string =>
  `${collection}:${id}:${nonce}`

export const parsePassthrough = (value: string | null | undefined): VideoPassthrough | null => {
  const match = value ? pattern.exec(value) : null
  return match ? { collection: match[1], id: match[2], nonce: match[3] } : null
}

export const newIngestNonce = (): string => randomBytes(6).toString('base64url')
