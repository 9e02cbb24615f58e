import { randomBytes } from 'node:crypto'

/**
 * What we write into a Mux passthrough: the document, and which ingest of it this is. The
 * nonce tells two uploads of one video apart, so duplicates of one create can be found (and
 * deleted) without touching the asset the video plays today. A file streamed to Mux while its
 * document is being created has no id yet (`id: null`, written `new`): its events find the
 * document by the upload id the document records.
 */
export interface VideoPassthrough {
  collection: string
  id: string | null
  nonce: string
}

const pattern = /^([a-z0-9-]+):([A-Za-z0-9-]+):([A-Za-z0-9_-]+)$/
/** Not an id of any backend: SQL ids are numbers, MongoDB ids hexadecimal. */
const unsavedId = 'new'

export const passthroughFor = ({ collection, id, nonce }: VideoPassthrough): string =>
  `${collection}:${id ?? unsavedId}:${nonce}`

export const unsavedPassthroughFor = (collection: string, nonce: string): string =>
  passthroughFor({ collection, id: null, nonce })

export const parsePassthrough = (value: string | null | undefined): VideoPassthrough | null => {
  const match = value ? pattern.exec(value) : null
  if (!match) return null
  return { collection: match[1], id: match[2] === unsavedId ? null : match[2], nonce: match[3] }
}

/**
 * What an asset made while its document was unsaved should carry once the document exists:
 * the same ingest (nonce), now naming the document. Null when `current` already names a
 * document, belongs to another collection or is not ours: nothing to update then.
 */
export const passthroughNamingRecord = (
  current: string | null | undefined,
  record: { collection: string; id: string },
): string | null => {
  const parsed = parsePassthrough(current)
  if (!parsed || parsed.id !== null || parsed.collection !== record.collection) return null
  return passthroughFor({ ...record, nonce: parsed.nonce })
}

export const newIngestNonce = (): string => randomBytes(6).toString('base64url')
