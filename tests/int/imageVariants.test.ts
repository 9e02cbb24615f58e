import crypto from 'node:crypto'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'
import { renderMissingVariants } from '../../src/media/backfillVariants'
import { canEncodeAvif } from '../../src/media/renderVariants'
import { purposeShapes } from '../../src/media/variantPlan'
import type { Image } from '../../src/payload-types'
import { testBackends } from './support/backends'
import { createKeyUser, pngImage } from './support/fixtures'
import { payloadFor, type TestPayload } from './support/payloadFor'

/**
 * Issue 10, "Artwork per locale and purpose": an image is rendered only at the widths its
 * purpose needs (src/media/variantPlan.ts), in WebP and, where sharp can, AVIF; each rendition
 * is a content-addressed file URL that answers with its own type.
 */
describe.each(testBackends)('image renditions by purpose on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)
  let ctx: TestPayload
  let payload: Payload
  let http: PayloadHttpServer
  const editorKey = crypto.randomUUID()
  const formats = canEncodeAvif() ? ['avif', 'webp'] : ['webp']

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    await createKeyUser(payload, ['editor'], editorKey)
    http = await servePayloadOverHttp(payload)
  }, 300_000)
  afterAll(async () => {
    await http?.close()
    await ctx?.destroy()
  })

  /** An upload as the admin sends it: multipart over REST (spooled to a temp file). */
  const upload = async (fields: Record<string, string>, png: Buffer): Promise<Image> => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'key-art.png')
    form.append('_payload', JSON.stringify(fields))
    const response = await fetch(`${http.url}/api/images`, {
      method: 'POST',
      headers: { authorization: `users API-Key ${editorKey}` },
      body: form,
    })
    const body = (await response.json()) as { doc: Image }
    expect(response.status, JSON.stringify(body)).toBe(201)
    return body.doc
  }
  /** A file URL of an answer, asked of this test's server. */
  const fetchFile = (url: string) => {
    const { pathname, search } = new URL(url, http.url)
    return fetch(`${http.url}${pathname}${search}`)
  }
  const sizesOf = (image: Image, format: string) =>
    (image.variants ?? [])
      .filter((variant) => variant.format === format)
      .map(({ width, height }) => `${width}x${height}`)

  run(
    'a poster gets poster widths only, in WebP (and AVIF), each answering 200 with its type',
    async () => {
      const image = await upload({ alt: 'Poster', purpose: 'poster' }, await pngImage(1000, 1500))
      expect(image.purpose).toBe('poster')
      const posterSizes = purposeShapes.poster.widths.map((width) => `${width}x${width * 1.5}`)
      for (const format of formats) expect(sizesOf(image, format)).toEqual(posterSizes)
      expect(image.variants).toHaveLength(posterSizes.length * formats.length)
      // Nothing else: no backdrop shape, no other format.
      expect(image.variants?.some((variant) => variant.width === 1920)).toBe(false)
      expect(Object.keys(image.sizes ?? {})).toEqual(['thumbnail'])
      for (const variant of image.variants ?? []) {
        expect(variant.url).toMatch(
          /\/api\/images\/file\/key-art[^/?]*-\d+x\d+\.(webp|avif)\?v=[\w-]{16}$/,
        )
        const response = await fetchFile(variant.url ?? '')
        expect(response.status, variant.url ?? '').toBe(200)
        expect(response.headers.get('content-type')).toBe(`image/${variant.format}`)
        const bytes = Buffer.from(await response.arrayBuffer())
        const metadata = await sharp(bytes).metadata()
        expect([metadata.width, metadata.height]).toEqual([variant.width, variant.height])
      }
      // The original and the admin thumbnail keep answering as before.
      for (const url of [image.url, image.sizes?.thumbnail?.url]) {
        expect((await fetchFile(url ?? '')).status).toBe(200)
      }
    },
  )

  run(
    'a backdrop gets backdrop widths, and the renditions are read back with the image',
    async () => {
      const image = await upload(
        { alt: 'Backdrop', purpose: 'backdrop' },
        await pngImage(2000, 1125),
      )
      for (const format of formats) {
        expect(sizesOf(image, format)).toEqual(['640x360', '960x540', '1280x720', '1920x1080'])
      }
      const read = await payload.findByID({ collection: 'images', id: image.id })
      expect(read.variants?.map((variant) => variant.url)).toEqual(
        image.variants?.map((variant) => variant.url),
      )
    },
  )

  run('an image saved without a purpose is a poster; a new purpose renders anew', async () => {
    const image = await upload({ alt: 'No purpose given' }, await pngImage(1280, 1280))
    expect(image.purpose).toBe('poster')
    expect(sizesOf(image, 'webp')).toEqual(['240x360', '360x540', '480x720', '720x1080'])
    const still = await payload.update({
      collection: 'images',
      id: image.id,
      data: { purpose: 'still' },
    })
    expect(sizesOf(still, 'webp')).toEqual(['320x180', '640x360', '960x540', '1280x720'])
    for (const variant of still.variants ?? []) {
      expect((await fetchFile(variant.url ?? '')).status).toBe(200)
    }
    // A client cannot write renditions of its own: the stored ones stay.
    const kept = await payload.update({
      collection: 'images',
      id: image.id,
      data: {
        alt: 'Renamed',
        variants: [
          {
            width: 1,
            height: 1,
            format: 'webp',
            mimeType: 'image/webp',
            filesize: 1,
            filename: 'x',
          },
        ],
      },
    })
    expect(sizesOf(kept, 'webp')).toEqual(sizesOf(still, 'webp'))
  })

  run('images uploaded before renditions existed get them from the backfill, once', async () => {
    const image = await upload({ alt: 'Old poster', purpose: 'poster' }, await pngImage(800, 1200))
    // As an image stored before purposes and renditions: no variants.
    await payload.db.updateOne({ collection: 'images', id: image.id, data: { variants: [] } })
    const before = await payload.findByID({ collection: 'images', id: image.id })
    expect(before.variants ?? []).toEqual([])
    const first = await renderMissingVariants(payload)
    expect(first.rendered).toBeGreaterThanOrEqual(1)
    expect(first.missingFile).toBe(0)
    const after = await payload.findByID({ collection: 'images', id: image.id })
    expect(sizesOf(after, 'webp')).toEqual(['240x360', '360x540', '480x720', '720x1080'])
    for (const variant of after.variants ?? []) {
      expect((await fetchFile(variant.url ?? '')).status).toBe(200)
    }
    // Nothing left to do: a second run renders nothing and changes nothing.
    const second = await renderMissingVariants(payload)
    expect(second).toMatchObject({ rendered: 0, missingFile: 0 })
    expect(second.checked).toBe(first.checked)
    const again = await payload.findByID({ collection: 'images', id: image.id })
    expect(again.variants?.map((variant) => variant.url)).toEqual(
      after.variants?.map((variant) => variant.url),
    )
  })

  run('a rendition that is not there is a 404', async () => {
    const response = await fetch(`${http.url}/api/images/file/nothing-720x1080.avif`)
    expect(response.status).toBe(404)
  })
})
