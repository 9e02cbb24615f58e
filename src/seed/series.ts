import type { PayloadRequest } from 'payload'

import { series as allSeries } from './data/series'
import type { SeasonSeed, SeriesSeed } from './data/types'
import type { DocumentId, IdsByKey } from './documentIds'
import { allLocales, everyLocale, type Localized } from './localized'
import { titleArtwork, titleData, type CatalogRefs } from './titleData'
import { giveTitleArtwork } from './titleArtwork'

export type SeededSeries = {
  ids: IdsByKey
  /** Keyed by `seasonKey(seriesKey, seasonNumber)`. */
  seasonIds: IdsByKey
  created: { series: number; seasons: number; episodes: number }
}

export const seasonKey = (seriesKey: string, seasonNumber: number): string =>
  `${seriesKey}#${seasonNumber}`

const chineseNumerals = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

const seasonTitle = (seasonNumber: number): Localized => ({
  en: `Season ${seasonNumber}`,
  de: `Staffel ${seasonNumber}`,
  'zh-Hans': `第${chineseNumerals[seasonNumber] ?? seasonNumber}季`,
})

const createSeason = async (
  req: PayloadRequest,
  seriesId: DocumentId,
  seasonNumber: number,
  season: SeasonSeed,
  poster: DocumentId | null,
): Promise<DocumentId> => {
  const created = await req.payload.create({
    collection: 'seasons',
    locale: everyLocale,
    data: {
      series: seriesId,
      seasonNumber,
      title: allLocales(seasonTitle(seasonNumber)),
      cnApprovalNumber: season.cnApprovalNumber,
      _status: 'published',
    },
    depth: 0,
    req,
  })
  if (poster !== null) {
    await giveTitleArtwork(req, 'seasons', created.id, created._status, [['en', { poster }]])
  }
  for (const [index, episode] of season.episodes.entries()) {
    await req.payload.create({
      collection: 'episodes',
      locale: everyLocale,
      data: {
        season: created.id,
        episodeNumber: index + 1,
        title: allLocales(episode.title),
        runtimeMinutes: episode.runtimeMinutes,
        _status: 'published',
      },
      depth: 0,
      req,
    })
  }
  return created.id
}

const existingSeasonIds = async (
  req: PayloadRequest,
  seriesId: DocumentId,
): Promise<Map<number, DocumentId>> => {
  const { docs } = await req.payload.find({
    collection: 'seasons',
    where: { series: { equals: seriesId } },
    pagination: false,
    depth: 0,
    locale: 'en',
    req,
  })
  return new Map(docs.map((season) => [season.seasonNumber, season.id]))
}

const createSeries = async (
  req: PayloadRequest,
  seed: SeriesSeed,
  refs: CatalogRefs,
): Promise<DocumentId> => {
  const created = await req.payload.create({
    collection: 'series',
    locale: everyLocale,
    draft: Boolean(seed.draft),
    data: titleData(seed, refs),
    depth: 0,
    req,
  })
  await giveTitleArtwork(req, 'series', created.id, created._status, titleArtwork(seed, refs))
  return created.id
}

/**
 * Creates the series not in `existing` (by seed key) and any season missing from a series, with
 * its episodes; a second run adds only what is missing. Seasons share the series' poster.
 */
export const seedSeries = async (
  req: PayloadRequest,
  refs: CatalogRefs,
  existing: IdsByKey,
): Promise<SeededSeries> => {
  const ids = new Map<string, DocumentId>()
  const seasonIds = new Map<string, DocumentId>()
  const created = { series: 0, seasons: 0, episodes: 0 }
  for (const seed of allSeries) {
    const known = existing.get(seed.key)
    const seriesId = known ?? (await createSeries(req, seed, refs))
    if (known === undefined) created.series++
    ids.set(seed.key, seriesId)
    const poster = refs.artwork.get(seed.key)?.poster ?? null
    const seasons =
      known === undefined ? new Map<number, DocumentId>() : await existingSeasonIds(req, seriesId)
    for (const [index, season] of seed.seasons.entries()) {
      const seasonNumber = index + 1
      let seasonId = seasons.get(seasonNumber)
      if (seasonId === undefined) {
        seasonId = await createSeason(req, seriesId, seasonNumber, season, poster)
        created.seasons++
        created.episodes += season.episodes.length
      }
      seasonIds.set(seasonKey(seed.key, seasonNumber), seasonId)
    }
  }
  return { ids, seasonIds, created }
}
