import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'
import isoCountries from 'i18n-iso-countries'
import { afterAll, describe, expect, it } from 'vitest'

import { type RunningServer, startProductionServer } from './support/server'
import { createPostgresDatabase, postgresServerUrl } from './support/postgres'
import { startTcpProxy } from './support/tcpProxy'
import { licenseFilmInGermany, loginAs } from './support/api'

const admin = { email: 'ops@reelhouse.test', password: 'a long admin password' }

type Backend = {
  name: string
  prepare: () => Promise<{
    databaseUrl: string
    cleanup: () => Promise<void>
    cutDatabase?: () => void
    restoreDatabase?: () => void
  }>
}

const sqliteBackend: Backend = {
  name: 'sqlite',
  prepare: async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-prod-'))
    return {
      databaseUrl: `file:${path.join(dir, 'reelhouse.db')}`,
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    }
  },
}

const postgresBackend: Backend = {
  name: 'postgres',
  prepare: async () => {
    const database = await createPostgresDatabase(postgresServerUrl as string)
    const target = new URL(database.url)
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) })
    const throughProxy = new URL(database.url)
    throughProxy.host = `127.0.0.1:${proxy.port}`
    return {
      databaseUrl: throughProxy.toString(),
      cutDatabase: proxy.cut,
      restoreDatabase: proxy.restore,
      cleanup: async () => {
        await proxy.close()
        await database.drop()
      },
    }
  },
}

const backends = [sqliteBackend, ...(postgresServerUrl ? [postgresBackend] : [])]
if (!postgresServerUrl) console.warn('[e2e] PostgreSQL skipped: TEST_POSTGRES_URL is not set')

const json = async (response: Response) => (await response.json()) as Record<string, unknown>

const login = async (server: RunningServer) => {
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(admin),
  })
  expect(response.status).toBe(200)
  const { token } = (await response.json()) as { token: string }
  return { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
}

const waitUntil = async (check: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return false
}

