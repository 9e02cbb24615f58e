import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'
import { testBackends } from './support/backends'
import {
  type CatalogFixtures,
  createCatalogFixtures,
  imageFile,
  licenseForViewing,
} from './support/fixtures'
import { payloadFor, type TestPayload } from './support/payloadFor'

/**
 * Issue 10, "Artwork per locale and purpose": a German poster carries the German title, so
 * `poster` and `backdrop` are localised, and a locale without its own falls back to English.
 * Read here as a frontend reads them: public REST, GraphQL and a rail, in DE.
 */
describe.each(testBackends.filter((backend) => backend.kind !== 'mongodb'))(
  'localised artwork on $kind',
  (backend) => {
    const run = it.skipIf(!backend.serverUrl)
    let ctx: TestPayload
    let payload: Payload
    let http: PayloadHttpServer
    let fixtures: CatalogFixtures
    const ids = { englishPoster: 0, germanPoster: 0, backdrop: 0, film: 0, plainFilm: 0 }
    const genreSlug = `artwork-${crypto.randomBytes(3).toString('hex')}`

    beforeAll(async () => {
      if (!backend.serverUrl) return
      ctx = await payloadFor(backend)
      payload = ctx.payload
      fixtures = await createCatalogFixtures(payload)
      const image = async (alt: string) =>
        (
          await payload.create({
            collection: 'images',
            data: { purpose: 'poster', alt },
            file: await imageFile(`${alt}.png`),
          })
        ).id
      ids.englishPoster = await image('English poster')
      ids.germanPoster = await image('German poster')
      ids.backdrop = await image('Backdrop')
      const genre = await payload.create({
        collection: 'genres',
        data: { name: 'Artwork genre', slug: genreSlug },
      })
      const film = await payload.create({
        collection: 'films',
        locale: 'en',
        data: {
          title: 'The Harbour',
          poster: ids.englishPoster,
          backdrop: ids.backdrop,
          genres: [genre.id],
          _status: 'published',
        },
      })
      await payload.update({
        collection: 'films',
        id: film.id,
        locale: 'de',
        data: { title: 'Der Hafen', poster: ids.germanPoster, _status: 'published' },
      })
      ids.film = film.id
      const plain = await payload.create({
        collection: 'films',
        data: { title: 'Only English art', poster: ids.englishPoster, _status: 'published' },
      })
      ids.plainFilm = plain.id
      await licenseForViewing(payload, 'films', ids.film, fixtures)
      await licenseForViewing(payload, 'films', ids.plainFilm, fixtures)
      http = await servePayloadOverHttp(payload)
    }, 300_000)
    afterAll(async () => {
      await http?.close()
      await ctx?.destroy()
    })

    type ImageRef = { id: number; alt: string } | null
    const get = async (path: string) => {
      const response = await fetch(`${http.url}${path}`, {
        headers: { 'x-viewer-territory': 'DE' },
      })
      expect(response.status, path).toBe(200)
      return response.json()
    }
    const posterOf = async (id: number, query: string) =>
      ((await get(`/api/films/${id}?depth=1&${query}`)) as { poster: ImageRef }).poster

    run('REST: the German poster in de, English in en, English as the fallback', async () => {
      expect(await posterOf(ids.film, 'locale=de')).toMatchObject({ id: ids.germanPoster })
      expect(await posterOf(ids.film, 'locale=en')).toMatchObject({ id: ids.englishPoster })
      // No poster of its own in zh-Hans, nor any German one on the other film: English.
      expect(await posterOf(ids.film, 'locale=zh-Hans')).toMatchObject({ id: ids.englishPoster })
      expect(await posterOf(ids.plainFilm, 'locale=de')).toMatchObject({ id: ids.englishPoster })
      // The backdrop was only ever given in English: every locale falls back to it.
      const german = (await get(`/api/films/${ids.film}?depth=1&locale=de`)) as {
        backdrop: ImageRef
      }
      expect(german.backdrop).toMatchObject({ id: ids.backdrop })
      // Without fallback a locale that has none says so.
      expect(await posterOf(ids.plainFilm, 'locale=de&fallback-locale=none')).toBeNull()
      // The populated image keeps its own localised alt text and URL.
      expect(await posterOf(ids.film, 'locale=de')).toMatchObject({
        alt: 'German poster',
        url: expect.stringMatching(/\/api\/images\/file\/.+\?v=/),
      })
    })

    run('GraphQL: the same posters per locale, and the fallback', async () => {
      const query = async (locale: string) => {
        const response = await fetch(`${http.url}/api/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-viewer-territory': 'DE' },
          body: JSON.stringify({
            query: `{ Film(id: ${ids.film}, locale: ${locale}) { title poster { id variants { url width height format } } backdrop { id } } }`,
          }),
        })
        const body = (await response.json()) as {
          data: { Film: { title: string; poster: ImageRef; backdrop: ImageRef } }
        }
        return body.data.Film
      }
      expect(await query('de')).toMatchObject({
        title: 'Der Hafen',
        poster: { id: ids.germanPoster },
        backdrop: { id: ids.backdrop },
      })
      // Frontends read the renditions of the poster's purpose with it, for srcset.
      const { poster } = await query('de')
      expect(poster).toMatchObject({
        variants: expect.arrayContaining([
          expect.objectContaining({ format: 'webp', url: expect.stringMatching(/\.webp\?v=/) }),
        ]),
      })
      expect(await query('en')).toMatchObject({ poster: { id: ids.englishPoster } })
      expect(await query('zh_Hans')).toMatchObject({ poster: { id: ids.englishPoster } })
    })

    run('rails: a card carries the poster of the asked locale', async () => {
      type Rail = { items: { value: { id: number; poster: ImageRef } }[] }
      const cardOf = async (locale: string) => {
        const rail = (await get(`/api/rails/genre:${genreSlug}?locale=${locale}`)) as Rail
        return rail.items.find((item) => item.value.id === ids.film)?.value
      }
      expect((await cardOf('de'))?.poster).toMatchObject({ id: ids.germanPoster })
      expect((await cardOf('en'))?.poster).toMatchObject({ id: ids.englishPoster })
    })
  },
)
