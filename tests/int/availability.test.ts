import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { testBackends } from './support/backends'
import { publicViewerIn } from './support/fixtures'
import { payloadFor, type TestPayload } from './support/payloadFor'

type Id = number

const fieldError = (path: string) =>
  expect.objectContaining({
    status: 400,
    data: expect.objectContaining({
      errors: expect.arrayContaining([expect.objectContaining({ path })]),
    }),
  })

const second = 1_000
const iso = (ms: number) => new Date(ms).toISOString()

describe.each(testBackends)('availability on $kind', (backend) => {
  let ctx: TestPayload
  let payload: Payload
  const region: Record<string, Id> = {}

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    const countries = [
      ['DE', 'Europe/Berlin'],
      ['AT', 'Europe/Vienna'],
      ['CH', 'Europe/Zurich'],
      ['US', 'America/New_York'],
      ['CN', 'Asia/Shanghai'],
      ['HK', 'Asia/Hong_Kong'],
    ] as const
    for (const [code, timeZone] of countries) {
      const doc = await payload.create({
        collection: 'regions',
        data: {
          code,
          kind: 'country',
          name: code,
          timeZone,
          requiresApprovalNumber: code === 'CN',
        },
      })
      region[code] = doc.id
    }
    const dach = await payload.create({
      collection: 'regions',
      data: {
        code: 'DACH',
        kind: 'group',
        name: 'DACH',
        members: [region.DE, region.AT, region.CH],
      },
    })
    region.DACH = dach.id
  })
  afterAll(async () => ctx?.destroy())

  const run = it.skipIf(!backend.serverUrl)

  const film = async (title: string, extra: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'films',
      data: {
        title: `${title} ${Math.random().toString(36).slice(2, 7)}`,
        _status: 'published',
        ...extra,
      },
    })

  const licence = async (data: Record<string, unknown>) =>
    payload.create({
      collection: 'licences',
      data: { kind: 'grant', licenceType: 'svod', ...data } as never,
    })

  const visibleFilmIds = async (territory: string, at: string | number) =>
    (
      await payload.find({
        collection: 'films',
        pagination: false,
        ...publicViewerIn(territory, typeof at === 'number' ? iso(at) : at),
      })
    ).docs.map((doc) => doc.id)

  const isVisible = async (id: Id, territory: string, at: string | number) =>
    (await visibleFilmIds(territory, at)).includes(id)

  describe('licence validation (400 naming the field, nothing stored)', () => {
    run('rejects bad licences', async () => {
      const subject = await film('Validated')
      const before = (await payload.count({ collection: 'licences' })).totalDocs
      const base = {
        content: [{ relationTo: 'films', value: subject.id }],
        territories: [region.DE],
        start: '2026-01-01',
      }
      await expect(licence({ ...base, end: '2025-12-31' })).rejects.toEqual(fieldError('end'))
      await expect(
        licence({ ...base, start: '2026-01-01T10:00:00Z', end: '2026-01-01T10:00:00Z' }),
      ).rejects.toEqual(fieldError('end'))
      await expect(licence({ ...base, content: [] })).rejects.toEqual(fieldError('content'))
      await expect(licence({ ...base, territories: [] })).rejects.toEqual(fieldError('territories'))
      await expect(licence({ ...base, licenceType: undefined })).rejects.toEqual(
        fieldError('licenceType'),
      )
      await expect(licence({ ...base, territories: ['DE', 'XX'] })).rejects.toEqual(
        fieldError('territories'),
      )
      await expect(licence({ ...base, start: '2026-01-01T10:00:00' })).rejects.toEqual(
        fieldError('start'),
      )
      await expect(licence({ ...base, start: '2026-02-30' })).rejects.toEqual(fieldError('start'))
      expect((await payload.count({ collection: 'licences' })).totalDocs).toBe(before)
    })
  })

  describe('windows', () => {
    run(
      'resolves date-only windows per territory, ends inclusive, and keeps the raw input',
      async () => {
        const subject = await film('Windows')
        const saved = await licence({
          content: [{ relationTo: 'films', value: subject.id }],
          territories: ['DE', 'US', 'CN'],
          start: '2026-03-29',
          end: '2026-11-01',
        })
        const byTerritory = Object.fromEntries(
          (saved.resolvedWindows ?? []).map((window) => [window.territory, window]),
        )
        // Berlin switches to summer time on 29 March 2026; the day still starts at 00:00 CET.
        expect(byTerritory.DE).toMatchObject({
          start: '2026-03-28T23:00:00Z',
          end: '2026-11-01T23:00:00Z',
          startRule: 'local-day-start',
          endRule: 'local-day-end',
        })
        // New York: EDT on 29 March, back to EST on 1 November 2026 (the end is 2 Nov 00:00 EST).
        expect(byTerritory.US).toMatchObject({
          start: '2026-03-29T04:00:00Z',
          end: '2026-11-02T05:00:00Z',
        })
        expect(byTerritory.CN).toMatchObject({
          start: '2026-03-28T16:00:00Z',
          end: '2026-11-01T16:00:00Z',
        })
        expect(saved.start).toBe('2026-03-29')
        expect(saved.countries).toEqual(['CN', 'DE', 'US'])
      },
    )

    run('expands groups when saved; later group edits do not change the licence', async () => {
      const subject = await film('Grouped')
      const saved = await licence({
        content: [{ relationTo: 'films', value: subject.id }],
        territories: ['DACH'],
        excludedTerritories: ['CH'],
        start: '2026-01-01T00:00:00Z',
      })
      expect(saved.countries).toEqual(['AT', 'DE'])
      await payload.update({
        collection: 'regions',
        id: region.DACH,
        data: { members: [region.DE, region.AT, region.CH, region.HK] },
      })
      const renamed = await payload.update({
        collection: 'licences',
        id: saved.id,
        data: { notes: 'edited after the group changed' },
      })
      expect(renamed.countries).toEqual(['AT', 'DE'])
      expect(renamed.resolvedWindows?.map((window) => window.territory)).toEqual(['AT', 'DE'])
      expect(renamed.groupDrift).toEqual({ DACH: { added: ['HK'], removed: [] } })
      await payload.update({
        collection: 'regions',
        id: region.DACH,
        data: { members: [region.DE, region.AT, region.CH] },
      })
    })
  })

  describe('the content API (published AND available, in the database query)', () => {
    run(
      'each boundary: one second before start, exactly at start, one second before end, at end',
      async () => {
        const start = Date.parse('2031-05-10T08:00:00Z')
        const end = Date.parse('2031-06-10T08:00:00Z')
        const subject = await film('Bounded')
        await licence({
          content: [{ relationTo: 'films', value: subject.id }],
          territories: ['DE'],
          start: '2031-05-10T10:00:00+02:00',
          end: '2031-06-10T08:00:00Z',
        })
        expect(await isVisible(subject.id, 'DE', start - second)).toBe(false)
        expect(await isVisible(subject.id, 'DE', start)).toBe(true)
        expect(await isVisible(subject.id, 'DE', end - second)).toBe(true)
        expect(await isVisible(subject.id, 'DE', end)).toBe(false)
        expect(await isVisible(subject.id, 'US', start)).toBe(false)
      },
    )

    run("date-only windows follow each territory's local midnight", async () => {
      const subject = await film('Local days')
      await licence({
        content: [{ relationTo: 'films', value: subject.id }],
        territories: ['DE', 'US'],
        start: '2031-07-01',
        end: '2031-07-31',
      })
      const berlinMidnight = Date.parse('2031-06-30T22:00:00Z')
      const newYorkMidnight = Date.parse('2031-07-01T04:00:00Z')
      expect(await isVisible(subject.id, 'DE', berlinMidnight - second)).toBe(false)
      expect(await isVisible(subject.id, 'DE', berlinMidnight)).toBe(true)
      expect(await isVisible(subject.id, 'US', berlinMidnight)).toBe(false)
      expect(await isVisible(subject.id, 'US', newYorkMidnight - second)).toBe(false)
      expect(await isVisible(subject.id, 'US', newYorkMidnight)).toBe(true)
      // The end date is inclusive: 31 July is the last day in each territory.
      expect(await isVisible(subject.id, 'DE', Date.parse('2031-07-31T21:59:59Z'))).toBe(true)
      expect(await isVisible(subject.id, 'DE', Date.parse('2031-07-31T22:00:00Z'))).toBe(false)
      expect(await isVisible(subject.id, 'US', Date.parse('2031-08-01T03:59:59Z'))).toBe(true)
      expect(await isVisible(subject.id, 'US', Date.parse('2031-08-01T04:00:00Z'))).toBe(false)
    })

    run('back-to-back licences leave no gap; an open end never closes', async () => {
      const subject = await film('Back to back')
      const content = [{ relationTo: 'films', value: subject.id }]
      await licence({
        content,
        territories: ['DE'],
        start: '2032-01-01T00:00:00Z',
        end: '2032-02-01T00:00:00Z',
      })
      await licence({
        content,
        territories: ['DE'],
        licenceType: 'avod',
        start: '2032-02-01T00:00:00Z',
      })
      expect(await isVisible(subject.id, 'DE', '2032-01-31T23:59:59Z')).toBe(true)
      expect(await isVisible(subject.id, 'DE', '2032-02-01T00:00:00Z')).toBe(true)
      expect(await isVisible(subject.id, 'DE', '2099-12-31T23:59:59Z')).toBe(true)
    })

    run('drafts and unpublished titles never show, even with rights', async () => {
      const draft = await payload.create({
        collection: 'films',
        draft: true,
        data: { title: 'Licensed draft', _status: 'draft' },
      })
      await licence({
        content: [{ relationTo: 'films', value: draft.id }],
        territories: ['DE'],
        start: '2020-01-01',
      })
      expect(await isVisible(draft.id, 'DE', Date.now())).toBe(false)
      const asDraft = await payload.find({
        collection: 'films',
        draft: true,
        pagination: false,
        ...publicViewerIn('DE'),
      })
      expect(asDraft.docs.map((doc) => doc.id)).not.toContain(draft.id)
      await payload.update({ collection: 'films', id: draft.id, data: { _status: 'published' } })
      expect(await isVisible(draft.id, 'DE', Date.now())).toBe(true)
      await payload.update({ collection: 'films', id: draft.id, data: { _status: 'draft' } })
      expect(await isVisible(draft.id, 'DE', Date.now())).toBe(false)
    })

    run('hard holdbacks hide; soft holdbacks only warn staff', async () => {
      const hard = await film('Hard holdback')
      const soft = await film('Soft holdback')
      for (const subject of [hard, soft]) {
        await licence({
          content: [{ relationTo: 'films', value: subject.id }],
          territories: ['DE'],
          start: '2020-01-01',
        })
      }
      const hardHoldback = await licence({
        content: [{ relationTo: 'films', value: hard.id }],
        kind: 'holdback',
        holdbackStrength: 'hard',
        territories: ['DE'],
        start: '2033-03-01T00:00:00Z',
        end: '2033-04-01T00:00:00Z',
      })
      const softHoldback = await licence({
        content: [{ relationTo: 'films', value: soft.id }],
        kind: 'holdback',
        holdbackStrength: 'soft',
        territories: ['DE'],
        start: '2033-03-01T00:00:00Z',
        end: '2033-04-01T00:00:00Z',
      })
      expect(await isVisible(hard.id, 'DE', '2033-02-28T23:59:59Z')).toBe(true)
      expect(await isVisible(hard.id, 'DE', '2033-03-01T00:00:00Z')).toBe(false)
      expect(await isVisible(hard.id, 'DE', '2033-04-01T00:00:00Z')).toBe(true)
      expect(await isVisible(soft.id, 'DE', '2033-03-15T00:00:00Z')).toBe(true)
      expect(hardHoldback.warnings ?? []).toHaveLength(0)
      expect(softHoldback.warnings).toEqual([
        expect.objectContaining({
          territory: 'DE',
          licenceType: 'svod',
          overlapStart: '2033-03-01T00:00:00Z',
        }),
      ])
    })

    run('the China gate hides titles without an approval number', async () => {
      const approved = await film('Approved', { cnApprovalNumber: '(2026)影字第042号' })
      const unapproved = await film('Unapproved')
      for (const subject of [approved, unapproved]) {
        await licence({
          content: [{ relationTo: 'films', value: subject.id }],
          territories: ['CN', 'HK'],
          start: '2020-01-01',
        })
      }
      const now = Date.now()
      expect(await isVisible(approved.id, 'CN', now)).toBe(true)
      expect(await isVisible(unapproved.id, 'CN', now)).toBe(false)
      expect(await isVisible(unapproved.id, 'HK', now)).toBe(true)
      await payload.update({
        collection: 'films',
        id: unapproved.id,
        data: { cnApprovalNumber: '(2026)影字第043号' },
      })
      expect(await isVisible(unapproved.id, 'CN', now)).toBe(true)
    })

    run('totals and pages count only available titles, once each', async () => {
      const marker = `Paged ${Math.random().toString(36).slice(2, 6)}`
      const docs = []
      for (let n = 0; n < 5; n += 1) docs.push(await film(`${marker} ${n}`))
      for (const doc of docs.slice(0, 3)) {
        for (const licenceType of ['svod', 'avod']) {
          await licence({
            content: [{ relationTo: 'films', value: doc.id }],
            territories: ['US'],
            licenceType,
            start: '2020-01-01',
          })
        }
      }
      const page = await payload.find({
        collection: 'films',
        where: { title: { like: marker } },
        limit: 2,
        page: 2,
        ...publicViewerIn('US'),
      })
      expect(page.totalDocs).toBe(3)
      expect(page.totalPages).toBe(2)
      expect(page.docs).toHaveLength(1)
      const counted = await payload.count({
        collection: 'films',
        where: { title: { like: marker } },
        ...publicViewerIn('US'),
      })
      expect(counted.totalDocs).toBe(3)
      const first = await payload.find({
        collection: 'films',
        where: { title: { like: marker } },
        limit: 10,
        ...publicViewerIn('US'),
      })
      expect(first.docs[0].availability).toMatchObject({
        territory: 'US',
        licenceTypes: ['svod', 'avod'],
        validUntil: null,
      })
    })

    run(
      'a public read without a territory, or with an unknown one, is refused with 400',
      async () => {
        await expect(
          payload.find({ collection: 'films', overrideAccess: false }),
        ).rejects.toMatchObject({
          status: 400,
          message: expect.stringContaining('territory'),
        })
        await expect(
          payload.find({ collection: 'films', ...publicViewerIn('ZZ') }),
        ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('ZZ') })
        await expect(
          payload.find({ collection: 'films', ...publicViewerIn('DACH') }),
        ).rejects.toMatchObject({ status: 400 })
      },
    )
  })

  describe('series, seasons and episodes', () => {
    run(
      'a series licence covers episodes added later; containers list only available children',
      async () => {
        const series = await payload.create({
          collection: 'series',
          data: { title: 'Scoped series', _status: 'published' },
        })
        const seasonOne = await payload.create({
          collection: 'seasons',
          data: { series: series.id, seasonNumber: 1, _status: 'published' },
        })
        const seasonTwo = await payload.create({
          collection: 'seasons',
          data: { series: series.id, seasonNumber: 2, _status: 'published' },
        })
        await licence({
          content: [{ relationTo: 'series', value: series.id }],
          territories: ['DE'],
          start: '2020-01-01',
        })
        const viewer = publicViewerIn('DE')
        const seriesVisible = async () =>
          (await payload.find({ collection: 'series', pagination: false, ...viewer })).docs.some(
            (doc) => doc.id === series.id,
          )
        expect(await seriesVisible()).toBe(false)

        const episode = await payload.create({
          collection: 'episodes',
          data: { season: seasonOne.id, episodeNumber: 1, title: 'Later', _status: 'published' },
        })
        expect(await seriesVisible()).toBe(true)
        const read = await payload.findByID({
          collection: 'series',
          id: series.id,
          depth: 1,
          ...viewer,
        })
        const seasonIds = (read.seasons?.docs ?? []).map((season) =>
          typeof season === 'object' ? season.id : season,
        )
        expect(seasonIds).toEqual([seasonOne.id])
        expect(seasonIds).not.toContain(seasonTwo.id)

        // An episode-level hard holdback beats the series grant.
        await licence({
          content: [{ relationTo: 'episodes', value: episode.id }],
          kind: 'holdback',
          territories: ['DE'],
          start: '2020-01-01',
        })
        expect(await seriesVisible()).toBe(false)
        await expect(
          payload.findByID({ collection: 'episodes', id: episode.id, ...viewer }),
        ).rejects.toMatchObject({ status: 404 })
      },
    )
  })

  describe('conflicts', () => {
    run(
      'overlapping exclusive grants are recorded on both licences; back-to-back ones are not',
      async () => {
        const subject = await film('Contested')
        const content = [{ relationTo: 'films', value: subject.id }]
        const first = await licence({
          content,
          territories: ['DE'],
          exclusive: true,
          contractId: 'EXCL-1',
          start: '2034-01-01T00:00:00Z',
          end: '2034-07-01T00:00:00Z',
        })
        const adjacent = await licence({
          content,
          territories: ['DE'],
          exclusive: true,
          contractId: 'EXCL-2',
          start: '2034-07-01T00:00:00Z',
          end: '2035-01-01T00:00:00Z',
        })
        expect(adjacent.conflicts ?? []).toHaveLength(0)
        const overlapping = await licence({
          content,
          territories: ['DE', 'AT'],
          exclusive: true,
          contractId: 'EXCL-3',
          start: '2034-06-01T00:00:00Z',
          end: '2034-08-01T00:00:00Z',
        })
        expect(overlapping.hasConflicts).toBe(true)
        const otherIds = (overlapping.conflicts ?? []).map((conflict) =>
          typeof conflict.otherLicence === 'object'
            ? conflict.otherLicence?.id
            : conflict.otherLicence,
        )
        expect(otherIds.sort()).toEqual([first.id, adjacent.id].sort())
        expect(overlapping.conflicts).toContainEqual(
          expect.objectContaining({
            territory: 'DE',
            licenceType: 'svod',
            overlapStart: '2034-06-01T00:00:00Z',
            overlapEnd: '2034-07-01T00:00:00Z',
          }),
        )
        const firstNow = await payload.findByID({ collection: 'licences', id: first.id, depth: 0 })
        expect(firstNow.hasConflicts).toBe(true)
        await payload.delete({ collection: 'licences', id: overlapping.id })
        const firstAfter = await payload.findByID({
          collection: 'licences',
          id: first.id,
          depth: 0,
        })
        expect(firstAfter.hasConflicts).toBe(false)
      },
    )
  })
})
