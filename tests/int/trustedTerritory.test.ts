import { jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PlaybackInfo } from '../../src/plugins/mux'
import { startVideoHarness, type VideoHarness } from '../fakes/videoHarness'
import { tinyMp4 } from '../fakes/videoFiles'
import type { TestBackend } from './support/backends'
import { testBackends } from './support/backends'
import { createCatalogFixtures, licenseForViewing } from './support/fixtures'

// Issue "Public API hardening", item 15: the viewer's territory is trusted only from the header
// the CDN sets. Mux cannot check geography, so signed playback tokens are our only geo gate.

type Playback = Record<string, PlaybackInfo | null>

/** Few members per title in lists, to stay within the GraphQL cost cap at limit 100. */
const listPlaybackSelection = 'playback { video { playbackId hls } trailer { playbackId hls } }'
const playbackSelection =
  'playback { video { videoId policy playbackId hls thumbnail storyboard duration aspectRatio expiresAt } trailer { videoId playbackId hls } }'
type Title = { id: number; title?: string; playback?: Playback | null }
type ErrorBody = {
  errors: { message: string; data?: { errors: { path: string; message: string }[] } }[]
}

const edgeSecret = 'the-edge-knows-this'

const tokenOf = (url: string | undefined) => new URL(url ?? 'http://x').searchParams.get('token')

/** A catalog with one film licensed only in the US (and a signed video), DE and CN as regions. */
const catalogWithUsOnlyFilm = async (backend: TestBackend, env: Record<string, string>) => {
  const h = await startVideoHarness(backend, { env })
  const fixtures = await createCatalogFixtures(h.payload)
  const us = await h.payload.create({
    collection: 'regions',
    data: { code: 'US', kind: 'country', name: 'United States', timeZone: 'America/New_York' },
  })
  await h.payload.create({
    collection: 'regions',
    data: { code: 'CN', kind: 'country', name: 'China', timeZone: 'Asia/Shanghai' },
  })
  const upload = await h.uploadVideo('US feature', tinyMp4(2048), { playbackPolicy: 'signed' })
  const { doc } = (await upload.json()) as { doc: { id: number } }
  await h.settle(async () => (await h.video(doc.id)).status === 'ready')
  const film = await h.payload.create({
    collection: 'films',
    data: { title: 'Only in America', video: doc.id, _status: 'published' },
  })
  await licenseForViewing(h.payload, 'films', film.id, fixtures, [us.id])
  const playbackId = (await h.video(doc.id)).playbackIds?.[0].playbackId as string
  return { h, filmId: film.id, playbackId }
}

const fieldErrorOf = async (response: Response) => {
  const body = (await response.json()) as ErrorBody
  return { body, field: body.errors[0]?.data?.errors[0] }
}

