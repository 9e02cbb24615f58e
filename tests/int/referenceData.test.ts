import countries from 'i18n-iso-countries'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { regionGroups } from '../../src/seed/data/regionGroups'
import { currentReferenceDataset, ensureReferenceData } from '../../src/seed/referenceData'
import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'

const regionByCode = async (payload: Payload, code: string) =>
  (
    await payload.find({
      collection: 'regions',
      where: { code: { equals: code } },
      depth: 0,
      locale: 'en',
    })
  ).docs[0]

describe.each(testBackends)('reference regions on every install, on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)
  let ctx: TestPayload
  let payload: Payload

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
  }, 120_000)
  afterAll(async () => {
    await ctx?.destroy()
  })

  run(
    'a brand-new database gets every ISO 3166-1 country and the default groups',
    async () => {
      expect((await payload.count({ collection: 'regions' })).totalDocs).toBe(0)
      const report = await ensureReferenceData(payload)
      const isoCodes = Object.keys(countries.getAlpha2Codes())
      expect(report.created).toHaveLength(isoCodes.length + regionGroups.length)
      expect(report.recorded).toBe(true)
      const { docs } = await payload.find({
        collection: 'regions',
        where: { kind: { equals: 'country' } },
        pagination: false,
        depth: 0,
        locale: 'en',
      })
      expect(docs.map(({ code }) => code).sort()).toEqual(isoCodes.sort())
      expect(docs.every(({ timeZone }) => typeof timeZone === 'string' && timeZone !== '')).toBe(
        true,
      )
      expect((await regionByCode(payload, 'DE')).timeZone).toBe('Europe/Berlin')
      expect((await regionByCode(payload, 'CN')).requiresApprovalNumber).toBe(true)
      const dach = await regionByCode(payload, 'DACH')
      expect(dach.kind).toBe('group')
      expect(dach.members).toHaveLength(3)
    },
    120_000,
  )

  run('again: creates nothing and records nothing', async () => {
    const before = (await payload.count({ collection: 'regions' })).totalDocs
    const report = await ensureReferenceData(payload)
    expect(report).toMatchObject({ created: [], added: [], retired: [], recorded: false })
    expect((await payload.count({ collection: 'regions' })).totalDocs).toBe(before)
    expect((await payload.count({ collection: 'reference-data' })).totalDocs).toBe(1)
  })

  run('keeps staff edits and does not bring back what staff deleted', async () => {
    const germany = await regionByCode(payload, 'DE')
    await payload.update({
      collection: 'regions',
      id: germany.id,
      locale: 'en',
      data: { name: 'Germany (edited)', timeZone: 'Europe/Busingen' },
    })
    const antarctica = await regionByCode(payload, 'AQ')
    await payload.delete({ collection: 'regions', id: antarctica.id })
    const report = await ensureReferenceData(payload)
    expect(report.created).toEqual([])
    expect(report.deletedByStaff).toEqual(['AQ'])
    expect(await regionByCode(payload, 'AQ')).toBeUndefined()
    const after = await regionByCode(payload, 'DE')
    expect(after.name).toBe('Germany (edited)')
    expect(after.timeZone).toBe('Europe/Busingen')
  })

  run('reports codes the dataset added or retired since it was last applied', async () => {
    const current = currentReferenceDataset()
    // A dataset release drops Kosovo (XK): reported as retired, its region kept (licences may
    // name it).
    const retiring = await ensureReferenceData(payload, {
      dataset: { ...current, countries: current.countries.filter((code) => code !== 'XK') },
    })
    expect(retiring).toMatchObject({ added: [], retired: ['XK'], created: [], recorded: true })
    expect(await regionByCode(payload, 'XK')).toBeDefined()

    // The next release lists it again, on a database that no longer has it: created, reported
    // as added.
    await payload.delete({ collection: 'regions', id: (await regionByCode(payload, 'XK')).id })
    const adding = await ensureReferenceData(payload, { dataset: current })
    expect(adding).toMatchObject({ added: ['XK'], retired: [], created: ['XK'], recorded: true })
    expect((await regionByCode(payload, 'XK')).timeZone).toBe('Europe/Belgrade')
    const { docs } = await payload.find({ collection: 'reference-data', sort: '-appliedAt' })
    expect(docs).toHaveLength(3)
    expect(docs.map((doc) => [doc.added, doc.retired])).toEqual([
      [['XK'], []],
      [[], ['XK']],
      [[], []],
    ])
  })
})
