import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type ApiClient, createdId } from './support/api'
import type { RunningServer } from './support/server'
import { e2eBackends, startStaffServer } from './support/staffServer'

// Issue 10, "Types and contract": the example frontend (examples/frontend) type-checks against
// the generated contract and runs against a production server, over REST (@payloadcms/sdk)
// and GraphQL (graphql-request).

const run = promisify(execFile)
const admin = { email: 'frontend-admin@reelhouse.test', password: 'a long admin password' }

const backends = e2eBackends('reelhouse-frontend-')

type Tile = {
  id: number
  title: string
  availableUntil: string | null
  formats: string[]
  playable: boolean
}
type ErrorAnswer = {
  status: number
  errors: {
    message: string
    statusCode?: number | null
    data?: unknown
    fields?: { path: string; message: string }[]
  }[]
}
type Hit = { id: number; kind: 'films' | 'series'; title: string; matched: string }
type Output = {
  territory: string
  rest: Tile[]
  graphql: Tile[]
  graphqlZhHans: Tile[]
  film: { found?: Tile; error?: ErrorAnswer } | null
  search: { hits: Hit[]; totalDocs: number }
  withoutTerritory: { rest: ErrorAnswer | null; graphql: ErrorAnswer | null }
  searchWithoutWords: ErrorAnswer | null
}

it('the example type-checks against the generated types', async () => {
  await run('npx', ['tsc', '--noEmit', '-p', 'examples/frontend/tsconfig.json'], {
    timeout: 120_000,
  })
}, 150_000)

describe.each(backends)('the example frontend on the production server on $name', (backend) => {
  let server: RunningServer
  let staff: ApiClient
  let stop: (() => Promise<void>) | undefined
  const ids = { everywhere: 0, germanyOnly: 0 }
  const validUntil = '2090-06-30T22:00:00.000Z'

  const example = async (
    territory: string,
    filmId: number,
    search = 'germany',
  ): Promise<Output> => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'examples/frontend/catalog.ts', String(filmId), search],
      {
        env: {
          ...process.env,
          REELHOUSE_API_URL: `${server.url}/api`,
          VIEWER_TERRITORY: territory,
        },
        timeout: 60_000,
      },
    )
    return JSON.parse(stdout) as Output
  }

  beforeAll(async () => {
    const started = await startStaffServer(backend, admin)
    server = started.server
    staff = started.staff
    stop = started.stop
    for (const [code, timeZone] of [
      ['DE', 'Europe/Berlin'],
      ['CN', 'Asia/Shanghai'],
    ] as const) {
      await createdId(
        await staff.post('/api/regions', { code, kind: 'country', name: code, timeZone }),
      )
    }
    const film = async (title: string) =>
      createdId(await staff.post('/api/films', { title, _status: 'published' }))
    ids.everywhere = await film('The Glass Harbour')
    ids.germanyOnly = await film('Only in Germany')
    for (const [locale, title] of [
      ['de', 'Der gläserne Hafen'],
      ['zh-Hans', '玻璃港'],
    ]) {
      const answer = await staff.patch(`/api/films/${ids.everywhere}?locale=${locale}`, { title })
      expect(answer.status).toBe(200)
    }
    const license = async (films: number[], territories: string[], end?: string) =>
      createdId(
        await staff.post('/api/licences', {
          content: films.map((value) => ({ relationTo: 'films', value })),
          kind: 'grant',
          licenceType: 'svod',
          territories,
          start: '2020-01-01T00:00:00Z',
          ...(end ? { end } : {}),
          contractId: `FRONTEND-${territories.join('-')}-${films.join('-')}`,
        }),
      )
    await license([ids.everywhere], ['DE', 'CN'], validUntil)
    await license([ids.germanyOnly], ['DE'])
  }, 120_000)

  afterAll(async () => {
    await stop?.()
  })

  it('DE sees both films, with typed availability, over REST and GraphQL', async () => {
    const output = await example('DE', ids.germanyOnly)
    expect(output.territory).toBe('DE')
    for (const tiles of [output.rest, output.graphql]) {
      expect(tiles.map((tile) => tile.id)).toEqual([ids.everywhere, ids.germanyOnly])
      expect(tiles[0]).toMatchObject({
        title: 'Der gläserne Hafen',
        availableUntil: validUntil,
        playable: false,
      })
      expect(tiles[0].formats.length).toBeGreaterThan(0)
      expect(tiles[1].availableUntil).toBeNull()
    }
    expect(output.graphqlZhHans[0].title).toBe('玻璃港')
    expect(output.film?.found?.id).toBe(ids.germanyOnly)
    expect(output.search).toEqual({
      totalDocs: 1,
      hits: [
        {
          id: ids.germanyOnly,
          kind: 'films',
          title: 'Only in Germany',
          matched: 'wordPrefix (en)',
        },
      ],
    })
  })

  it('GraphQL search finds a title in every locale, answered in the viewer locale', async () => {
    const { search } = await example('CN', ids.everywhere, 'glaserne')
    expect(search.hits).toEqual([
      {
        id: ids.everywhere,
        kind: 'films',
        title: 'Der gläserne Hafen',
        matched: 'prefix (de)',
      },
    ])
  })

  it('CN does not see the DE-only film: not listed, and 404 by id', async () => {
    const output = await example('CN', ids.germanyOnly)
    for (const tiles of [output.rest, output.graphql, output.graphqlZhHans]) {
      expect(tiles.map((tile) => tile.id)).toEqual([ids.everywhere])
    }
    expect(output.rest[0].availableUntil).toBe(validUntil)
    expect(output.film?.found).toBeUndefined()
    expect(output.film?.error?.status).toBe(404)
    // Search is filtered like every public read: the title is not found, not even counted.
    expect(output.search).toEqual({ totalDocs: 0, hits: [] })
    expect(JSON.stringify(output)).not.toContain('Only in Germany')
  })

  it('shows the error shapes: 400 naming the territory, in REST and in GraphQL', async () => {
    const { withoutTerritory } = await example('DE', ids.everywhere)
    expect(withoutTerritory.rest?.status).toBe(400)
    expect(JSON.stringify(withoutTerritory.rest?.errors)).toContain('territory')
    expect(withoutTerritory.graphql?.errors[0]).toMatchObject({ statusCode: 400 })
    expect(withoutTerritory.graphql?.errors[0].message).toContain('territory')
  })

  it('bad search input is a GraphQL error naming the field, never an internal error', async () => {
    const { searchWithoutWords } = await example('DE', ids.everywhere)
    expect(searchWithoutWords?.errors).toEqual([
      expect.objectContaining({
        statusCode: 400,
        fields: [{ path: 'q', message: expect.stringContaining('at least 2') }],
      }),
    ])
  })
})
