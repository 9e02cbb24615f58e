import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type ApiClient, createdId, loginAs } from './support/api'
import { createPostgresDatabase, postgresServerUrl } from './support/postgres'
import { type RunningServer, startProductionServer } from './support/server'

const admin = { email: 'rights-admin@reelhouse.test', password: 'a long admin password' }
const licensing = { email: 'licensing@reelhouse.test', password: 'a long licensing password' }

type FilmList = {
  totalDocs: number
  docs: {
    id: number
    title: string
    relatedFilms?: unknown[]
    availability?: Record<string, unknown>
  }[]
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe(`the public content API over HTTP (${postgresServerUrl ? 'postgres' : 'sqlite'})`, () => {
  let first: RunningServer
  let second: RunningServer | undefined
  let staff: ApiClient
  let rights: ApiClient
  let cleanup: () => Promise<void>
  let databaseUrl: string
  const film: Record<'available' | 'unavailable' | 'expiring' | 'draft' | 'unapproved', number> = {
    available: 0,
    unavailable: 0,
    expiring: 0,
    draft: 0,
    unapproved: 0,
  }
  const licence: Record<string, number> = {}
  let expiringEnd = ''

  const publicGet = (server: RunningServer, pathname: string, territory?: string) =>
    fetch(`${server.url}${pathname}`, {
      headers: territory ? { 'X-Viewer-Territory': territory } : {},
    })

  const graphql = async (server: RunningServer, query: string, territory?: string) => {
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(territory ? { 'X-Viewer-Territory': territory } : {}),
      },
      body: JSON.stringify({ query }),
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  beforeAll(async () => {
    if (postgresServerUrl) {
      const database = await createPostgresDatabase(postgresServerUrl)
      databaseUrl = database.url
      cleanup = database.drop
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-content-'))
      databaseUrl = `file:${path.join(dir, 'reelhouse.db')}`
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true })
    }
    first = await startProductionServer({
      DATABASE_URL: databaseUrl,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    })
    staff = await loginAs(first, admin)
    await createdId(await staff.post('/api/users', { ...licensing, roles: ['licensing'] }))
    rights = await loginAs(first, licensing)
    for (const [code, timeZone, gate] of [
      ['DE', 'Europe/Berlin', false],
      ['US', 'America/New_York', false],
      ['CN', 'Asia/Shanghai', true],
    ] as const) {
      await createdId(
        await rights.post('/api/regions', {
          code,
          kind: 'country',
          name: code,
          timeZone,
          requiresApprovalNumber: gate,
        }),
      )
    }
    const newFilm = async (title: string, extra: Record<string, unknown> = {}) =>
      createdId(await staff.post('/api/films', { title, _status: 'published', ...extra }))
    film.unavailable = await newFilm('Not Licensed Here')
    film.available = await newFilm('Licensed Everywhere', { relatedFilms: [film.unavailable] })
    film.expiring = await newFilm('Leaving Soon')
    film.unapproved = await newFilm('Awaiting Approval')
    film.draft = await createdId(
      await staff.post('/api/films?draft=true', { title: 'Unfinished', _status: 'draft' }),
    )
    const grant = async (id: number, extra: Record<string, unknown> = {}) =>
      createdId(
        await rights.post('/api/licences', {
          content: [{ relationTo: 'films', value: id }],
          kind: 'grant',
          licenceType: 'svod',
          formats: ['hd'],
          territories: ['DE', 'CN'],
          start: '2020-01-01',
          ...extra,
        }),
      )
    licence.available = await grant(film.available, { exclusive: true, contractId: 'EXCL-A' })
    licence.draft = await grant(film.draft)
    licence.unapproved = await grant(film.unapproved)
    expiringEnd = new Date(Math.ceil((Date.now() + 120_000) / 1000) * 1000).toISOString()
    licence.expiring = await grant(film.expiring, { end: expiringEnd.replace('.000Z', 'Z') })
    const approved = await staff.patch(`/api/films/${film.available}`, {
      cnApprovalNumber: '(2026)影字第007号',
    })
    expect(approved.status).toBe(200)
  })

  afterAll(async () => {
    await second?.stop()
    await first?.stop()
    await cleanup?.()
  })

  it('refuses a public read without a territory or with an unknown one (REST and GraphQL)', async () => {
    const missing = await publicGet(first, '/api/films')
    expect(missing.status).toBe(400)
    expect(JSON.stringify(await missing.json())).toContain('x-viewer-territory')
    const unknown = await publicGet(first, '/api/films', 'XX')
    expect(unknown.status).toBe(400)
    const byQuery = await publicGet(first, '/api/films', 'ZZ')
    expect(byQuery.status).toBe(400)
    const graph = await graphql(first, '{ Films { docs { title } } }')
    expect(JSON.stringify(graph.body.errors)).toContain('territory')
    expect(JSON.stringify(graph.body.data ?? null)).not.toContain('Licensed Everywhere')
  })

  it('lists only published titles available in the territory, with their availability', async () => {
    const response = await publicGet(first, '/api/films?limit=24', 'DE')
    expect(response.status).toBe(200)
    const list = (await response.json()) as FilmList
    const titles = list.docs.map((doc) => doc.title).sort()
    expect(titles).toEqual(['Awaiting Approval', 'Leaving Soon', 'Licensed Everywhere'])
    expect(list.totalDocs).toBe(3)
    const leaving = list.docs.find((doc) => doc.title === 'Leaving Soon')
    expect(leaving?.availability).toMatchObject({
      territory: 'DE',
      licenceTypes: ['svod'],
      formats: ['hd'],
    })
    expect(Date.parse(String(leaving?.availability?.validUntil))).toBe(Date.parse(expiringEnd))
    const cacheControl = response.headers.get('cache-control') ?? ''
    const maxAge = Number(/public, max-age=(\d+)/.exec(cacheControl)?.[1])
    expect(maxAge).toBeGreaterThan(0)
    expect(maxAge).toBeLessThanOrEqual(Math.ceil((Date.parse(expiringEnd) - Date.now()) / 1000))

    const us = (await (await publicGet(first, '/api/films', 'us')).json()) as FilmList
    expect(us.totalDocs).toBe(0)
    const china = (await (await publicGet(first, '/api/films', 'CN')).json()) as FilmList
    // China gates titles on an approval number: only the approved one shows there.
    expect(china.docs.map((doc) => doc.title)).toEqual(['Licensed Everywhere'])
  })

  it('15. trusted territory: production refuses ?territory= from the public, staff keep it', async () => {
    for (const headers of [{}, { 'X-Viewer-Territory': 'CN' }] as Record<string, string>[]) {
      const response = await fetch(`${first.url}/api/films?territory=DE`, { headers })
      expect(response.status).toBe(400)
      const body = (await response.json()) as {
        errors: { message: string; data?: { errors?: { path: string; message: string }[] } }[]
      }
      expect(body.errors[0].data?.errors?.[0]).toMatchObject({ path: 'territory' })
      expect(body.errors[0].message).toContain('x-viewer-territory header')
      expect(JSON.stringify(body)).not.toContain('Licensed Everywhere')
    }
    const graph = await fetch(`${first.url}/api/graphql?territory=DE`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Viewer-Territory': 'US' },
      body: JSON.stringify({ query: '{ Films { docs { title } } }' }),
    })
    const graphBody = JSON.stringify(await graph.json())
    expect(graphBody).toContain('"statusCode":400')
    expect(graphBody).not.toContain('Licensed Everywhere')
    const fromHeader = await publicGet(first, '/api/films', 'DE')
    expect(fromHeader.status).toBe(200)
    expect((fromHeader.headers.get('vary') ?? '').toLowerCase()).toContain('x-viewer-territory')
    expect((await staff.get('/api/films?territory=US&limit=1')).status).toBe(200)
  })

  it('never caches staff responses', async () => {
    const response = await staff.get('/api/films?limit=5')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const list = (await response.json()) as FilmList
    expect(list.totalDocs).toBe(5)
  })

  it('does not leak unavailable titles through relationships, by id or in GraphQL', async () => {
    for (const depth of [0, 1, 2]) {
      const doc = (await (
        await publicGet(first, `/api/films/${film.available}?depth=${depth}`, 'DE')
      ).json()) as { relatedFilms: unknown[] }
      expect(doc.relatedFilms).toEqual([])
    }
    const staffView = (await (await staff.get(`/api/films/${film.available}?depth=0`)).json()) as {
      relatedFilms: number[]
    }
    expect(staffView.relatedFilms).toEqual([film.unavailable])
    expect((await publicGet(first, `/api/films/${film.unavailable}`, 'DE')).status).toBe(404)
    expect((await publicGet(first, `/api/films/${film.draft}?draft=true`, 'DE')).status).toBe(404)

    const graph = await graphql(
      first,
      `{ Films { totalDocs docs { id title relatedFilms { id title } } }
         hidden: Film(id: ${film.unavailable}) { title } }`,
      'DE',
    )
    const text = JSON.stringify(graph.body.data)
    expect(text).toContain('Licensed Everywhere')
    expect(text).not.toContain('Not Licensed Here')
    expect(text).not.toContain('Unfinished')
    expect((graph.body.data as { hidden: unknown }).hidden).toBeNull()
  })

  it('public API hardening: relationship paths refused, hidden ids unknown, max-age bounded by related titles', async () => {
    const refused = await publicGet(first, '/api/films?where[relatedFilms.title][like]=Not', 'DE')
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain('relatedFilms.title')
    const relatedTo = async (id: number) =>
      (await (
        await publicGet(first, `/api/films?where[relatedFilms][equals]=${id}`, 'DE')
      ).json()) as { docs: unknown[]; totalDocs: number }
    const forHidden = await relatedTo(film.unavailable)
    const forNever = await relatedTo(987_654)
    expect(forHidden.totalDocs).toBe(0)
    expect(forHidden.docs).toEqual(forNever.docs)

    const host = await createdId(
      await staff.post('/api/films', {
        title: 'Points At Leaving Soon',
        _status: 'published',
        relatedFilms: [film.expiring],
      }),
    )
    await createdId(
      await rights.post('/api/licences', {
        content: [{ relationTo: 'films', value: host }],
        kind: 'grant',
        licenceType: 'svod',
        territories: ['DE'],
        start: '2020-01-01',
      }),
    )
    const maxAge = (response: Response) =>
      Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1])
    const secondsLeft = () => Math.ceil((Date.parse(expiringEnd) - Date.now()) / 1000)
    if (secondsLeft() < 10) return // the window already ended: nothing left to bound by
    const rest = await publicGet(first, `/api/films/${host}?depth=0`, 'DE')
    expect(maxAge(rest)).toBeLessThanOrEqual(secondsLeft())
    const graph = await fetch(`${first.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Viewer-Territory': 'DE' },
      body: JSON.stringify({ query: `{ Film(id: ${host}) { id relatedFilms { id } } }` }),
    })
    expect(maxAge(graph)).toBeLessThanOrEqual(secondsLeft())
  })

  it('answers the staff availability endpoint with reasons, and 403 to the public', async () => {
    const ask = (client: ApiClient | null, query: string) =>
      client
        ? client.get(`/api/availability?${query}`)
        : fetch(`${first.url}/api/availability?${query}`)
    expect((await ask(null, `content=films/${film.available}&territory=DE`)).status).toBe(403)

    const answer = async (query: string) =>
      (await (await ask(rights, query)).json()) as Record<string, unknown>
    expect(await answer(`content=films/${film.available}&territory=DE`)).toEqual({
      available: true,
      reasons: [],
      validUntil: null,
      licences: [String(licence.available)],
      announced: null,
      stored: { available: true, validUntil: null },
      consistent: true,
    })
    expect(await answer(`content=films/${film.unavailable}&territory=DE`)).toMatchObject({
      available: false,
      reasons: ['NO_GRANT'],
    })
    expect(await answer(`content=films/${film.draft}&territory=DE`)).toMatchObject({
      available: false,
      reasons: ['UNPUBLISHED'],
    })
    expect(await answer(`content=films/${film.unapproved}&territory=CN`)).toMatchObject({
      available: false,
      reasons: ['POLICY_GATE'],
    })
    expect(
      await answer(`content=films/${film.available}&territory=DE&at=2019-12-31T22:59:59Z`),
    ).toEqual({
      announced: null,
      available: false,
      reasons: ['NO_GRANT'],
      validUntil: '2019-12-31T23:00:00Z',
      licences: [],
      stored: { available: false, validUntil: null },
      consistent: true,
    })
    expect(
      await answer(`content=films/${film.available}&territory=DE&licenceType=avod`),
    ).toMatchObject({ available: false, reasons: ['NO_GRANT'] })
    expect(await answer(`content=films/${film.available}&territory=DE&format=uhd`)).toMatchObject({
      available: false,
    })
    expect(
      (await ask(rights, `content=films/${film.available}&territory=DE&at=tomorrow`)).status,
    ).toBe(400)
    expect((await ask(rights, `content=books/1&territory=DE`)).status).toBe(400)
    expect((await ask(rights, `content=films/${film.available}&territory=XX`)).status).toBe(400)
  })

  it('lists expiring windows and recorded conflicts for staff only', async () => {
    expect((await fetch(`${first.url}/api/licences/expiring`)).status).toBe(403)
    const expiring = await rights.json<{
      windows: { licenceId: string; territory: string; end: string }[]
    }>('/api/licences/expiring?days=1&territory=DE')
    expect(expiring.windows).toEqual([
      expect.objectContaining({ licenceId: String(licence.expiring), territory: 'DE' }),
    ])
    const rival = await createdId(
      await rights.post('/api/licences', {
        content: [{ relationTo: 'films', value: film.available }],
        kind: 'grant',
        licenceType: 'svod',
        exclusive: true,
        territories: ['DE'],
        start: '2030-01-01',
        end: '2030-12-31',
        contractId: 'EXCL-B',
      }),
    )
    const conflicts = await rights.json<{ licences: { id: number; conflicts: unknown[] }[] }>(
      '/api/licences/conflicts',
    )
    expect(conflicts.licences.map((entry) => entry.id).sort()).toEqual(
      [licence.available, rival].sort(),
    )
  })

  it('a licence edit through one server process is seen by another within 5 seconds', async () => {
    second = await startProductionServer({ DATABASE_URL: databaseUrl })
    const visibleOnSecond = async () => {
      const list = (await (
        await publicGet(second!, '/api/films?limit=50', 'US')
      ).json()) as FilmList
      return list.docs.some((doc) => doc.id === film.unavailable)
    }
    expect(await visibleOnSecond()).toBe(false)
    const started = Date.now()
    const granted = await createdId(
      await rights.post('/api/licences', {
        content: [{ relationTo: 'films', value: film.unavailable }],
        kind: 'grant',
        licenceType: 'avod',
        territories: ['US'],
        start: '2020-01-01',
      }),
    )
    while (!(await visibleOnSecond()) && Date.now() - started < 5_000) await sleep(100)
    expect(await visibleOnSecond()).toBe(true)
    expect(Date.now() - started).toBeLessThan(5_000)

    const revokedAt = Date.now()
    const removed = await fetch(`${first.url}/api/licences/${granted}`, {
      method: 'DELETE',
      headers: { Authorization: rights.authorization },
    })
    expect(removed.status).toBe(200)
    while ((await visibleOnSecond()) && Date.now() - revokedAt < 5_000) await sleep(100)
    expect(await visibleOnSecond()).toBe(false)
  })
})
