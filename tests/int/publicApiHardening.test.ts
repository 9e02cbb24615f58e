import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { servePayloadOverHttp, type PayloadHttpServer } from '../fakes/payloadHttp'
import { testBackends } from './support/backends'
import {
  createCatalogFixtures,
  licenseForViewing,
  pngImage,
  type CatalogFixtures,
} from './support/fixtures'
import { payloadFor, type TestPayload } from './support/payloadFor'

// Issue "Public API hardening", the items Payload decides alone (4, 11, 13 in part, 14), over
// real HTTP through Payload's REST and GraphQL handlers on a real database.

type Json = Record<string, unknown>
type GraphQLAnswer = {
  data?: Record<string, unknown> | null
  errors?: { message: string; path?: string[] }[]
}

/** Payload's Forbidden, as GraphQL reports it: the field is null with the error beside it. */
const refused = (answer: GraphQLAnswer, field: string) => {
  expect(answer.data?.[field] ?? null).toBeNull()
  expect(answer.errors?.[0]).toMatchObject({
    message: 'You are not allowed to perform this action.',
    path: [field],
  })
}

const password = 'correct horse battery'

describe.each(testBackends)('public API hardening on $kind', (backend) => {
  let ctx: TestPayload
  let payload: Payload
  let server: PayloadHttpServer
  let fixtures: CatalogFixtures
  let admin: { id: number; email: string }
  let editor: { id: number; email: string }
  let consumer: { id: number; email: string; apiKey: string }
  let availableFilm: number
  let draftFilm: number
  let publicPoster: number
  let secretPoster: number
  let hiddenVideo: number
  let availableVideo: number

  const request = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init)
  const asPublic = { 'x-viewer-territory': 'DE' }
  const asConsumer = () => ({ ...asPublic, Authorization: `users API-Key ${consumer.apiKey}` })
  const tokenOf = async (email: string) => {
    const response = await request('/api/users/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    return ((await response.json()) as { token: string }).token
  }
  const graphql = async (query: string, headers: Record<string, string>) => {
    const response = await request('/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    })
    return (await response.json()) as GraphQLAnswer
  }

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    server = await servePayloadOverHttp(payload)
    fixtures = await createCatalogFixtures(payload)
    const user = async (roles: ('admin' | 'editor')[], extra: Json = {}) =>
      payload.create({
        collection: 'users',
        data: { email: `${crypto.randomUUID()}@example.test`, password, roles, ...extra },
      })
    admin = await user(['admin'])
    editor = await user(['editor'])
    const apiKey = crypto.randomUUID()
    consumer = { ...(await user([], { enableAPIKey: true, apiKey })), apiKey }

    // Large enough for the thumbnail size (480x270) to be made.
    const data = await pngImage(600, 400)
    const image = async (alt: string) =>
      (
        await payload.create({
          collection: 'images',
          data: { purpose: 'poster', alt },
          file: { data, mimetype: 'image/png', name: 'poster.png', size: data.length },
        })
      ).id
    publicPoster = await image('Poster of a film everyone may watch')
    secretPoster = await image('Secret poster of an unannounced film')
    availableVideo = (await payload.create({ collection: 'videos', data: { title: 'Feature' } })).id
    hiddenVideo = (
      await payload.create({ collection: 'videos', data: { title: 'Unannounced sequel cut' } })
    ).id
    availableFilm = (
      await payload.create({
        collection: 'films',
        data: {
          title: 'Announced',
          poster: publicPoster,
          video: availableVideo,
          _status: 'published',
        },
      })
    ).id
    await licenseForViewing(payload, 'films', availableFilm, fixtures)
    draftFilm = (
      await payload.create({
        collection: 'films',
        data: { title: 'Unannounced', poster: secretPoster, video: hiddenVideo, _status: 'draft' },
      })
    ).id
  })
  afterAll(async () => {
    await server?.close()
    await ctx?.destroy()
  })

  const run = it.skipIf(!backend.serverUrl)

  run('item 4: the public cannot list, count, query or read images and videos (REST)', async () => {
    const paths = [
      '/api/images',
      `/api/images/${secretPoster}`,
      '/api/images/count',
      '/api/images?where[alt][like]=unannounced',
      '/api/videos',
      `/api/videos/${hiddenVideo}`,
      '/api/videos/count',
      '/api/videos?where[title][like]=sequel',
    ]
    for (const path of paths) {
      for (const headers of [asPublic, asConsumer()]) {
        const response = await request(path, { headers })
        const body = await response.text()
        expect({ path, status: response.status }).toEqual({ path, status: 403 })
        expect(body).not.toMatch(/unannounced|sequel/i)
      }
    }
    // Staff still list them.
    const token = await tokenOf(editor.email)
    const staffList = await request('/api/images?where[alt][like]=unannounced', {
      headers: { Authorization: `JWT ${token}` },
    })
    expect(staffList.status).toBe(200)
    expect(((await staffList.json()) as { totalDocs: number }).totalDocs).toBe(1)
  })

  run(
    'item 4: GraphQL Images and Videos lists and documents are refused to the public',
    async () => {
      for (const [field, query] of [
        ['Images', '{ Images { docs { id alt } } }'],
        ['Image', `{ Image(id: ${secretPoster}) { alt } }`],
        ['Videos', '{ Videos { docs { id title } } }'],
        ['Video', `{ Video(id: ${hiddenVideo}) { title } }`],
      ]) {
        for (const headers of [asPublic, asConsumer()]) {
          const answer = await graphql(query, headers)
          expect(JSON.stringify(answer)).not.toMatch(/unannounced|sequel/i)
          refused(answer, field)
        }
      }
    },
  )

  run(
    'item 4: an available film still carries its poster (url, sizes), video and playback at depth 1',
    async () => {
      const response = await request(`/api/films/${availableFilm}?depth=1`, { headers: asPublic })
      expect(response.status).toBe(200)
      const film = (await response.json()) as {
        poster: { id: number; url: string; sizes: { thumbnail: { url: string } } }
        video: Json
        playback: Json | null
      }
      expect(film.poster).toMatchObject({ id: publicPoster, url: expect.stringContaining('/') })
      expect(film.poster.sizes.thumbnail.url).toMatch(/\/api\/images\/file\//)
      expect(film.video).toMatchObject({ id: availableVideo, title: 'Feature' })
      expect(film.video).not.toHaveProperty('muxAssetId')
      expect(film).toHaveProperty('playback')
      expect(film.playback).toHaveProperty('video')

      const answer = await graphql(
        `{ Film(id: ${availableFilm}) { poster { id url } video { title } } }`,
        asPublic,
      )
      expect(answer.errors).toBeUndefined()
      expect(answer.data?.Film).toMatchObject({
        poster: { id: publicPoster, url: film.poster.url },
        video: { title: 'Feature' },
      })

      // The unannounced film (and through it its poster) stays hidden.
      const hidden = await request(`/api/films/${draftFilm}?depth=1`, { headers: asPublic })
      expect(hidden.status).toBe(404)
    },
  )

  run('item 4: image files stay served by URL to anonymous viewers', async () => {
    const stored = await payload.findByID({ collection: 'images', id: publicPoster })
    for (const url of [stored.url, stored.sizes?.thumbnail?.url]) {
      const path = new URL(url as string, server.url).pathname
      expect(path).toMatch(/^\/api\/images\/file\//)
      const file = await request(path)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toMatch(/^image\//)
      expect(file.headers.get('cache-control')).toBe('public, max-age=3600')
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(0)
    }
  })

  run('item 11: only admins run jobs over HTTP (run and handle-schedules)', async () => {
    const film = await payload.create({
      collection: 'films',
      draft: true,
      data: { title: 'Queued for publishing', _status: 'draft' },
    })
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'films', value: film.id } },
    })
    const status = async () =>
      (await payload.findByID({ collection: 'films', id: film.id, depth: 0 }))._status
    const editorToken = await tokenOf(editor.email)
    for (const path of ['/api/payload-jobs/run', '/api/payload-jobs/handle-schedules']) {
      const callers: Record<string, string>[] = [
        {},
        { Authorization: `users API-Key ${consumer.apiKey}` },
        { Authorization: `JWT ${editorToken}` },
      ]
      for (const headers of callers) {
        const response = await request(path, { headers })
        expect({ path, status: response.status }).toEqual({ path, status: 401 })
      }
    }
    expect(await status()).toBe('draft')
    const adminToken = await tokenOf(admin.email)
    const handled = await request('/api/payload-jobs/handle-schedules', {
      headers: { Authorization: `JWT ${adminToken}` },
    })
    expect(handled.status).toBe(200)
    const ran = await request('/api/payload-jobs/run', {
      headers: { Authorization: `JWT ${adminToken}` },
    })
    expect(ran.status).toBe(200)
    expect(await status()).toBe('published')
  })

  run(
    'item 12: without SERVER_URL or CORS_ORIGINS a session cookie still counts only from our own origin',
    async () => {
      // This instance has neither variable (development's defaults): Payload's csrf list used
      // to be empty then, and an empty list checks nothing.
      const loggedIn = await request('/api/users/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: editor.email, password }),
      })
      const cookie = loggedIn.headers
        .getSetCookie()
        .map((entry) => entry.split(';')[0])
        .find((entry) => entry.startsWith('payload-token='))
      expect(cookie).toBeDefined()
      const createGenre = (origin: string, name: string) =>
        request('/api/genres', {
          method: 'POST',
          headers: { Cookie: cookie as string, Origin: origin, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name }),
        })
      expect((await createGenre('https://attacker.example', 'Forged genre')).status).toBe(403)
      const forged = await payload.count({
        collection: 'genres',
        where: { name: { equals: 'Forged genre' } },
      })
      expect(forged.totalDocs).toBe(0)
      expect((await createGenre('http://localhost:3000', 'Genre from the admin')).status).toBe(201)
    },
  )

  run('item 13: unknown, wrong-password and locked accounts get the same 401 answer', async () => {
    const target = await payload.create({
      collection: 'users',
      data: { email: `locked-${crypto.randomUUID()}@example.test`, password, roles: ['editor'] },
    })
    const login = async (email: string, secret: string) => {
      const response = await request('/api/users/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: secret }),
      })
      return { status: response.status, body: (await response.json()) as Json }
    }
    const unknown = await login(`nobody-${crypto.randomUUID()}@example.test`, 'wrong')
    expect(unknown.status).toBe(401)
    // maxLoginAttempts is 10: the 10th wrong password locks the account.
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect(await login(target.email, `wrong ${attempt}`)).toEqual(unknown)
    }
    const stored = await payload.findByID({
      collection: 'users',
      id: target.id,
      depth: 0,
      showHiddenFields: true,
    })
    expect(new Date(stored.lockUntil as string).getTime()).toBeGreaterThan(Date.now())
    // Locked, even the right password answers as if the account did not exist.
    expect(await login(target.email, password)).toEqual(unknown)
  })

  run(
    'item 13: GraphQL has no loginUser mutation (logins go through the rate-limited REST route)',
    async () => {
      const answer = await graphql(
        `mutation { loginUser(email: "${admin.email}", password: "${password}") { token } }`,
        {},
      )
      expect(answer.data?.loginUser ?? null).toBeNull()
      expect(answer.errors?.[0]?.message).toMatch(/loginUser/)
    },
  )

  run('item 14: a role-less API key gets no users access at all', async () => {
    const headers = { Authorization: `users API-Key ${consumer.apiKey}` }
    for (const path of ['/api/users', `/api/users/${consumer.id}`, '/api/users/me']) {
      const response = await request(path, { headers })
      const body = await response.text()
      expect({ path, status: response.status }).toEqual({ path, status: 403 })
      expect(body).not.toContain(consumer.email)
    }
    const patched = await request(`/api/users/${consumer.id}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Renamed by its own key' }),
    })
    expect(patched.status).toBe(403)
    const stored = await payload.findByID({ collection: 'users', id: consumer.id, depth: 0 })
    expect(stored.name ?? null).toBeNull()
    refused(await graphql(`{ User(id: ${consumer.id}) { email } }`, headers), 'User')
    refused(await graphql('{ Users { docs { email } } }', headers), 'Users')
    // Staff keep their own account.
    const token = await tokenOf(editor.email)
    const own = await request(`/api/users/${editor.id}`, {
      headers: { Authorization: `JWT ${token}` },
    })
    expect(own.status).toBe(200)
  })
})
