import { createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type ContentRef, type Licence, nodeKey } from '../../src/availability'
import { engineLicenceFrom, loadLicencesFor } from '../../src/rights/licenceRecords'
import { normalRow } from '../../src/rights/rowDifferences'
import { documentId } from '../../src/rights/ids'
import { computeAvailabilityRows } from '../../src/rights/materialize'
import { loadRightsContext } from '../../src/rights/rightsContext'
import {
  readEngineLicences,
  readRowDigests,
  readStoredRows,
  sqlAdapterOf,
} from '../../src/rights/tableReads'
import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'

/** Instants as toISOString writes them, whatever form the database answered in. */
const normalLicence = (licence: Licence): Licence => ({
  ...licence,
  windows: licence.windows.map((window) => ({
    ...window,
    start: new Date(window.start).toISOString(),
    end: window.end === null ? null : new Date(window.end).toISOString(),
  })),
})

const byId = <T extends { id: string | number }>(list: T[]) =>
  [...list].sort((a, b) => Number(a.id) - Number(b.id))

describe.each(testBackends)('rights reads straight from the SQL tables on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)
  let ctx: TestPayload
  let payload: Payload
  const titles: ContentRef[] = []

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    const region = async (code: string, timeZone: string) =>
      (
        await payload.create({
          collection: 'regions',
          data: { code, kind: 'country', name: code, timeZone },
          depth: 0,
        })
      ).id
    const de = await region('DE', 'Europe/Berlin')
    const us = await region('US', 'America/New_York')
    const published = { _status: 'published' as const }
    const film = await payload.create({
      collection: 'films',
      data: { title: 'Table reads film', ...published },
      depth: 0,
    })
    const series = await payload.create({
      collection: 'series',
      data: { title: 'Table reads series', ...published },
      depth: 0,
    })
    const season = await payload.create({
      collection: 'seasons',
      data: { series: series.id, seasonNumber: 1, ...published },
      depth: 0,
    })
    const episodes = [
      await payload.create({
        collection: 'episodes',
        data: { season: season.id, episodeNumber: 1, title: 'One', ...published },
        depth: 0,
      }),
      await payload.create({
        collection: 'episodes',
        data: { season: season.id, episodeNumber: 2, title: 'Two', ...published },
        depth: 0,
      }),
    ]
    titles.push(
      { collection: 'films', id: String(film.id) },
      { collection: 'series', id: String(series.id) },
      { collection: 'seasons', id: String(season.id) },
      ...episodes.map((episode) => ({ collection: 'episodes' as const, id: String(episode.id) })),
    )
    const licence = (data: Record<string, unknown>) =>
      payload.create({
        collection: 'licences',
        data: { kind: 'grant', licenceType: 'svod', ...data } as never,
        depth: 0,
      })
    // Date-only and absolute windows, open and closed ends, several titles and formats, a
    // hard holdback and an exclusive grant.
    await licence({
      contractId: 'TR-1',
      content: [
        { relationTo: 'films', value: film.id },
        { relationTo: 'series', value: series.id },
      ],
      territories: [de, us],
      formats: ['hd', 'uhd'],
      start: '2026-01-01',
      end: '2026-12-31',
      exclusive: true,
    })
    await licence({
      contractId: 'TR-2',
      content: [{ relationTo: 'episodes', value: episodes[1].id }],
      licenceType: 'avod',
      territories: [de],
      start: '2026-03-01T10:30:00Z',
      announceAt: '2026-02-01T08:00:00Z',
    })
    await licence({
      contractId: 'TR-3',
      content: [{ relationTo: 'episodes', value: episodes[0].id }],
      kind: 'holdback',
      holdbackStrength: 'hard',
      territories: [us],
      start: '2026-05-01',
      end: '2026-06-30',
    })
  }, 300_000)
  afterAll(async () => {
    await ctx?.destroy()
  })

  run('read on SQL backends, not on MongoDB', () => {
    expect(sqlAdapterOf(payload) !== null).toBe(backend.kind !== 'mongodb')
  })

  run("give the engine the same licences as Payload's adapter", async () => {
    const fromTables = await readEngineLicences(payload, titles.map(nodeKey))
    const fromAdapter = (await loadLicencesFor(payload, titles)).map(engineLicenceFrom)
    if (backend.kind === 'mongodb') {
      expect(fromTables).toBeNull()
      return
    }
    expect(fromAdapter).toHaveLength(3)
    expect(byId(fromTables ?? []).map(normalLicence)).toEqual(byId(fromAdapter).map(normalLicence))
    expect(fromAdapter.map((one) => one.announceAt)).toContain('2026-02-01T08:00:00.000Z')
    // Only licences naming the titles asked for.
    const film = titles.filter((title) => title.collection === 'films').map(nodeKey)
    expect((await readEngineLicences(payload, film))?.map((one) => one.content.length)).toEqual([2])
  })

  run("give the audit the same stored rows as Payload's adapter", async () => {
    const keys = titles.map(nodeKey)
    const fromTables = await readStoredRows(payload, keys)
    const { docs } = await payload.db.find<Parameters<typeof normalRow>[0] & { id: number }>({
      collection: 'availability-windows',
      where: { contentKey: { in: keys } },
      limit: 0,
      pagination: false,
    })
    expect(docs.length).toBeGreaterThan(5)
    expect(byId(fromTables).map((row) => ({ id: row.id, ...normalRow(row) }))).toEqual(
      byId(docs).map((row) => ({ id: row.id, ...normalRow(row) })),
    )
    expect(await readStoredRows(payload, ['films/0'])).toEqual([])
  })

  run('give one digest per title that matches a recomputation until a row changes', async () => {
    const keys = titles.map(nodeKey)
    const digests = await readRowDigests(payload, keys)
    if (backend.kind === 'mongodb') {
      expect(digests).toBeNull()
      return
    }
    if (!digests) throw new Error('SQL backends give digests')
    const context = await loadRightsContext(payload, titles)
    const expected = digests.expected(
      computeAvailabilityRows((id) => documentId(payload, id), context),
    )
    // Every title here has rows, and the database says them exactly as the audit writes them.
    expect([...digests.stored.keys()].sort()).toEqual([...keys].sort())
    for (const key of keys) expect(digests.stored.get(key)).toBe(expected.get(key))

    // One row's offers altered behind the app's back: that title's digest, and only its, differs.
    const [film] = keys
    const { docs } = await payload.db.find<{ id: number; offers: unknown }>({
      collection: 'availability-windows',
      where: { contentKey: { equals: film } },
      limit: 1,
    })
    await payload.db.updateOne({
      collection: 'availability-windows',
      id: docs[0].id,
      data: { offers: [{ licenceType: 'tvod', formats: ['sd'] }] },
    })
    try {
      const after = await readRowDigests(payload, keys)
      expect(keys.filter((key) => after?.stored.get(key) !== expected.get(key))).toEqual([film])
    } finally {
      await payload.db.updateOne({
        collection: 'availability-windows',
        id: docs[0].id,
        data: { offers: docs[0].offers },
      })
    }
  })

  it.skipIf(!backend.serverUrl || backend.kind !== 'postgres')(
    "read inside the request's transaction",
    async () => {
      const req = await createLocalReq({}, payload)
      expect(await initTransaction(req)).toBe(true)
      try {
        const film = await payload.create({
          collection: 'films',
          data: { title: 'Inside a transaction', _status: 'published' },
          depth: 0,
          req,
        })
        const region = await payload.find({
          collection: 'regions',
          where: { code: { equals: 'DE' } },
          depth: 0,
          req,
        })
        await payload.create({
          collection: 'licences',
          data: {
            contractId: 'TR-TX',
            content: [{ relationTo: 'films', value: film.id }],
            kind: 'grant',
            licenceType: 'svod',
            territories: [region.docs[0].id],
            start: '2026-01-01',
          },
          depth: 0,
          req,
        })
        const key = nodeKey({ collection: 'films', id: String(film.id) })
        expect(await readEngineLicences(payload, [key], req)).toHaveLength(1)
        expect((await readStoredRows(payload, [key], req)).length).toBeGreaterThan(0)
        expect(await readEngineLicences(payload, [key])).toHaveLength(0)
      } finally {
        await killTransaction(req)
      }
    },
  )
})
