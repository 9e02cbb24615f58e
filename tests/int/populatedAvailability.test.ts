import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AvailabilitySummary, Episode, Film, Season, Series } from '../../src/payload-types'
import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'
import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'
import { createCountries, createGrant, createKeyUser } from './support/fixtures'

/**
 * Issue 10, "Types and contract": populated relations and joins carry the viewer's
 * `availability` in REST as in GraphQL (related films, a series' seasons, an episode's season,
 * episodes inside the seasons join with `depth`), through the same viewer filter, and `select`
 * keeps the documented shape.
 */
describe.each(testBackends)('availability on populated titles on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)
  let ctx: TestPayload
  let payload: Payload
  let http: PayloadHttpServer
  let staffKey: string
  const tag = crypto.randomBytes(3).toString('hex')
  const hiddenTitle = `HIDDEN us-only ${tag}`
  const ids: Record<'main' | 'related' | 'usOnly' | 'series' | 'season' | 'episode', number> = {
    main: 0,
    related: 0,
    usOnly: 0,
    series: 0,
    season: 0,
    episode: 0,
  }

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    await createCountries(payload, ['DE', 'US'])
    const grant = async (
      collection: 'films' | 'series',
      id: number,
      territories: string[],
      end?: string,
    ) =>
      createGrant(
        payload,
        { relationTo: collection, value: id },
        {
          territories,
          start: '2020-01-01',
          ...(end ? { end } : {}),
          contractId: `POP-${collection}-${id}-${tag}`,
        },
      )
    const film = async (title: string, relatedFilms: number[] = []) =>
      (
        await payload.create({
          collection: 'films',
          data: { title, relatedFilms, _status: 'published' },
        })
      ).id
    ids.usOnly = await film(hiddenTitle)
    await grant('films', ids.usOnly, ['US'])
    ids.related = await film(`Related ${tag}`)
    await grant('films', ids.related, ['DE'])
    ids.main = await film(`Main ${tag}`, [ids.related, ids.usOnly])
    await grant('films', ids.main, ['DE'], '2090-06-30')
    ids.series = (
      await payload.create({
        collection: 'series',
        data: { title: `Series ${tag}`, _status: 'published' },
      })
    ).id
    ids.season = (
      await payload.create({
        collection: 'seasons',
        data: { series: ids.series, seasonNumber: 1, _status: 'published' },
      })
    ).id
    ids.episode = (
      await payload.create({
        collection: 'episodes',
        data: {
          season: ids.season,
          episodeNumber: 1,
          title: `Episode ${tag}`,
          _status: 'published',
        },
      })
    ).id
    // A series licence covers its seasons and episodes.
    await grant('series', ids.series, ['DE'], '2091-12-31')
    staffKey = crypto.randomBytes(16).toString('hex')
    await createKeyUser(payload, ['editor'], staffKey)
    http = await servePayloadOverHttp(payload)
  })
  afterAll(async () => {
    await http?.close()
    await ctx?.destroy()
  })

  const get = async <T>(path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${http.url}${path}`, {
      headers: { 'X-Viewer-Territory': 'DE', ...headers },
    })
    const text = await response.text()
    expect(response.status, text).toBe(200)
    return { body: JSON.parse(text) as T, text }
  }
  /** What a direct public read of the title says: populated copies must say the same. */
  const ownSummary = async (collection: string, id: number) =>
    (await get<{ availability: AvailabilitySummary | null }>(`/api/${collection}/${id}?depth=0`))
      .body.availability

  run('populated related films carry their availability; hidden ones do not appear', async () => {
    const { body, text } = await get<Film>(`/api/films/${ids.main}?depth=1`)
    expect(body.availability).toMatchObject({ territory: 'DE', licenceTypes: ['svod'] })
    expect(body.availability?.validUntil).toEqual(expect.any(String))
    const related = body.relatedFilms as Film[]
    expect(related.map((doc) => doc.id)).toEqual([ids.related])
    expect(related[0].availability).toEqual(await ownSummary('films', ids.related))
    expect(related[0].availability).toMatchObject({ territory: 'DE', validUntil: null })
    expect(text).not.toContain(hiddenTitle)
  })

  run("a series' seasons join, and the episodes inside it at depth 2, carry theirs", async () => {
    const { body } = await get<Series>(`/api/series/${ids.series}?depth=2`)
    const seasons = body.seasons?.docs as Season[]
    expect(seasons.map((doc) => doc.id)).toEqual([ids.season])
    expect(seasons[0].availability).toEqual(await ownSummary('seasons', ids.season))
    expect(seasons[0].availability).toMatchObject({ territory: 'DE' })
    expect(seasons[0].availability?.validUntil).toBe(body.availability?.validUntil)
    const episodes = seasons[0].episodes?.docs as Episode[]
    expect(episodes.map((doc) => doc.id)).toEqual([ids.episode])
    expect(episodes[0].title).toBe(`Episode ${tag}`)
    expect(episodes[0].availability).toEqual(await ownSummary('episodes', ids.episode))
  })

  run("an episode's season carries its availability", async () => {
    const { body } = await get<Episode>(`/api/episodes/${ids.episode}?depth=1`)
    const season = body.season as Season
    expect(season.id).toBe(ids.season)
    expect(season.availability).toEqual(await ownSummary('seasons', ids.season))
  })

  run('GraphQL gives the same summaries in the same places, typed', async () => {
    const response = await fetch(`${http.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Viewer-Territory': 'DE' },
      body: JSON.stringify({
        query: `{
          Film(id: ${ids.main}) { relatedFilms { id availability { territory licenceTypes formats validUntil } } }
          Series(id: ${ids.series}) { seasons(limit: 100) { docs { id availability { territory validUntil } } } }
        }`,
      }),
    })
    const { data, errors } = (await response.json()) as {
      data: {
        Film: { relatedFilms: Pick<Film, 'id' | 'availability'>[] }
        Series: { seasons: { docs: Pick<Season, 'id' | 'availability'>[] } }
      }
      errors?: unknown
    }
    expect(errors).toBeUndefined()
    expect(data.Film.relatedFilms).toEqual([
      { id: ids.related, availability: await ownSummary('films', ids.related) },
    ])
    const season = await ownSummary('seasons', ids.season)
    expect(data.Series.seasons.docs).toEqual([
      { id: ids.season, availability: { territory: 'DE', validUntil: season?.validUntil } },
    ])
  })

  run(
    'select keeps the documented shape: absent when not selected, typed when selected',
    async () => {
      const titleOnly = await get<Record<string, unknown>>(
        `/api/films/${ids.main}?select[title]=true&depth=0`,
      )
      expect(Object.keys(titleOnly.body).sort()).toEqual(['id', 'title'])
      const summaryOnly = await get<Record<string, unknown>>(
        `/api/films/${ids.main}?select[availability]=true&depth=0`,
      )
      expect(summaryOnly.body.availability).toEqual(await ownSummary('films', ids.main))
      const list = await get<{ docs: Record<string, unknown>[] }>(
        `/api/films?select[availability]=true&depth=0&limit=10`,
      )
      for (const doc of list.body.docs) {
        expect(doc.availability).toMatchObject({ territory: 'DE' })
      }
    },
  )

  run('staff reads carry availability null, never an empty object', async () => {
    const { body } = await get<Film>(`/api/films/${ids.main}?depth=1`, {
      Authorization: `users API-Key ${staffKey}`,
    })
    expect(body.availability).toBeNull()
    for (const related of body.relatedFilms as Film[]) expect(related.availability).toBeNull()
  })
})
