import type { PayloadRequest } from 'payload'

import { uploadArtworkFor } from './artwork'
import { films } from './data/films'
import { series } from './data/series'
import type { IdsByKey } from './documentIds'
import { existingTitleIds } from './existingTitles'
import { seedFilms } from './films'
import { seedGenres } from './genres'
import { seedPeople } from './people'
import { seedSeries } from './series'

export type SeededCatalog = {
  films: IdsByKey
  series: IdsByKey
  seasons: IdsByKey
  created: { films: number; series: number; seasons: number; episodes: number }
}

/** Genres, people, films and series with their key art. Reuses whatever already exists. */
export const seedCatalog = async (req: PayloadRequest): Promise<SeededCatalog> => {
  const genres = await seedGenres(req)
  const people = await seedPeople(req)
  const existingFilms = await existingTitleIds(req, 'films', films)
  const existingSeries = await existingTitleIds(req, 'series', series)
  const newTitles = [
    ...films.filter(({ key }) => !existingFilms.has(key)),
    ...series.filter(({ key }) => !existingSeries.has(key)),
  ]
  const artwork = await uploadArtworkFor(req, newTitles)
  const refs = { genres, people, artwork }
  const seededFilms = await seedFilms(req, refs, existingFilms)
  const seededSeries = await seedSeries(req, refs, existingSeries)
  return {
    films: seededFilms.ids,
    series: seededSeries.ids,
    seasons: seededSeries.seasonIds,
    created: { films: seededFilms.created, ...seededSeries.created },
  }
}
