import type { PayloadRequest } from 'payload'

import { mapConcurrently, imageWorkers } from './concurrently'
import { genres } from './data/genres'
import type { GenreSeed, MarketLocale, TitleSeed } from './data/types'
import { existingIds, idFor, type DocumentId } from './documentIds'
import { renderBackdrop, renderPoster, uploadImage, type ImageUpload } from './posters'

export type TitleArtwork = {
  /** The English poster, which every market without its own shows. */
  poster: DocumentId
  /** Posters of markets that have their own (the title in their language). */
  marketPosters: Partial<Record<MarketLocale, DocumentId>>
  backdrop: DocumentId
}

const credit = 'Reelhouse demo artwork'

const posterUpload = async (seed: TitleSeed): Promise<ImageUpload> => {
  const { title, releaseYear: year } = seed
  return {
    data: await renderPoster({ title: title.en, caption: String(year), color: seed.color }),
    name: `${seed.key}-poster.png`,
    credit,
    purpose: 'poster',
    alt: {
      en: `Poster for “${title.en}” (${year})`,
      de: `Plakat zu „${title.de}“ (${year})`,
      'zh-Hans': `《${title['zh-Hans']}》海报（${year}）`,
    },
  }
}

const posterLanguageNames: Record<MarketLocale, string> = { de: 'German', 'zh-Hans': 'Chinese' }

/** A market's own poster: the title in its language (its alt says so in every locale). */
const marketPosterUpload = async (seed: TitleSeed, locale: MarketLocale): Promise<ImageUpload> => {
  const { title, releaseYear: year } = seed
  return {
    data: await renderPoster({ title: title[locale], caption: String(year), color: seed.color }),
    name: `${seed.key}-poster-${locale}.png`,
    credit,
    purpose: 'poster',
    alt: {
      en: `${posterLanguageNames[locale]} poster for “${title.en}” (${year})`,
      de:
        locale === 'de'
          ? `Plakat zu „${title.de}“ (${year})`
          : `Chinesisches Plakat zu „${title.de}“ (${year})`,
      'zh-Hans': `《${title['zh-Hans']}》${locale === 'de' ? '德语' : ''}海报（${year}）`,
    },
  }
}

const backdropName = (genre: string) => `backdrop-${genre}`

const backdropUpload = async ({ key, name, backdropColor }: GenreSeed): Promise<ImageUpload> => ({
  data: await renderBackdrop(backdropColor),
  name: `${backdropName(key)}.png`,
  credit,
  purpose: 'backdrop',
  alt: {
    en: `Abstract backdrop in ${name.en.toLowerCase()} colours`,
    de: `Abstraktes Hintergrundbild im Farbton „${name.de}“`,
    'zh-Hans': `${name['zh-Hans']}色调的抽象背景图`,
  },
})

const genreOf = (key: string): GenreSeed => {
  const genre = genres.find((candidate) => candidate.key === key)
  if (!genre) throw new Error(`Seed data refers to an unknown genre "${key}".`)
  return genre
}

/** The genre whose backdrop a title shares: its first. */
const backdropGenreOf = (seed: TitleSeed): string => seed.genres[0] ?? 'drama'

/**
 * A poster of its own for each title and a textless backdrop shared by titles of the same
 * first genre (uploads cost far more than drawing: each is encoded at every width of its purpose).
 * Each upload is its own operation, so several run at once.
 */
export const uploadArtworkFor = async (
  req: PayloadRequest,
  titles: readonly TitleSeed[],
): Promise<ReadonlyMap<string, TitleArtwork>> => {
  const backdropGenres = [...new Set(titles.map(backdropGenreOf))]
  // Payload names the stored file after the upload, with the WebP extension.
  const existing = await existingIds(
    req,
    'images',
    'filename',
    backdropGenres.map((genre) => `${backdropName(genre)}.webp`),
  )
  const backdrops = new Map<string, DocumentId>()
  for (const genre of backdropGenres) {
    const id = existing.get(`${backdropName(genre)}.webp`)
    if (id !== undefined) backdrops.set(genre, id)
  }
  const missingGenres = backdropGenres.filter((genre) => !backdrops.has(genre))
  const marketPosters = titles.flatMap((seed) =>
    (seed.marketPosters ?? []).map((locale) => ({ seed, locale })),
  )
  const jobs: (() => Promise<ImageUpload>)[] = [
    ...titles.map((seed) => () => posterUpload(seed)),
    ...missingGenres.map((genre) => () => backdropUpload(genreOf(genre))),
    ...marketPosters.map(
      ({ seed, locale }) =>
        () =>
          marketPosterUpload(seed, locale),
    ),
  ]
  const ids = await mapConcurrently(jobs, imageWorkers, async (job) =>
    uploadImage(req.payload, await job()),
  )
  missingGenres.forEach((genre, index) => backdrops.set(genre, ids[titles.length + index]))
  const marketPosterIds = new Map<string, Partial<Record<MarketLocale, DocumentId>>>()
  const firstMarketPoster = titles.length + missingGenres.length
  marketPosters.forEach(({ seed, locale }, index) => {
    const posters = marketPosterIds.get(seed.key) ?? {}
    posters[locale] = ids[firstMarketPoster + index]
    marketPosterIds.set(seed.key, posters)
  })
  return new Map(
    titles.map((seed, index) => [
      seed.key,
      {
        poster: ids[index],
        marketPosters: marketPosterIds.get(seed.key) ?? {},
        backdrop: idFor(backdrops, backdropGenreOf(seed), 'backdrop'),
      },
    ]),
  )
}
