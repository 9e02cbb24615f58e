import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type ApiClient, createdId, licenseFilmInGermany } from './support/api'
import { type RunningServer, spawnServer, startProductionServer } from './support/server'
import { e2eBackends, startStaffServer } from './support/staffServer'

// Issue "Public API hardening", the items the Express server decides (6, 8, 12, 13), on the
// production server over real HTTP.

const admin = { email: 'hardening-admin@reelhouse.test', password: 'a long admin password' }
const editor = { email: 'hardening-editor@reelhouse.test', password: 'a long editor password' }
const frontend = 'https://frontend.example'
const territoryHeader = 'cf-ipcountry'
const limits = { perAccount: 3, perIp: 8 }

const backends = e2eBackends('reelhouse-hardening-')

const varyOf = (response: Response) =>
  (response.headers.get('vary') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)

describe.each(backends)('HTTP hardening of the production server on $name', (backend) => {
  let server: RunningServer
  let staff: ApiClient
  let stop: (() => Promise<void>) | undefined
  let filmId: number
  let imageFile: string

  const get = (pathname: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${pathname}`, { headers })
  const graphql = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    })
  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ email, password }),
    })

  beforeAll(async () => {
    const started = await startStaffServer(backend, admin, {
      VIEWER_TERRITORY_HEADER: territoryHeader,
      CORS_ORIGINS: frontend,
      LOGIN_RATE_LIMIT_PER_ACCOUNT: String(limits.perAccount),
      LOGIN_RATE_LIMIT_PER_IP: String(limits.perIp),
    })
    server = started.server
    staff = started.staff
    stop = started.stop
    await createdId(await staff.post('/api/users', { ...editor, roles: ['editor'] }))
    const png = await sharp({
      create: { width: 600, height: 400, channels: 3, background: { r: 20, g: 90, b: 160 } },
    })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'key-art.png')
    form.append('_payload', JSON.stringify({ alt: 'Key art' }))
    const uploaded = await fetch(`${server.url}/api/images`, {
      method: 'POST',
      headers: { Authorization: staff.authorization },
      body: form,
    })
    const image = ((await uploaded.json()) as { doc: { id: number; url: string } }).doc
    imageFile = new URL(image.url, server.url).pathname
    filmId = await createdId(
      await staff.post('/api/films', {
        title: 'Hardened',
        poster: image.id,
        _status: 'published',
      }),
    )
    await licenseFilmInGermany(staff, filmId)
    await createdId(
      await staff.post('/api/regions', {
        code: 'US',
        kind: 'country',
        name: 'United States',
        timeZone: 'America/New_York',
      }),
    )
  })

  afterAll(async () => {
    await stop?.()
  })

  it('item 6: Vary names the configured territory header on public catalog answers (REST, GraphQL, 400)', async () => {
    const inGermany = { [territoryHeader]: 'DE' }
    for (const pathname of ['/api/films', `/api/films/${filmId}?depth=1`]) {
      const response = await get(pathname, inGermany)
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/)
      expect(varyOf(response)).toContain(territoryHeader)
    }
    // The same URL answers differently per territory: that is why a CDN must key on it.
    const german = (await (await get('/api/films', inGermany)).json()) as { totalDocs: number }
    const american = await get('/api/films', { [territoryHeader]: 'US' })
    expect(german.totalDocs).toBe(1)
    expect(((await american.json()) as { totalDocs: number }).totalDocs).toBe(0)
    expect(varyOf(american)).toContain(territoryHeader)

    const unknown = await get('/api/films', { [territoryHeader]: 'XX' })
    expect(unknown.status).toBe(400)
    expect(varyOf(unknown)).toContain(territoryHeader)
    expect(unknown.headers.get('cache-control')).toBe('no-store')

    const missing = await get('/api/films')
    expect(missing.status).toBe(400)
    expect(varyOf(missing)).toContain(territoryHeader)
    expect(missing.headers.get('cache-control')).toBe('no-store')

    const overGraphQL = await graphql('{ Films { totalDocs } }', inGermany)
    expect(overGraphQL.status).toBe(200)
    expect(await overGraphQL.json()).toEqual({ data: { Films: { totalDocs: 1 } } })
    expect(varyOf(overGraphQL)).toContain(territoryHeader)
  })

  it('item 6: Vary: Origin where CORS echoes the origin, Accept-Encoding where compressed', async () => {
    const response = await get(`/api/films?depth=1`, {
      [territoryHeader]: 'DE',
      Origin: frontend,
      'Accept-Encoding': 'gzip',
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe(frontend)
    // JSON from Payload is compressed (its Content-Type used to reach compression as an array,
    // which it took for "not compressible"), and says so.
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(varyOf(response)).toEqual(
      expect.arrayContaining([territoryHeader, 'origin', 'accept-encoding']),
    )
    const staffAnswer = await staff.get('/api/people', { 'Accept-Encoding': 'gzip' })
    expect(staffAnswer.headers.get('content-encoding')).toBe('gzip')
    expect(varyOf(staffAnswer)).toContain('accept-encoding')
    // Images are not compressible: no compression, no Vary on it.
    const file = await get(imageFile, { 'Accept-Encoding': 'gzip', Origin: frontend })
    expect(file.headers.get('content-encoding')).toBeNull()
    expect(varyOf(file)).not.toContain('accept-encoding')
  })

  it('item 8: staff answers are private, no-store; 4xx answers are no-store; files are public', async () => {
    for (const pathname of [
      '/api/films',
      `/api/films/${filmId}`,
      '/api/people',
      '/api/images',
      '/api/licences',
      '/api/regions',
      '/api/users/me',
      `/api/availability?content=films/${filmId}&territory=DE`,
    ]) {
      const response = await staff.get(pathname)
      expect({ pathname, status: response.status }).toEqual({ pathname, status: 200 })
      expect({ pathname, cacheControl: response.headers.get('cache-control') }).toEqual({
        pathname,
        cacheControl: 'private, no-store',
      })
    }
    const staffGraphQL = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { Authorization: staff.authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Licences { totalDocs } }' }),
    })
    expect(staffGraphQL.headers.get('cache-control')).toBe('private, no-store')

    for (const [pathname, status] of [
      [`/api/films/999999`, 404],
      ['/api/no-such-collection', 404],
      ['/api/images', 403],
      ['/api/licences', 403],
    ] as const) {
      const response = await get(pathname, { [territoryHeader]: 'DE' })
      expect({ pathname, status: response.status }).toEqual({ pathname, status })
      expect(response.headers.get('cache-control')).toBe('no-store')
    }

    const file = await get(imageFile)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toMatch(/^image\//)
    // Without its `?v=` (the content-addressed URL answers carry) a file may change: revalidate.
    expect(file.headers.get('cache-control')).toBe('public, no-cache')
    expect(varyOf(file)).not.toContain(territoryHeader)
  })

  it('item 12: a cookie session is refused from a foreign origin (CSRF), accepted from our own', async () => {
    const loggedIn = await login(editor.email, editor.password)
    const cookie = loggedIn.headers
      .getSetCookie()
      .map((entry) => entry.split(';')[0])
      .find((entry) => entry.startsWith('payload-token='))
    expect(cookie).toBeDefined()
    const createPerson = (origin: string, name: string) =>
      fetch(`${server.url}/api/people`, {
        method: 'POST',
        headers: { Cookie: cookie as string, Origin: origin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name }),
      })
    const forged = await createPerson('https://attacker.example', 'Forged person')
    expect(forged.status).toBe(403)
    const found = (await (
      await staff.get('/api/people?where[name][equals]=Forged%20person')
    ).json()) as { totalDocs: number }
    expect(found.totalDocs).toBe(0)

    expect((await createPerson(server.url, 'Made in the admin')).status).toBe(201)
    expect((await createPerson(frontend, 'Made by the frontend')).status).toBe(201)
  })

  it('item 13: logins are rate-limited per account and per IP, unknown accounts answered alike', async () => {
    const attempts = async (email: string, firstIp: number) => {
      const answers: { status: number; body: string }[] = []
      // From a different client IP each time: the limit follows the account, not the address.
      for (let attempt = 0; attempt <= limits.perAccount; attempt += 1) {
        const password = attempt === limits.perAccount ? editor.password : 'wrong password'
        const response = await login(email, password, {
          'X-Forwarded-For': `203.0.113.${firstIp + attempt}`,
        })
        answers.push({ status: response.status, body: await response.text() })
      }
      return answers
    }
    const known = await attempts(editor.email, 10)
    const unknown = await attempts('nobody-here@reelhouse.test', 50)
    expect(known.map((answer) => answer.status)).toEqual([
      ...Array<number>(limits.perAccount).fill(401),
      429,
    ])
    expect(unknown).toEqual(known)

    // Per IP: failures for any emails add up; another address is not affected.
    const ip = { 'X-Forwarded-For': '198.51.100.7' }
    for (let attempt = 0; attempt < limits.perIp; attempt += 1) {
      const response = await login(`guess-${attempt}@reelhouse.test`, 'wrong password', ip)
      expect(response.status).toBe(401)
    }
    const blocked = await login(admin.email, admin.password, ip)
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('cache-control')).toBe('no-store')
    expect(blocked.headers.get('ratelimit-policy')).toMatch(new RegExp(`q=${limits.perIp}`))
    const elsewhere = await login(admin.email, admin.password, {
      'X-Forwarded-For': '198.51.100.8',
    })
    expect(elsewhere.status).toBe(200)
    expect(elsewhere.headers.getSetCookie().join(';')).toMatch(/payload-token=/)
  })
})

describe('item 12: production without SERVER_URL', () => {
  it('refuses to start (the session cookie would be accepted from any origin, or from none)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-no-url-'))
    try {
      await expect(
        spawnServer({
          mode: 'production',
          env: { SERVER_URL: '', DATABASE_URL: `file:${path.join(dir, 'reelhouse.db')}` },
          readyTimeoutMs: 60_000,
        }),
      ).rejects.toThrow(/SERVER_URL must be set in production/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

const redisUrl = process.env.TEST_REDIS_URL
if (!redisUrl) console.warn('[e2e] Redis login-limit test skipped: TEST_REDIS_URL is not set')

describe.skipIf(!redisUrl)('item 13: with REDIS_URL the login limits hold across processes', () => {
  const servers: RunningServer[] = []
  const dirs: string[] = []

  beforeAll(async () => {
    for (let index = 0; index < 2; index += 1) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-redis-'))
      dirs.push(dir)
      servers.push(
        await startProductionServer({
          DATABASE_URL: `file:${path.join(dir, 'reelhouse.db')}`,
          REDIS_URL: redisUrl as string,
          LOGIN_RATE_LIMIT_PER_ACCOUNT: '3',
          LOGIN_RATE_LIMIT_PER_IP: '50',
        }),
      )
    }
  })
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()))
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('counts failed logins for one email on every server process together', async () => {
    // Redis outlives test runs: an email of its own keeps this run's counter apart.
    const email = `shared-${crypto.randomUUID()}@reelhouse.test`
    const attempt = async (server: RunningServer) =>
      (
        await fetch(`${server.url}/api/users/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password: 'wrong password' }),
        })
      ).status
    const [first, second] = servers
    const statuses = [
      await attempt(first),
      await attempt(second),
      await attempt(first),
      await attempt(second),
    ]
    expect(statuses).toEqual([401, 401, 401, 429])
  })
})
