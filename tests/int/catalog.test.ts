import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { testBackends } from './support/backends'
import {
  type CatalogFixtures,
  createCatalogFixtures,
  imageFile,
  pngImage,
} from './support/fixtures'
import { payloadFor, type TestPayload } from './support/payloadFor'

type LocalisedCase = {
  collection: CollectionSlug
  field: string
  data: (fixtures: CatalogFixtures, n: number) => Record<string, unknown>
}

const localisedCases: LocalisedCase[] = [
  { collection: 'films', field: 'title', data: () => ({ releaseYear: 2024 }) },
  { collection: 'series', field: 'title', data: () => ({ releaseYear: 2023 }) },
  {
    collection: 'seasons',
    field: 'title',
    data: (f, n) => ({ series: f.seriesId, seasonNumber: 10 + n }),
  },
  {
    collection: 'episodes',
    field: 'title',
    data: (f, n) => ({ season: f.seasonId, episodeNumber: 10 + n }),
  },
  { collection: 'genres', field: 'name', data: () => ({}) },
  { collection: 'regions', field: 'name', data: (_, n) => ({ code: `LOC${n}`, kind: 'group' }) },
]

const words = { en: 'The Long Night', de: 'Die lange Nacht', 'zh-Hans': '漫长的夜' }

const uniqueFailure = (path: string) =>
  expect.objectContaining({
    status: 400,
    data: expect.objectContaining({
      errors: expect.arrayContaining([expect.objectContaining({ path })]),
    }),
  })

