import type { TitleSeed } from './data/types'
import { idFor, type IdsByKey } from './documentIds'
import { eidrFor, imdbIdFor } from './externalIds'
import { allLocales, type Localized } from './localized'
import { richTextFrom } from './richText'
import type { TitleArtwork } from './artwork'
import { artworkByLocale } from './titleArtwork'

export type CatalogRefs = {
  genres: IdsByKey
  people: IdsByKey
  artwork: ReadonlyMap<string, TitleArtwork>
}

const artworkOf = (refs: CatalogRefs, key: string): TitleArtwork => {
  const artwork = refs.artwork.get(key)
  if (!artwork) throw new Error(`No key art was uploaded for "${key}".`)
  return artwork
}

/** A title's artwork per locale, given after its create (giveTitleArtwork). */
export const titleArtwork = (seed: TitleSeed, refs: CatalogRefs) =>
  artworkByLocale(artworkOf(refs, seed.key), { withBackdrop: true })

const mapLocalized = <T, U>(value: Localized<T>, map: (item: T) => U): Localized<U> => ({
  en: map(value.en),
  de: map(value.de),
  'zh-Hans': map(value['zh-Hans']),
})

/** The fields films and series share, ready for a create with `locale: everyLocale`. */
export const titleData = (seed: TitleSeed, refs: CatalogRefs) => ({
  title: allLocales(seed.title),
  tagline: allLocales(seed.tagline),
  synopsis: allLocales(mapLocalized(seed.synopsis, richTextFrom)),
  releaseYear: seed.releaseYear,
  originalLanguage: seed.originalLanguage,
  genres: seed.genres.map((key) => idFor(refs.genres, key, 'genre')),
  credits: seed.credits.map((credit) => ({
    person: idFor(refs.people, credit.person, 'person'),
    role: credit.role,
    ...(credit.role === 'actor' ? { character: allLocales(credit.character) } : {}),
  })),
  ratings: seed.ratings.map((rating) => ({ ...rating })),
  // Unreleased drafts have no registry entries yet.
  externalIds: seed.draft ? {} : { imdb: imdbIdFor(seed.key), eidr: eidrFor(seed.key) },
  cnApprovalNumber: seed.cnApprovalNumber,
  _status: seed.draft ? ('draft' as const) : ('published' as const),
})
