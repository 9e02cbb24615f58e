import type { PayloadRequest } from 'payload'

import { mapConcurrently, imageWorkers } from './concurrently'
import { genres } from './data/genres'
import type { GenreSeed, TitleSeed } from './data/types'
import { existingIds, idFor, type DocumentId } from './documentIds'
import { renderBackdrop, renderPoster, uploadImage, type ImageUpload } from './posters'

export type TitleArtwork = { poster: DocumentId; backdrop: DocumentId }

const credit = 'Reelhouse demo artwork'

const posterUpload = async (seed: TitleSeed): Promise<ImageUpload> => {
  const { title, releaseYear: year } = seed
  return {
    data: await renderPoster({ title: title.en, caption: String(year), color: seed.color }),
    name: `${seed.key}-poster.png`,
    credit,
    alt: {
      en: `Poster for “${title.en}” (${year})`,
      de: `Plakat zu „${title.de}“ (${year})`,
      'zh-Hans': `《${title['zh-Hans']}》海报（${year}）`,
    },
  }
}

const backdropName = (genre: string) => `backdrop-${genre}`

const backdropUpload = async ({ key, name, backdropColor }: GenreSeed): Promise<ImageUpload> => ({
  data: await renderBackdrop(backdropColor),
  name: `${backdropName(key)}.png`,
  credit,
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
 * first genre (uploads cost far more than drawing: Payload encodes three WebP sizes each).
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
  const jobs: (() => Promise<ImageUpload>)[] = [
    ...titles.map((seed) => () => posterUpload(seed)),
    ...missingGenres.map((genre) => () => backdropUpload(genreOf(genre))),
  ]
  const ids = await mapConcurrently(jobs, imageWorkers, async (job) =>
    uploadImage(req.payload, await job()),
  )
  missingGenres.forEach((genre, index) => backdrops.set(genre, ids[titles.length + index]))
  return new Map(
    titles.map((seed, index) => [
      seed.key,
      { poster: ids[index], backdrop: idFor(backdrops, backdropGenreOf(seed), 'backdrop') },
    ]),
  )
}