describe.each(testBackends)('catalog on $kind', (backend) => {
  let ctx: TestPayload
  let payload: Payload
  let fixtures: CatalogFixtures

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    fixtures = await createCatalogFixtures(payload)
  })
  afterAll(async () => ctx?.destroy())

  const run = it.skipIf(!backend.serverUrl)

  run.each(localisedCases.map((c, n) => ({ ...c, n })))(
    'creates, localises, updates and deletes $collection',
    async ({ collection, field, data, n }) => {
      const created = await payload.create({
        collection,
        locale: 'en',
        data: { ...data(fixtures, n), [field]: words.en, _status: 'published' } as never,
      })
      for (const locale of ['de', 'zh-Hans'] as const) {
        await payload.update({
          collection,
          id: created.id,
          locale,
          data: { [field]: words[locale] },
        })
      }
      for (const locale of ['en', 'de', 'zh-Hans'] as const) {
        const doc = (await payload.findByID({
          collection,
          id: created.id,
          locale,
        })) as unknown as Record<string, unknown>
        expect(doc[field]).toBe(words[locale])
      }
      const all = (await payload.findByID({
        collection,
        id: created.id,
        locale: 'all',
      })) as unknown as Record<string, unknown>
      expect(all[field]).toEqual(words)

      await payload.delete({ collection, id: created.id })
      const left = await payload.count({ collection, where: { id: { equals: created.id } } })
      expect(left.totalDocs).toBe(0)
    },
  )

  run('falls back to English where a translation is missing', async () => {
    const film = await payload.create({
      collection: 'films',
      locale: 'en',
      data: { title: 'Only English', tagline: 'In English only', _status: 'published' },
    })
    const german = await payload.findByID({ collection: 'films', id: film.id, locale: 'de' })
    expect(german.title).toBe('Only English')
    expect(german.tagline).toBe('In English only')
  })

  run('keeps film metadata: credits, ratings, external ids, rich text', async () => {
    const person = await payload.create({ collection: 'people', data: { name: 'Mia Hartmann' } })
    const genre = await payload.create({ collection: 'genres', data: { name: 'Drama' } })
    const film = await payload.create({
      collection: 'films',
      data: {
        title: 'Metadata Film',
        originalLanguage: 'de',
        runtimeMinutes: 104,
        releaseYear: 2025,
        genres: [genre.id],
        credits: [{ person: person.id, role: 'actor', character: 'Lena' }],
        ratings: [{ territory: 'DE', system: 'FSK', value: '12', minAge: 12 }],
        externalIds: { imdb: 'tt1234567', eidr: '10.5240/7791-8534-2C23-9030-8610-5' },
        cnApprovalNumber: '(2025)影字第001号',
        synopsis: {
          root: {
            type: 'root',
            version: 1,
            direction: 'ltr',
            format: '',
            indent: 0,
            children: [
              {
                type: 'paragraph',
                version: 1,
                direction: 'ltr',
                format: '',
                indent: 0,
                children: [{ type: 'text', version: 1, text: 'A winter in Leipzig.' }],
              },
            ],
          },
        },
        _status: 'published',
      },
    })
    const stored = await payload.findByID({ collection: 'films', id: film.id, depth: 1 })
    expect(stored.slug).toBe('metadata-film')
    expect(stored.credits?.[0]).toMatchObject({ role: 'actor', character: 'Lena' })
    expect(stored.credits?.[0].person).toMatchObject({ name: 'Mia Hartmann' })
    expect(stored.ratings?.[0]).toMatchObject({ territory: 'DE', system: 'FSK', minAge: 12 })
    expect(stored.externalIds?.imdb).toBe('tt1234567')
    expect(JSON.stringify(stored.synopsis)).toContain('A winter in Leipzig.')
  })

  run('rejects invalid codes with the field named', async () => {
    await expect(
      payload.create({
        collection: 'films',
        data: { title: 'Bad codes', originalLanguage: 'xx-long', _status: 'published' },
      }),
    ).rejects.toEqual(uniqueFailure('originalLanguage'))
    await expect(
      payload.create({
        collection: 'regions',
        data: { code: 'QQ', kind: 'country', name: 'Nowhere', timeZone: 'Europe/Berlin' },
      }),
    ).rejects.toEqual(uniqueFailure('code'))
    await expect(
      payload.create({
        collection: 'regions',
        data: { code: 'FR', kind: 'country', name: 'France', timeZone: 'Mars/Olympus' },
      }),
    ).rejects.toEqual(uniqueFailure('timeZone'))
  })

  describe('unique constraints answer 400 naming the field', () => {
    run('film slug', async () => {
      await payload.create({ collection: 'films', data: { title: 'Twin', _status: 'published' } })
      await expect(
        payload.create({ collection: 'films', data: { title: 'Twin', _status: 'published' } }),
      ).rejects.toEqual(uniqueFailure('slug'))
      expect(
        (await payload.count({ collection: 'films', where: { slug: { equals: 'twin' } } }))
          .totalDocs,
      ).toBe(1)
    })

    run('season number within a series, also for drafts', async () => {
      await payload.create({
        collection: 'seasons',
        data: { series: fixtures.seriesId, seasonNumber: 2, _status: 'published' },
      })
      await expect(
        payload.create({
          collection: 'seasons',
          data: { series: fixtures.seriesId, seasonNumber: 2, _status: 'published' },
        }),
      ).rejects.toEqual(uniqueFailure('seasonNumber'))
      await expect(
        payload.create({
          collection: 'seasons',
          draft: true,
          data: { series: fixtures.seriesId, seasonNumber: 2, _status: 'draft' },
        }),
      ).rejects.toEqual(uniqueFailure('seasonNumber'))
      const other = await payload.create({
        collection: 'series',
        data: { title: 'Another series', _status: 'published' },
      })
      await expect(
        payload.create({
          collection: 'seasons',
          data: { series: other.id, seasonNumber: 2, _status: 'published' },
        }),
      ).resolves.toMatchObject({ seasonNumber: 2 })
    })

    run('episode number within a season, on update too', async () => {
      await payload.create({
        collection: 'episodes',
        data: { season: fixtures.seasonId, episodeNumber: 1, title: 'Pilot', _status: 'published' },
      })
      const second = await payload.create({
        collection: 'episodes',
        data: { season: fixtures.seasonId, episodeNumber: 2, title: 'Two', _status: 'published' },
      })
      await expect(
        payload.update({ collection: 'episodes', id: second.id, data: { episodeNumber: 1 } }),
      ).rejects.toEqual(uniqueFailure('episodeNumber'))
      const unchanged = await payload.findByID({ collection: 'episodes', id: second.id })
      expect(unchanged.episodeNumber).toBe(2)
      await expect(
        payload.update({ collection: 'episodes', id: second.id, data: { title: 'Still two' } }),
      ).resolves.toMatchObject({ episodeNumber: 2 })
    })

    run('region code', async () => {
      await expect(
        payload.create({
          collection: 'regions',
          data: { code: 'de', kind: 'country', name: 'Germany again', timeZone: 'Europe/Berlin' },
        }),
      ).rejects.toEqual(uniqueFailure('code'))
    })
  })

  describe('joins', () => {
    run('series list their seasons and seasons their episodes, in order', async () => {
      const series = await payload.create({
        collection: 'series',
        data: { title: 'Joined', _status: 'published' },
      })
      const s2 = await payload.create({
        collection: 'seasons',
        data: { series: series.id, seasonNumber: 2, _status: 'published' },
      })
      const s1 = await payload.create({
        collection: 'seasons',
        data: { series: series.id, seasonNumber: 1, _status: 'published' },
      })
      await payload.create({
        collection: 'episodes',
        data: { season: s1.id, episodeNumber: 1, title: 'E1', _status: 'published' },
      })
      const read = await payload.findByID({ collection: 'series', id: series.id, depth: 1 })
      const seasonIds = (read.seasons?.docs ?? []).map((s) => (typeof s === 'object' ? s.id : s))
      expect(seasonIds).toEqual([s1.id, s2.id])
      const season = await payload.findByID({ collection: 'seasons', id: s1.id, depth: 1 })
      expect(season.episodes?.docs).toHaveLength(1)
    })
  })

  describe('images', () => {
    run('stores a webp original with the thumbnail and the renditions of its purpose', async () => {
      const image = await payload.create({
        collection: 'images',
        data: { purpose: 'poster', alt: 'A poster', focalX: 50, focalY: 30 },
        file: { ...(await imageFile('poster.png')), data: await pngImage(1200, 1800) },
      })
      expect(image.mimeType).toBe('image/webp')
      expect(image.filename).toMatch(/\.webp$/)
      // A poster is rendered at poster widths (2:3), never as a 1920x1080 backdrop.
      expect(image.variants?.length).toBeGreaterThan(0)
      for (const variant of image.variants ?? []) {
        expect(variant.width / variant.height).toBeCloseTo(2 / 3, 2)
      }
      expect(image.variants).toContainEqual(
        expect.objectContaining({
          width: 720,
          height: 1080,
          format: 'webp',
          mimeType: 'image/webp',
        }),
      )
      expect(Object.keys(image.sizes ?? {})).toEqual(['thumbnail'])
      expect(image.sizes?.thumbnail).toMatchObject({ width: 480, height: 270 })
      expect(image.focalY).toBe(30)
    })

    run('requires a localised alt text', async () => {
      await expect(
        payload.create({
          collection: 'images',
          data: {} as { alt: string; purpose: 'poster' },
          file: await imageFile(),
        }),
      ).rejects.toEqual(uniqueFailure('alt'))
    })

    run('rejects a file that is not an image, naming the file field', async () => {
      const before = await payload.count({ collection: 'images' })
      const text = Buffer.from('this is not an image at all')
      await expect(
        payload.create({
          collection: 'images',
          data: { purpose: 'poster', alt: 'Not an image' },
          file: { data: text, mimetype: 'text/plain', name: 'notes.txt', size: text.length },
        }),
      ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('notes.txt') })
      const disguised = Buffer.from('%PDF-1.4 pretending to be a png')
      await expect(
        payload.create({
          collection: 'images',
          data: { purpose: 'poster', alt: 'Disguised' },
          file: {
            data: disguised,
            mimetype: 'image/png',
            name: 'fake.png',
            size: disguised.length,
          },
        }),
      ).rejects.toMatchObject({ status: 400 })
      expect((await payload.count({ collection: 'images' })).totalDocs).toBe(before.totalDocs)
    })
  })
})
