import type { PayloadRequest, TypedLocale } from 'payload'

import type { TitleArtwork } from './artwork'
import type { DocumentId } from './documentIds'

type ArtworkCollection = 'films' | 'series' | 'seasons'
type ArtworkData = { poster: DocumentId; backdrop?: DocumentId }

/**
 * What each locale shows: the English poster and backdrop, and the posters of markets with
 * their own. Markets without one have none, so they fall back to English.
 */
export const artworkByLocale = (
  { poster, marketPosters, backdrop }: TitleArtwork,
  { withBackdrop }: { withBackdrop: boolean },
): [TypedLocale, ArtworkData][] => [
  ['en', withBackdrop ? { poster, backdrop } : { poster }],
  ...Object.entries(marketPosters).flatMap(
    ([locale, marketPoster]): [TypedLocale, ArtworkData][] =>
      marketPoster === undefined ? [] : [[locale as TypedLocale, { poster: marketPoster }]],
  ),
]

/**
 * Gives a seeded title its artwork, one locale at a time: the create that writes every locale
 * at once (`locale: everyLocale`) cannot carry localised uploads (Payload 3.90 stores a plain id
 * there as null and validates an `{ en, de }` object as one id). Not as a draft save, so the
 * document itself (also a draft one) shows it, as before artwork was localised.
 */
export const giveTitleArtwork = async (
  req: PayloadRequest,
  collection: ArtworkCollection,
  id: DocumentId,
  status: 'draft' | 'published' | null | undefined,
  artwork: [TypedLocale, ArtworkData][],
): Promise<void> => {
  for (const [locale, data] of artwork) {
    await req.payload.update({
      collection,
      id,
      locale,
      data: { ...data, _status: status ?? 'published' },
      depth: 0,
      req,
    })
  }
}