describe.each(backends)('production server on $name', (backend) => {
  let server: RunningServer | undefined
  let environment: Awaited<ReturnType<Backend['prepare']>>

  afterAll(async () => {
    await server?.stop()
    await environment?.cleanup()
  })

  it('starts on a brand-new database, running the committed migrations', async () => {
    environment = await backend.prepare()
    server = await startProductionServer({
      DATABASE_URL: environment.databaseUrl,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      SEED_REFERENCE: 'true',
    })
    expect(server.logs()).toMatch(/initial/)
    const ready = await fetch(`${server.url}/readyz`)
    expect(ready.status).toBe(200)
  })

  it('has every country and the default groups on a brand-new database (reference data)', async () => {
    const headers = await login(server!)
    const countries = await json(
      await fetch(`${server!.url}/api/regions?limit=1&where[kind][equals]=country`, { headers }),
    )
    expect(countries.totalDocs).toBe(Object.keys(isoCountries.getAlpha2Codes()).length)
    const dach = (await (
      await fetch(`${server!.url}/api/regions?where[code][equals]=DACH&depth=0`, { headers })
    ).json()) as { docs: { kind: string; members: unknown[] }[] }
    expect(dach.docs[0]?.kind).toBe('group')
    expect(dach.docs[0]?.members).toHaveLength(3)
    expect(server!.logs()).toMatch(/"event":"reference.applied"/)
  })

  it('sends security headers, a request id and one JSON log line per request', async () => {
    const response = await fetch(`${server!.url}/healthz`, {
      headers: { 'X-Request-Id': 'probe-42' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(response.headers.get('x-request-id')).toBe('probe-42')
    expect(response.headers.get('x-powered-by')).toBeNull()
    await waitUntil(async () => server!.logs().includes('probe-42'), 5_000)
    const line = server!
      .logs()
      .split('\n')
      .find((entry) => entry.includes('"probe-42"'))
    expect(JSON.parse(line as string)).toMatchObject({
      requestId: 'probe-42',
      method: 'GET',
      path: '/healthz',
      status: 200,
      durationMs: expect.any(Number),
    })
  })

  it('serves the admin, compressed', async () => {
    const response = await fetch(`${server!.url}/admin/login`, {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(await response.text()).toContain('Reelhouse')
  })

  it('serves REST and GraphQL: published films only for the public, 400 naming the field', async () => {
    const headers = await login(server!)
    const created = await fetch(`${server!.url}/api/films`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Night Train to Lhasa', _status: 'published' }),
    })
    expect(created.status).toBe(201)
    const filmId = ((await created.json()) as { doc: { id: number } }).doc.id
    await licenseFilmInGermany(await loginAs(server!, admin), filmId)
    const draft = await fetch(`${server!.url}/api/films?draft=true`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Secret Draft', _status: 'draft' }),
    })
    expect(draft.status).toBe(201)

    const duplicate = await fetch(`${server!.url}/api/films`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Night Train to Lhasa', _status: 'published' }),
    })
    expect(duplicate.status).toBe(400)
    expect(JSON.stringify(await json(duplicate))).toContain('"path":"slug"')

    const publicList = await json(
      await fetch(`${server!.url}/api/films?limit=50`, { headers: { 'X-Viewer-Territory': 'DE' } }),
    )
    const titles = (publicList.docs as { title: string }[]).map((doc) => doc.title)
    expect(titles).toContain('Night Train to Lhasa')
    expect(titles).not.toContain('Secret Draft')

    const graphql = await fetch(`${server!.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Viewer-Territory': 'DE' },
      body: JSON.stringify({ query: '{ Films(limit: 50) { totalDocs docs { title slug } } }' }),
    })
    expect(graphql.status).toBe(200)
    const body = (await graphql.json()) as { data: { Films: { docs: { title: string }[] } } }
    const graphTitles = body.data.Films.docs.map((doc) => doc.title)
    expect(graphTitles).toContain('Night Train to Lhasa')
    expect(graphTitles).not.toContain('Secret Draft')

    const licences = await fetch(`${server!.url}/api/licences`)
    expect(licences.status).toBe(403)
  })

  it('finishes an in-flight request on SIGTERM, then exits 0', async () => {
    const headers = await login(server!)
    const big = await sharp({
      create: { width: 5000, height: 7500, channels: 3, background: '#336699' },
    })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(big)], { type: 'image/png' }), 'huge.png')
    form.append('_payload', JSON.stringify({ alt: 'Huge poster' }))
    const upload = fetch(`${server!.url}/api/images`, {
      method: 'POST',
      headers: { Authorization: headers.Authorization },
      body: form,
    })
    // Let the upload reach the server; resizing a 5000x7500 image keeps it busy for a while.
    await new Promise((resolve) => setTimeout(resolve, 150))
    const exit = server!.stop()
    const response = await upload
    expect(response.status).toBe(201)
    expect(await exit).toBe(0)
    expect(server!.logs()).toContain('shutdown complete')
    server = undefined
  })

  it('starts again on the existing database with everything kept', async () => {
    server = await startProductionServer({
      DATABASE_URL: environment.databaseUrl,
      SEED_REFERENCE: 'true',
    })
    // The reference regions were applied on the first start: nothing to do, nothing logged.
    expect(server.logs()).not.toMatch(/reference.applied/)
    const list = await json(
      await fetch(`${server.url}/api/films?where[slug][equals]=night-train-to-lhasa`, {
        headers: { 'X-Viewer-Territory': 'DE' },
      }),
    )
    expect(list.totalDocs).toBe(1)
    // Images are listed to staff only (public API hardening, item 4).
    const images = await json(
      await fetch(`${server.url}/api/images?limit=5`, { headers: await login(server) }),
    )
    expect(images.totalDocs).toBe(1)
  })

  it.runIf(backend === postgresBackend)(
    'answers 503 on /readyz while the database is unreachable',
    async () => {
      environment.cutDatabase!()
      const down = await fetch(`${server!.url}/readyz`)
      expect(down.status).toBe(503)
      expect(await json(down)).toMatchObject({ database: 'unreachable' })
      const health = await fetch(`${server!.url}/healthz`)
      expect(health.status).toBe(200)
      environment.restoreDatabase!()
      expect(
        await waitUntil(async () => (await fetch(`${server!.url}/readyz`)).status === 200, 20_000),
      ).toBe(true)
    },
  )
})
