import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { auditCatalog } from '../../src/rights/audit'
import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'
import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'
import { createKeyUser } from './support/fixtures'

/**
 * "Public API hardening", item 5: a title shows only when it and all its ancestors are
 * published (availability.md, rule 1). A published episode of a draft season, and everything
 * under a draft series, stays hidden, however it is licensed; the staff endpoint says why.
 */
describe.each(testBackends)('published ancestors on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)
  let ctx: TestPayload
  let payload: Payload
  let http: PayloadHttpServer
  let staffKey: string
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    const de = await payload.create({
      collection: 'regions',
      data: { code: 'DE', kind: 'country', name: 'DE', timeZone: 'Europe/Berlin' },
    })
    const series = async (key: string, status: 'draft' | 'published') => {
      ids[key] = (
        await payload.create({ collection: 'series', data: { title: key, _status: status } })
      ).id
      return ids[key]
    }
    const season = async (
      key: string,
      parent: number,
      number: number,
      status: 'draft' | 'published',
    ) => {
      ids[key] = (
        await payload.create({
          collection: 'seasons',
          data: { series: parent, seasonNumber: number, _status: status },
        })
      ).id
      return ids[key]
    }
    const episode = async (key: string, parent: number, status: 'draft' | 'published') => {
      ids[key] = (
        await payload.create({
          collection: 'episodes',
          data: { season: parent, episodeNumber: 1, title: key, _status: status },
        })
      ).id
    }
    const shownSeries = await series('shownSeries', 'published')
    await episode(
      'shownEpisode',
      await season('shownSeason', shownSeries, 1, 'published'),
      'published',
    )
    await episode(
      'draftSeasonEpisode',
      await season('draftSeason', shownSeries, 2, 'draft'),
      'published',
    )
    const draftSeries = await series('draftSeries', 'draft')
    await episode(
      'draftSeriesEpisode',
      await season('draftSeriesSeason', draftSeries, 1, 'published'),
      'published',
    )
    for (const key of ['shownSeries', 'draftSeries']) {
      await payload.create({
        collection: 'licences',
        data: {
          contractId: `ANC-${key}`,
          content: [{ relationTo: 'series', value: ids[key] }],
          kind: 'grant',
          licenceType: 'svod',
          territories: [de.id],
          start: '2020-01-01',
        },
      })
    }
    staffKey = crypto.randomBytes(16).toString('hex')
    await createKeyUser(payload, ['editor'], staffKey)
    http = await servePayloadOverHttp(payload)
  })
  afterAll(async () => {
    await http?.close()
    await ctx?.destroy()
  })

  const publicGet = (path: string) =>
    fetch(`${http.url}${path}`, { headers: { 'X-Viewer-Territory': 'DE' } })

  run(
    'item 5: a published episode of a draft season does not show, alone or in lists',
    async () => {
      expect((await publicGet(`/api/episodes/${ids.shownEpisode}`)).status).toBe(200)
      expect((await publicGet(`/api/episodes/${ids.draftSeasonEpisode}`)).status).toBe(404)
      const list = (await (await publicGet('/api/episodes?limit=100&depth=0')).json()) as {
        docs: { id: number }[]
        totalDocs: number
      }
      expect(list.docs.map((doc) => doc.id)).toEqual([ids.shownEpisode])
      expect(list.totalDocs).toBe(1)
      const seasons = (await (await publicGet('/api/seasons?limit=100&depth=0')).json()) as {
        docs: { id: number }[]
      }
      expect(seasons.docs.map((doc) => doc.id)).toEqual([ids.shownSeason])
    },
  )

  run(
    'item 5: nothing under a draft series shows, and its licence does not make it available',
    async () => {
      for (const key of ['draftSeries', 'draftSeriesSeason', 'draftSeriesEpisode']) {
        const collection =
          key === 'draftSeries' ? 'series' : key.endsWith('Season') ? 'seasons' : 'episodes'
        expect((await publicGet(`/api/${collection}/${ids[key]}`)).status, key).toBe(404)
      }
      const series = (await (await publicGet('/api/series?depth=0')).json()) as {
        docs: { id: number }[]
      }
      expect(series.docs.map((doc) => doc.id)).toEqual([ids.shownSeries])
    },
  )

  run(
    'item 5: the staff endpoint answers UNPUBLISHED for the episode of a draft season',
    async () => {
      const response = await fetch(
        `${http.url}/api/availability?content=episodes/${ids.draftSeasonEpisode}&territory=DE`,
        { headers: { Authorization: `users API-Key ${staffKey}` } },
      )
      const body = (await response.json()) as {
        available: boolean
        reasons: string[]
        consistent: boolean
      }
      expect(body).toMatchObject({ available: false, reasons: ['UNPUBLISHED'], consistent: true })
    },
  )

  run(
    'item 5: publishing the season brings its episode in; the audit agrees throughout',
    async () => {
      expect((await auditCatalog(payload)).differing).toBe(0)
      await payload.update({
        collection: 'seasons',
        id: ids.draftSeason,
        data: { _status: 'published' },
      })
      expect((await publicGet(`/api/episodes/${ids.draftSeasonEpisode}`)).status).toBe(200)
      expect((await auditCatalog(payload)).differing).toBe(0)
      await payload.update({
        collection: 'seasons',
        id: ids.draftSeason,
        data: { _status: 'draft' },
      })
      expect((await publicGet(`/api/episodes/${ids.draftSeasonEpisode}`)).status).toBe(404)
    },
  )
})
