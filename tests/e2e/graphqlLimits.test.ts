import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createdId, loginAs } from './support/api'
import { createPostgresDatabase, postgresServerUrl } from './support/postgres'
import { type RunningServer, startProductionServer } from './support/server'

const admin = { email: 'limits-admin@reelhouse.test', password: 'a long admin password' }

const backends = [
  { kind: 'sqlite' as const },
  ...(postgresServerUrl ? [{ kind: 'postgres' as const }] : []),
]

const aliases = (count: number, selection: string) =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${selection}`).join(' ')} }`

describe.each(backends)('GraphQL limits on the production server ($kind)', ({ kind }) => {
  let server: RunningServer
  let cleanup: () => Promise<void>

  beforeAll(async () => {
    let databaseUrl: string
    if (kind === 'postgres' && postgresServerUrl) {
      const database = await createPostgresDatabase(postgresServerUrl)
      databaseUrl = database.url
      cleanup = database.drop
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-limits-'))
      databaseUrl = `file:${path.join(dir, 'reelhouse.db')}`
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true })
    }
    server = await startProductionServer({
      DATABASE_URL: databaseUrl,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    })
    const staff = await loginAs(server, admin)
    await createdId(
      await staff.post('/api/regions', {
        code: 'DE',
        kind: 'country',
        name: 'Germany',
        timeZone: 'Europe/Berlin',
      }),
    )
    const films: number[] = []
    for (let index = 0; index < 100; index += 1) {
      films.push(
        await createdId(
          await staff.post('/api/films', { title: `Film ${index}`, _status: 'published' }),
        ),
      )
    }
    await createdId(
      await staff.post('/api/licences', {
        content: films.map((value) => ({ relationTo: 'films', value })),
        kind: 'grant',
        licenceType: 'svod',
        territories: ['DE'],
        start: '2020-01-01',
        contractId: 'LIMITS-ALL',
      }),
    )
  })

  afterAll(async () => {
    await server?.stop()
    await cleanup?.()
  })

  const graphql = (query: string) =>
    fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Viewer-Territory': 'DE' },
      body: JSON.stringify({ query }),
    })

  it('9. keeps answering /readyz within 1 s while expensive GraphQL queries are in flight', async () => {
    // The most expensive query the budget allows (9 pages of 100 films), and the 300-alias
    // query of the issue, each sent over and over for 4 s.
    const heaviest = aliases(9, 'Films(limit: 100) { docs { id } }')
    const check = await graphql(heaviest)
    expect(check.status).toBe(200)
    const answered = (await check.json()) as { data: Record<string, { docs: unknown[] }> }
    expect(answered.data.a8.docs).toHaveLength(100)

    const until = Date.now() + 4_000
    const statuses: number[] = []
    const load = async (query: string) => {
      while (Date.now() < until) {
        const response = await graphql(query)
        await response.text()
        statuses.push(response.status)
      }
    }
    const readyTimes: number[] = []
    const probe = async () => {
      await new Promise((resolve) => setTimeout(resolve, 300))
      while (Date.now() < until) {
        const started = performance.now()
        const response = await fetch(`${server.url}/readyz`)
        await response.text()
        expect(response.status).toBe(200)
        readyTimes.push(performance.now() - started)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    await Promise.all([load(heaviest), load(aliases(300, 'Films { docs { id } }')), probe()])
    console.info(
      `[e2e] ${kind}: ${statuses.length} GraphQL answers, /readyz max ${Math.round(
        Math.max(...readyTimes),
      )} ms over ${readyTimes.length} probes (${readyTimes.map(Math.round).join(', ')})`,
    )
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0)
    expect(statuses.filter((status) => status === 400).length).toBeGreaterThan(0)
    expect(statuses.every((status) => status < 500)).toBe(true)
    expect(readyTimes.length).toBeGreaterThan(5)
    expect(Math.max(...readyTimes)).toBeLessThan(1_000)
  })

  it('9. refuses the 300-alias query, recursive fragments and over-budget lists with 400', async () => {
    for (const query of [
      aliases(300, 'Films { docs { id } }'),
      'query { Films { docs { ...A } } } fragment A on Film { id relatedFilms { ...A } }',
      aliases(10, 'Films(limit: 100) { docs { id } }'),
    ]) {
      const response = await graphql(query)
      expect(response.status, query.slice(0, 60)).toBe(400)
      const body = (await response.json()) as { errors: { message: string }[] }
      expect(body.errors[0].message).toMatch(/top-level fields|within itself|costs/)
    }
  })
})
