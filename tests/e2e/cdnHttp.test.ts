import http from 'node:http'
import zlib from 'node:zlib'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type ApiClient, createdId } from './support/api'
import type { RunningServer } from './support/server'
import { e2eBackends, startStaffServer } from './support/staffServer'

// Issue 10, "CDN and HTTP", on the production server (Express around Next) over real HTTP:
// ETag/304, compression, stale windows bounded by validUntil, CORS preflight, image files.

const admin = { email: 'cdn-admin@reelhouse.test', password: 'a long admin password' }
const frontend = 'https://frontend.example'
const territoryHeader = 'cf-ipcountry'
const filmsOnPage = 24

const backends = e2eBackends('reelhouse-cdn-')

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** One request with node:http: the bytes as sent (fetch would decompress them). */
const raw = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Promise<Raw>((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      )
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end()
  })

const listOf = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value.join(',') : (value ?? ''))
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)

const directives = (cacheControl: string | null | undefined) => {
  const number = (name: string) =>
    Number(new RegExp(`${name}=(\\d+)`).exec(cacheControl ?? '')?.[1] ?? 0)
  return {
    maxAge: number('max-age'),
    staleWhileRevalidate: number('stale-while-revalidate'),
    staleIfError: number('stale-if-error'),
  }
}

/** A gradient PNG large enough for every image size. */
const posterPng = async (shade: number) => {
  const width = 900
  const height = 1250
  const pixels = Buffer.alloc(width * height * 3)
  for (let offset = 0; offset < pixels.length; offset += 3) {
    const x = (offset / 3) % width
    pixels[offset] = shade
    pixels[offset + 1] = Math.floor((x / width) * 255)
    pixels[offset + 2] = 90
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer()
}

const waitUntil = async (instant: number) => {
  while (Date.now() < instant) await new Promise((resolve) => setTimeout(resolve, 250))
}

type Film = {
  id: number
  title: string
  poster?: {
    url: string
    sizes?: Record<string, { url: string | null }>
    variants?: { url?: string | null }[]
  }
  availability?: { validUntil: string | null }
}
type Page = { totalDocs: number; docs: Film[] }

describe.each(backends)('CDN and HTTP on the production server on $name', (backend) => {
  let server: RunningServer
  let staff: ApiClient
  let stop: (() => Promise<void>) | undefined
  let imageId: number
  let filmIds: number[] = []

  const get = (pathname: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${pathname}`, { headers })
  const inGermany = { [territoryHeader]: 'DE' }
  const license = async (
    films: number[],
    territory: string,
    window: { start: string; end?: string },
  ) =>
    createdId(
      await staff.post('/api/licences', {
        content: films.map((value) => ({ relationTo: 'films', value })),
        kind: 'grant',
        licenceType: 'svod',
        territories: [territory],
        ...window,
        contractId: `CDN-${territory}-${films.join('-')}-${Date.now()}`,
      }),
    )
  const uploadImage = async (shade: number, id?: number) => {
    const form = new FormData()
    const png = new Uint8Array(await posterPng(shade))
    form.append('file', new Blob([png], { type: 'image/png' }), 'key-art.png')
    form.append('_payload', JSON.stringify({ alt: 'Key art' }))
    const response = await fetch(`${server.url}/api/images${id ? `/${id}` : ''}`, {
      method: id ? 'PATCH' : 'POST',
      headers: { Authorization: staff.authorization },
      body: form,
    })
    if (!response.ok) throw new Error(`upload: ${response.status} ${await response.text()}`)
    return ((await response.json()) as { doc: { id: number } }).doc.id
  }

  beforeAll(async () => {
    const started = await startStaffServer(backend, admin, {
      VIEWER_TERRITORY_HEADER: territoryHeader,
      CORS_ORIGINS: frontend,
    })
    server = started.server
    staff = started.staff
    stop = started.stop
    for (const [code, timeZone] of [
      ['DE', 'Europe/Berlin'],
      ['US', 'America/New_York'],
      ['FR', 'Europe/Paris'],
    ] as const) {
      await createdId(
        await staff.post('/api/regions', { code, kind: 'country', name: code, timeZone }),
      )
    }
    imageId = await uploadImage(30)
    filmIds = []
    for (let index = 0; index < filmsOnPage; index += 1) {
      filmIds.push(
        await createdId(
          await staff.post('/api/films', {
            title: `Film number ${index + 1}`,
            tagline: `The story of film number ${index + 1}, told at some length for the page.`,
            poster: imageId,
            _status: 'published',
          }),
        ),
      )
    }
    const localised = await staff.patch(`/api/films/${filmIds[0]}?locale=de`, {
      title: 'Film Nummer 1',
    })
    expect(localised.status).toBe(200)
    await license(filmIds, 'DE', { start: '2020-01-01' })
  })

  afterAll(async () => {
    await stop?.()
  })

  it('ETag on public answers and If-None-Match -> 304 (no body, same validators and Vary)', async () => {
    const page = `/api/films?limit=${filmsOnPage}&depth=1&sort=id`
    const first = await get(page, inGermany)
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^W\/"[\w-]{43}"$/)
    expect(((await first.json()) as Page).totalDocs).toBe(filmsOnPage)

    const again = await raw(`${server.url}${page}`, { ...inGermany, 'If-None-Match': etag ?? '' })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers.etag).toBe(etag)
    expect(again.headers['cache-control']).toMatch(/^public, max-age=\d+/)
    expect(listOf(again.headers.vary)).toEqual(
      expect.arrayContaining([territoryHeader, 'origin', 'accept-encoding']),
    )
    // In a list of validators, and whatever the encoding (one weak tag for gzip, br, identity).
    const listed = await raw(`${server.url}${page}`, {
      ...inGermany,
      'Accept-Encoding': 'br',
      'If-None-Match': `W/"other", ${etag}`,
    })
    expect(listed.status).toBe(304)
    const compressed = await raw(`${server.url}${page}`, { ...inGermany, 'Accept-Encoding': 'br' })
    expect(compressed.headers['content-encoding']).toBe('br')
    expect(compressed.headers.etag).toBe(etag)
    // A stale validator gets the whole answer.
    const stale = await get(page, { ...inGermany, 'If-None-Match': 'W/"stale"' })
    expect(stale.status).toBe(200)
    expect(((await stale.json()) as Page).totalDocs).toBe(filmsOnPage)

    // Staff answers are private, no-store: no ETag, never a 304.
    const forStaff = await staff.get(page, { 'If-None-Match': etag ?? '' })
    expect(forStaff.status).toBe(200)
    expect(forStaff.headers.get('etag')).toBeNull()
    // Errors neither.
    const missing = await get('/api/films/999999', inGermany)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('etag')).toBeNull()
  })

  it('two territories, two locales, two instants never share an ETag for different bodies', async () => {
    const page = '/api/films?limit=5&sort=id'
    const german = await get(page, inGermany)
    const american = await get(page, { [territoryHeader]: 'US' })
    const germanTag = german.headers.get('etag') as string
    const americanTag = american.headers.get('etag') as string
    expect(((await german.json()) as Page).totalDocs).toBe(filmsOnPage)
    expect(((await american.json()) as Page).totalDocs).toBe(0)
    expect(americanTag).not.toBe(germanTag)
    // A cache that mixed territories up and revalidates with the other one's tag gets a 200.
    const mixed = await get(page, { [territoryHeader]: 'US', 'If-None-Match': germanTag })
    expect(mixed.status).toBe(200)
    expect(((await mixed.json()) as Page).totalDocs).toBe(0)

    const film = `/api/films/${filmIds[0]}?depth=0`
    const english = await get(`${film}&locale=en`, inGermany)
    const deutsch = await get(`${film}&locale=de`, inGermany)
    expect(((await english.json()) as Film).title).toBe('Film number 1')
    expect(((await deutsch.json()) as Film).title).toBe('Film Nummer 1')
    const englishTag = english.headers.get('etag') as string
    expect(deutsch.headers.get('etag')).not.toBe(englishTag)
    const wrongLocale = await get(`${film}&locale=de`, {
      ...inGermany,
      'If-None-Match': englishTag,
    })
    expect(wrongLocale.status).toBe(200)
    expect(((await wrongLocale.json()) as Film).title).toBe('Film Nummer 1')

    // Instants: a film whose US window opens in a few seconds. Before, the answer may be kept
    // only until then (and has no stale window); after, the old tag no longer matches.
    const soon = await createdId(
      await staff.post('/api/films', { title: 'Opening soon', _status: 'published' }),
    )
    const opens = Math.ceil(Date.now() / 1000) * 1000 + 6_000
    await license([soon], 'US', { start: new Date(opens).toISOString() })
    const before = await get(page, { [territoryHeader]: 'US' })
    const beforeTag = before.headers.get('etag') as string
    expect(((await before.json()) as Page).totalDocs).toBe(0)
    const beforeCache = directives(before.headers.get('cache-control'))
    expect(beforeCache.maxAge).toBeLessThanOrEqual(6)
    expect(beforeCache.staleWhileRevalidate).toBe(0)
    expect(beforeCache.staleIfError).toBe(0)
    await waitUntil(opens + 1_000)
    const after = await get(page, { [territoryHeader]: 'US', 'If-None-Match': beforeTag })
    expect(after.status).toBe(200)
    expect(((await after.json()) as Page).docs.map((doc) => doc.id)).toEqual([soon])
    expect(after.headers.get('etag')).not.toBe(beforeTag)
  })

  it('compresses JSON with br and gzip when accepted (the 24-film page)', async () => {
    const page = `${server.url}/api/films?limit=${filmsOnPage}&depth=1&sort=id`
    const identity = await raw(page, inGermany)
    expect(identity.headers['content-encoding']).toBeUndefined()
    const plain = JSON.parse(identity.body.toString()) as Page
    expect(plain.docs).toHaveLength(filmsOnPage)

    const brotli = await raw(page, { ...inGermany, 'Accept-Encoding': 'gzip, deflate, br' })
    expect(brotli.headers['content-encoding']).toBe('br')
    expect(listOf(brotli.headers.vary)).toContain('accept-encoding')
    const fromBrotli = JSON.parse(zlib.brotliDecompressSync(brotli.body).toString()) as Page
    expect(fromBrotli.docs.map((doc) => doc.id)).toEqual(plain.docs.map((doc) => doc.id))

    const gzip = await raw(page, { ...inGermany, 'Accept-Encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    const fromGzip = JSON.parse(zlib.gunzipSync(gzip.body).toString()) as Page
    expect(fromGzip.docs.map((doc) => doc.id)).toEqual(plain.docs.map((doc) => doc.id))

    // Repetitive JSON: both shrink it many times over.
    expect(brotli.body.length * 5).toBeLessThan(identity.body.length)
    expect(gzip.body.length * 4).toBeLessThan(identity.body.length)
    console.info(
      `[e2e] ${filmsOnPage}-film DE page: ${identity.body.length} B identity, ` +
        `${gzip.body.length} B gzip, ${brotli.body.length} B br`,
    )
  })

  it('stale-while-revalidate and stale-if-error never reach past validUntil', async () => {
    // Open-ended rights: the full windows.
    const open = await get(`/api/films/${filmIds[1]}`, inGermany)
    expect(open.headers.get('cache-control')).toBe(
      'public, max-age=300, stale-while-revalidate=60, stale-if-error=300',
    )
    // A window ending in 330 s: max-age 300, stale windows cut to what is left after it.
    const ending = await createdId(
      await staff.post('/api/films', { title: 'Ending soon', _status: 'published' }),
    )
    const requested = Date.now()
    await license([ending], 'FR', {
      start: '2020-01-01T00:00:00Z',
      end: new Date(Math.floor(requested / 1000) * 1000 + 330_000).toISOString(),
    })
    const answer = await get(`/api/films/${ending}`, { [territoryHeader]: 'FR' })
    expect(answer.status).toBe(200)
    const { availability } = (await answer.json()) as Film
    const left = (Date.parse(availability?.validUntil as string) - requested) / 1000
    const cache = directives(answer.headers.get('cache-control'))
    expect(cache.maxAge).toBeGreaterThan(0)
    expect(cache.maxAge + cache.staleWhileRevalidate).toBeLessThanOrEqual(left)
    expect(cache.maxAge + cache.staleIfError).toBeLessThanOrEqual(left)
    expect(cache.staleIfError).toBeLessThan(300)
  })

  it('CORS preflights allow the configured territory header (REST and GraphQL)', async () => {
    for (const [pathname, method] of [
      ['/api/films', 'GET'],
      ['/api/graphql', 'POST'],
    ] as const) {
      const preflight = await fetch(`${server.url}${pathname}`, {
        method: 'OPTIONS',
        headers: {
          Origin: frontend,
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': `${territoryHeader}, content-type`,
        },
      })
      expect({ pathname, ok: preflight.ok }).toEqual({ pathname, ok: true })
      expect(preflight.headers.get('access-control-allow-origin')).toBe(frontend)
      expect(listOf(preflight.headers.get('access-control-allow-headers') ?? '')).toEqual(
        expect.arrayContaining([territoryHeader, 'content-type']),
      )
      expect(listOf(preflight.headers.get('access-control-allow-methods') ?? '')).toContain(
        method.toLowerCase(),
      )
    }
    const actual = await get('/api/films?limit=1', { ...inGermany, Origin: frontend })
    expect(actual.headers.get('access-control-allow-origin')).toBe(frontend)
  })

  it('image files: absolute content-addressed URLs, a year of caching, ETag, 304, 404', async () => {
    const film = (await (await get(`/api/films/${filmIds[0]}?depth=1`, inGermany)).json()) as Film
    const poster = film.poster as NonNullable<Film['poster']>
    // The original, the admin's thumbnail and the renditions of the image's purpose.
    const urls = [
      poster.url,
      ...Object.values(poster.sizes ?? {}).map((size) => size.url),
      ...(poster.variants ?? []).map((variant) => variant.url),
    ].filter((url): url is string => Boolean(url))
    expect(urls.length).toBeGreaterThanOrEqual(3)
    for (const url of urls) {
      expect(url.startsWith(`${server.url}/api/images/file/`)).toBe(true)
      expect(new URL(url).searchParams.get('v')).toMatch(/^[\w-]{16}$/)
    }

    const file = await raw(poster.url)
    expect(file.status).toBe(200)
    expect(file.headers['content-type']).toBe('image/webp')
    expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const etag = file.headers.etag as string
    expect(etag).toMatch(/^"[\w-]{43}"$/)
    const lastModified = file.headers['last-modified'] as string
    expect(Date.parse(lastModified)).toBeGreaterThan(0)
    expect(file.body.length).toBeGreaterThan(0)

    const revalidated = await raw(poster.url, { 'If-None-Match': etag })
    expect(revalidated.status).toBe(304)
    expect(revalidated.body.length).toBe(0)
    expect(revalidated.headers.etag).toBe(etag)
    expect(revalidated.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await raw(poster.url, { 'If-Modified-Since': lastModified })).status).toBe(304)
    expect((await raw(poster.url, { 'If-None-Match': '"other"' })).status).toBe(200)
    const range = await raw(poster.url, { Range: 'bytes=0-9' })
    expect(range.status).toBe(206)
    expect(range.headers.etag).toBe(etag)

    // The same file without its version (or with an old one) may change: revalidate each time.
    const unversioned = new URL(poster.url)
    unversioned.search = ''
    const bare = await raw(unversioned.toString())
    expect(bare.status).toBe(200)
    expect(bare.headers['cache-control']).toBe('public, no-cache')
    expect(bare.headers.etag).toBe(etag)

    // A missing file is a 404 (never a 500), versioned or not, and is not cached.
    for (const pathname of [
      '/api/images/file/nonexistent.webp',
      '/api/images/file/nonexistent.webp?v=AAAAAAAAAAAAAAAA',
    ]) {
      const missing = await get(pathname)
      expect({ pathname, status: missing.status }).toEqual({ pathname, status: 404 })
      expect(missing.headers.get('cache-control')).toBe('no-store')
      expect(missing.headers.get('etag')).toBeNull()
    }

    // A new upload is a new URL (under the same file name too: tests/int/imageFileUrls.test.ts).
    await uploadImage(220, imageId)
    const updated = (await (
      await get(`/api/films/${filmIds[0]}?depth=1`, inGermany)
    ).json()) as Film
    const newUrl = (updated.poster as NonNullable<Film['poster']>).url
    expect(newUrl).not.toBe(poster.url)
    const fresh = await raw(newUrl)
    expect(fresh.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(fresh.headers.etag).not.toBe(etag)
    expect(fresh.body.equals(file.body)).toBe(false)
    // The replaced file is gone (Payload deletes it): its URL is a 404, not the new bytes.
    const old = await raw(poster.url, { 'If-None-Match': etag })
    expect(old.status).toBe(404)
    expect(old.headers['cache-control']).toBe('no-store')
  })
})
