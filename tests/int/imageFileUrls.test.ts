import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'

/**
 * Issue 10, "CDN and HTTP": image URLs in answers are absolute (SERVER_URL, in development
 * `http://localhost:<PORT>`) and content-addressed (`?v=` from the file's bytes): a new upload,
 * crop or focal point is a new URL, the same bytes keep theirs. The serving side (year-long
 * caching, ETag, 304, 404) is tested over the Express server in tests/e2e/cdnHttp.test.ts.
 */
/** A horizontal gradient (so that crops at different focal points differ), large enough for every size. */
const png = async (shade: number, width = 900, height = 1250) => {
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3
      pixels[offset] = shade
      pixels[offset + 1] = Math.floor((x / width) * 255)
      pixels[offset + 2] = Math.floor((y / height) * 255)
    }
  }
  const data = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer()
  return { data, mimetype: 'image/png', name: 'key-art.png', size: data.length }
}

type Urls = { url: string; thumbnail: string; poster: string }

describe.each(testBackends)('image file URLs on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)
  let ctx: TestPayload
  let payload: Payload

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend, { PORT: '4123' })
    payload = ctx.payload
  })
  afterAll(async () => ctx?.destroy())

  const urlsOf = async (id: number): Promise<Urls> => {
    const image = await payload.findByID({ collection: 'images', id })
    return {
      url: image.url as string,
      thumbnail: image.sizes?.thumbnail?.url as string,
      // The largest WebP rendition of the poster (its purpose).
      poster: image.variants?.find((variant) => variant.format === 'webp' && variant.width === 720)
        ?.url as string,
    }
  }
  const versionOf = (url: string) => new URL(url).searchParams.get('v')

  run(
    'are absolute (localhost:PORT without SERVER_URL) and carry the hash of each file',
    async () => {
      const image = await payload.create({
        collection: 'images',
        data: { purpose: 'poster', alt: 'Key art' },
        file: await png(10),
      })
      const urls = await urlsOf(image.id)
      for (const url of Object.values(urls)) {
        expect(url).toMatch(/^http:\/\/localhost:4123\/api\/images\/file\/[^/?]+\?v=[\w-]{16}$/)
      }
      // Each file has its own bytes, so its own version.
      expect(new Set(Object.values(urls).map(versionOf)).size).toBe(3)
      // Reading again (nothing changed) gives the same URLs: caches keep them.
      expect(await urlsOf(image.id)).toEqual(urls)
      // GraphQL-style population into a title carries the same URLs.
      const film = await payload.create({
        collection: 'films',
        data: { title: 'With poster', poster: image.id, _status: 'published' },
      })
      const populated = await payload.findByID({ collection: 'films', id: film.id, depth: 1 })
      expect(populated.poster).toMatchObject({ url: urls.url })
    },
  )

  run(
    'a new upload, even under the same file name, is a new URL; the same bytes are not',
    async () => {
      const first = await payload.create({
        collection: 'images',
        data: { purpose: 'poster', alt: 'Replaced' },
        file: await png(60),
      })
      const before = await urlsOf(first.id)
      await payload.update({
        collection: 'images',
        id: first.id,
        data: {},
        file: await png(200),
      })
      const after = await urlsOf(first.id)
      for (const key of ['url', 'thumbnail', 'poster'] as const) {
        expect(versionOf(after[key])).not.toBe(versionOf(before[key]))
      }
      // Another document with byte-identical files: the same versions (content, not identity).
      const twin = await payload.create({
        collection: 'images',
        data: { purpose: 'poster', alt: 'Twin' },
        file: await png(200),
      })
      expect(versionOf((await urlsOf(twin.id)).url)).toBe(versionOf(after.url))
    },
  )

  run(
    'a new focal point re-crops the sizes (the file is read back from disk): their URLs change',
    async () => {
      const image = await payload.create({
        collection: 'images',
        data: { purpose: 'poster', alt: 'Focal', focalX: 50, focalY: 50 },
        file: await png(120, 2400, 1300),
      })
      const before = await urlsOf(image.id)
      // What the admin's focal point editor sends: the new point as `uploadEdits`.
      await payload.update({
        collection: 'images',
        id: image.id,
        data: {},
        req: { query: { uploadEdits: { focalPoint: { x: 5, y: 50 } } } },
      })
      const after = await urlsOf(image.id)
      expect((await payload.findByID({ collection: 'images', id: image.id })).focalX).toBe(5)
      expect(versionOf(after.poster)).not.toBe(versionOf(before.poster))
      expect(versionOf(after.thumbnail)).not.toBe(versionOf(before.thumbnail))
    },
  )
})