describe.each(testBackends)('item 15, trusted territory, on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)

  describe('production default (ALLOW_TERRITORY_QUERY=false, no edge secret)', () => {
    let h: VideoHarness
    let filmId: number
    let playbackId: string

    beforeAll(async () => {
      if (!backend.serverUrl) return
      ;({ h, filmId, playbackId } = await catalogWithUsOnlyFilm(backend, {
        ALLOW_TERRITORY_QUERY: 'false',
      }))
    })
    afterAll(async () => h?.destroy())

    const publicGet = (path: string, headers: Record<string, string> = {}) =>
      h.api(path, { as: null, headers })

    run('15. a viewer in CN naming territory=US by query is refused with 400', async () => {
      for (const path of [
        `/api/films/${filmId}?territory=US`,
        '/api/films?territory=US',
        '/api/films?territory=us&limit=100',
      ]) {
        const response = await publicGet(path, { 'x-viewer-territory': 'CN' })
        expect(response.status, path).toBe(400)
        const { body, field } = await fieldErrorOf(response)
        expect(field).toEqual({
          path: 'territory',
          message: 'not accepted: use the x-viewer-territory header',
        })
        expect(body.errors[0].message).toContain('x-viewer-territory header')
        expect(JSON.stringify(body)).not.toContain('Only in America')
        expect(JSON.stringify(body)).not.toContain(playbackId)
      }
      // Without any header, the query alone is refused the same way.
      const bare = await publicGet(`/api/films/${filmId}?territory=US`)
      expect(bare.status).toBe(400)
      expect((await fieldErrorOf(bare)).field?.path).toBe('territory')
      // Counting is a public read too.
      expect((await publicGet('/api/films/count?territory=US')).status).toBe(400)
      // Without the header, the answer names the header only.
      const missing = await publicGet('/api/films')
      expect(missing.status).toBe(400)
      const { body, field } = await fieldErrorOf(missing)
      expect(field).toEqual({ path: 'territory', message: 'missing' })
      expect(body.errors[0].message).toContain('x-viewer-territory header')
      expect(body.errors[0].message).not.toContain('query')
    })

    run('15. GraphQL refuses ?territory= for the public and shows nothing', async () => {
      const response = await h.api('/api/graphql?territory=US', {
        method: 'POST',
        as: null,
        headers: { 'content-type': 'application/json', 'x-viewer-territory': 'CN' },
        body: JSON.stringify({
          query: `{ Films(limit: 100) { docs { id title ${listPlaybackSelection} } } Film(id: ${filmId}) { title ${playbackSelection} } }`,
        }),
      })
      const body = (await response.json()) as {
        data?: unknown
        errors?: { message: string }[]
      }
      expect(body.errors?.length).toBeGreaterThan(0)
      expect(body.errors?.[0]?.message).toContain('x-viewer-territory')
      expect(JSON.stringify(body.data ?? null)).not.toContain('Only in America')
      expect(JSON.stringify(body)).not.toContain(playbackId)
      // Search and the automatic rails take the territory the same way.
      for (const query of [
        '{ Search(q: "america") { docs { title } } }',
        '{ AutomaticRail(kind: "new") { items { value { title } } } }',
      ]) {
        const searched = await h.api('/api/graphql?territory=US', {
          method: 'POST',
          as: null,
          headers: { 'content-type': 'application/json', 'x-viewer-territory': 'CN' },
          body: JSON.stringify({ query }),
        })
        const answer = (await searched.json()) as {
          data?: unknown
          errors?: { extensions?: { statusCode?: number; data?: unknown } }[]
        }
        expect(answer.data ?? null, query).toBeNull()
        expect(answer.errors, query).toEqual([
          expect.objectContaining({
            extensions: expect.objectContaining({
              statusCode: 400,
              data: {
                errors: [
                  { path: 'territory', message: 'not accepted: use the x-viewer-territory header' },
                ],
              },
            }),
          }),
        ])
        expect(JSON.stringify(answer)).not.toContain('Only in America')
      }
    })

    run(
      '15. the territory from the header decides: CN gets 404, US gets signed playback',
      async () => {
        expect(
          (await publicGet(`/api/films/${filmId}`, { 'x-viewer-territory': 'CN' })).status,
        ).toBe(404)
        const response = await publicGet(`/api/films/${filmId}`, { 'x-viewer-territory': 'US' })
        expect(response.status).toBe(200)
        const film = (await response.json()) as Title
        const video = film.playback?.video
        expect(video).toMatchObject({ policy: 'signed', playbackId })
        await jwtVerify(tokenOf(video?.hls) ?? '', h.publicKey, {
          algorithms: ['RS256'],
          audience: 'v',
          subject: playbackId,
        })
      },
    )

    run(
      '15. public answers vary on the territory header, so a shared cache keeps them apart',
      async () => {
        const response = await publicGet('/api/films?limit=5', { 'x-viewer-territory': 'US' })
        expect(response.status).toBe(200)
        expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/)
        const vary = (response.headers.get('vary') ?? '').toLowerCase().split(/\s*,\s*/)
        expect(vary).toContain('x-viewer-territory')
      },
    )

    run(
      "15. a frontend's API key (a user without a role) is the public: no ?territory=",
      async () => {
        const apiKey = `frontend-key-${Date.now()}`
        await h.payload.create({
          collection: 'users',
          data: {
            email: `frontend-${Date.now()}@example.test`,
            password: 'correct horse battery',
            roles: [],
            enableAPIKey: true,
            apiKey,
          },
        })
        const asFrontend = `users API-Key ${apiKey}`
        const byQuery = await h.api(`/api/films/${filmId}?territory=US`, { as: asFrontend })
        expect(byQuery.status).toBe(400)
        expect((await fieldErrorOf(byQuery)).field?.path).toBe('territory')
        const byHeader = await h.api(`/api/films/${filmId}`, {
          as: asFrontend,
          headers: { 'x-viewer-territory': 'US' },
        })
        expect(byHeader.status).toBe(200)
        expect(((await byHeader.json()) as Title).playback?.video?.playbackId).toBe(playbackId)
      },
    )

    run(
      '15. staff previews keep ?territory= (catalog reads and /api/availability with at)',
      async () => {
        const read = await h.api(`/api/films/${filmId}?territory=CN`)
        expect(read.status).toBe(200)
        expect(((await read.json()) as Title).playback?.video?.policy).toBe('signed')
        const availability = async (territory: string, at: string) => {
          const response = await h.api(
            `/api/availability?content=films/${filmId}&territory=${territory}&at=${at}`,
          )
          expect(response.status).toBe(200)
          return ((await response.json()) as { available: boolean }).available
        }
        expect(await availability('US', new Date().toISOString())).toBe(true)
        expect(await availability('CN', new Date().toISOString())).toBe(false)
        expect(await availability('US', '2019-06-01T00:00:00Z')).toBe(false)
      },
    )
  })

  describe('production with an edge secret (TERRITORY_HEADER_SECRET)', () => {
    let h: VideoHarness
    let filmId: number
    let playbackId: string

    beforeAll(async () => {
      if (!backend.serverUrl) return
      ;({ h, filmId, playbackId } = await catalogWithUsOnlyFilm(backend, {
        ALLOW_TERRITORY_QUERY: 'false',
        TERRITORY_HEADER_SECRET: edgeSecret,
      }))
    })
    afterAll(async () => h?.destroy())

    run('15. a territory header without the edge secret is refused with 400', async () => {
      for (const secret of [undefined, 'guessed', `${edgeSecret}x`]) {
        const response = await h.api(`/api/films/${filmId}`, {
          as: null,
          headers: {
            'x-viewer-territory': 'US',
            ...(secret === undefined ? {} : { 'x-territory-secret': secret }),
          },
        })
        expect(response.status, String(secret)).toBe(400)
        const { body, field } = await fieldErrorOf(response)
        expect(field).toEqual({ path: 'territory', message: 'not from the CDN' })
        expect(JSON.stringify(body)).not.toContain(playbackId)
      }
    })

    run('15. with the edge secret the header is trusted and playback is signed', async () => {
      const response = await h.api(`/api/films/${filmId}`, {
        as: null,
        headers: { 'x-viewer-territory': 'US', 'x-territory-secret': edgeSecret },
      })
      expect(response.status).toBe(200)
      const film = (await response.json()) as Title
      expect(film.playback?.video).toMatchObject({ policy: 'signed', playbackId })
      expect(tokenOf(film.playback?.video?.hls)).toBeTruthy()
    })
  })

  describe('development (ALLOW_TERRITORY_QUERY=true) with an edge secret', () => {
    let h: VideoHarness
    let filmId: number
    let playbackId: string

    beforeAll(async () => {
      if (!backend.serverUrl) return
      ;({ h, filmId, playbackId } = await catalogWithUsOnlyFilm(backend, {
        ALLOW_TERRITORY_QUERY: 'true',
        TERRITORY_HEADER_SECRET: edgeSecret,
      }))
    })
    afterAll(async () => h?.destroy())

    run('15. ?territory= gives that catalog but never signed playback tokens', async () => {
      const response = await h.api(`/api/films/${filmId}?territory=US`, { as: null })
      expect(response.status).toBe(200)
      const film = (await response.json()) as Title
      expect(film.title).toBe('Only in America')
      expect(film.playback ?? null).toBeNull()
      expect(JSON.stringify(film)).not.toContain(playbackId)
      const list = await h.api('/api/films?territory=US&limit=100', { as: null })
      expect(list.status).toBe(200)
      const { docs } = (await list.json()) as { docs: Title[] }
      expect(docs.map((doc) => doc.id)).toContain(filmId)
      expect(JSON.stringify(docs)).not.toContain(playbackId)
    })

    run('15. a header without the edge secret is not trusted: catalog, no playback', async () => {
      const response = await h.api(`/api/films/${filmId}`, {
        as: null,
        headers: { 'x-viewer-territory': 'US', 'x-territory-secret': 'guessed' },
      })
      expect(response.status).toBe(200)
      const film = (await response.json()) as Title
      expect(film.playback ?? null).toBeNull()
      expect(JSON.stringify(film)).not.toContain(playbackId)
    })

    run('15. the trusted header still gets signed playback', async () => {
      const response = await h.api(`/api/films/${filmId}`, {
        as: null,
        headers: { 'x-viewer-territory': 'US', 'x-territory-secret': edgeSecret },
      })
      expect(response.status).toBe(200)
      const film = (await response.json()) as Title
      expect(film.playback?.video).toMatchObject({ policy: 'signed', playbackId })
    })
  })
})
