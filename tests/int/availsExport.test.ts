import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readAvails } from '../../src/avails'
import { type AvailField, textOf } from '../../src/avails/rows'
import { apply, licences, sample, type Setup, setUp, upload } from './support/avails'
import { testBackends } from './support/backends'

const samples = [
  'Movies_v1.7.2.xlsx',
  'Movies_v1.9.xlsx',
  'TV_v1.8.xlsx',
  'TV_v1.9.xlsx',
  'Avails_noErrors_v2.4.xml',
]

const formats = ['xlsx', 'csv', 'xml'] as const

const exportFile = async (setup: Setup, query: string, key: string | null = setup.licensingKey) => {
  const response = await fetch(`${setup.server.url}/api/avails/export${query}`, {
    headers: key ? { Authorization: `users API-Key ${key}` } : {},
  })
  const data = new Uint8Array(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, data }
}

const errorOf = (data: Uint8Array) =>
  (
    JSON.parse(Buffer.from(data).toString('utf8')) as {
      errors: { message: string; data?: { errors: { path: string }[] } }[]
    }
  ).errors[0]

const territoriesOf = async (data: Uint8Array, name: string) =>
  (await readAvails(data, name)).rows.flatMap((row) =>
    (row.cells.Territory ?? []).flatMap((cell) => textOf(cell.value).split(/[\s,;]+/)),
  )

describe.each(testBackends)('EMA Avails export on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)
  let setup: Setup
  beforeAll(async () => {
    if (!backend.serverUrl) return
    setup = await setUp(backend)
    // Every MovieLabs sample, one after the other: dates, zone-less date-times, Open ends,
    // AnnounceDate, exclusive rows, episodes, seasons, series and a Collection.
    for (const file of samples) {
      const dry = await upload(setup, file, sample(file))
      expect(dry.status, JSON.stringify(dry.body.errors)).toBe(201)
      const applied = await apply(setup, dry.body.id, true)
      expect(applied.status, JSON.stringify(applied.body.errors)).toBe(200)
    }
  }, 300_000)
  afterAll(async () => {
    await setup?.server.close()
    await setup?.ctx.destroy()
  })

  run(
    'an exported file imported again changes nothing, in every format',
    async () => {
      const stored = await licences(setup.payload)
      expect(stored.length).toBeGreaterThan(40)
      for (const format of formats) {
        const exported = await exportFile(setup, `?format=${format}`)
        expect(exported.status, format).toBe(200)
        expect(exported.headers.get('content-disposition')).toMatch(
          new RegExp(`attachment; filename="avails-all-\\d{4}-\\d{2}-\\d{2}\\.${format}"`),
        )
        expect(exported.headers.get('x-avails-licences')).toBe(String(stored.length))
        const name = `export.${format}`
        const parsed = await readAvails(exported.data, name)
        expect(parsed.format).toBe(format)
        const column = (...fields: AvailField[]) =>
          new Set(
            parsed.rows.flatMap((row) =>
              fields.flatMap((field) => (row.cells[field] ?? []).map((cell) => textOf(cell.value))),
            ),
          )
        expect(column('WorkType'), format).toEqual(
          new Set(['Movie', 'Episode', 'Season', 'Collection']),
        )
        expect(column('End', 'EndCondition'), format).toContain('Open')
        expect(column('AnnounceDate').size, format).toBeGreaterThan(0)
        // Zone-less date-times stay as the licensor wrote them (read in the territory's zone).
        expect(column('Start'), format).toContain('2017-05-05T00:00:00')
        const again = await upload(setup, name, exported.data)
        expect(again.status, JSON.stringify(again.body.errors)).toBe(201)
        expect(again.body.rowErrors, format).toEqual([])
        expect(again.body.diff.create, format).toEqual([])
        expect(again.body.diff.update, format).toEqual([])
        expect(again.body.diff.delete, format).toEqual([])
        expect(again.body.counts, format).toMatchObject({
          errorRows: 0,
          create: 0,
          update: 0,
          delete: 0,
          unchanged: stored.length,
          unmatchedTitles: 0,
        })
      }
    },
    180_000,
  )

  run('the default format is xlsx', async () => {
    const exported = await exportFile(setup, '')
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toMatch(/spreadsheetml/)
    expect((await readAvails(exported.data, 'a.xlsx')).version).toBe('1.9')
  })

  run('territory and licenceType filter the rows', async () => {
    // A licence typed by staff for two countries: the DE export lists it for DE only.
    const film = (await setup.payload.find({ collection: 'films', limit: 1, depth: 0 })).docs[0]
    const regions = await setup.payload.find({
      collection: 'regions',
      where: { code: { in: ['DE', 'FR'] } },
      depth: 0,
    })
    await setup.payload.create({
      collection: 'licences',
      data: {
        content: [{ relationTo: 'films', value: film.id }],
        licensor: 'Staff',
        kind: 'grant',
        licenceType: 'avod',
        formats: ['hd'],
        territories: regions.docs.map((region) => region.id),
        start: '2030-01-01',
        end: '2030-12-31',
      },
      overrideAccess: true,
    })
    const stored = await licences(setup.payload)
    const all = await territoriesOf((await exportFile(setup, '?format=csv')).data, 'all.csv')
    expect(new Set(all)).toEqual(new Set(stored.flatMap((licence) => licence.countries ?? [])))
    expect(new Set(all).size).toBeGreaterThan(1)

    const german = await exportFile(setup, '?territory=de&format=csv')
    expect(german.status).toBe(200)
    const rows = await territoriesOf(german.data, 'de.csv')
    expect(rows.length).toBeGreaterThan(0)
    expect(new Set(rows)).toEqual(new Set(['DE']))
    expect(Number(german.headers.get('x-avails-rows'))).toBe(rows.length)
    expect(Number(german.headers.get('x-avails-licences'))).toBe(
      stored.filter((licence) => licence.countries?.includes('DE')).length,
    )

    const avod = await exportFile(setup, '?territory=DE&licenceType=avod&format=xml')
    expect(avod.status).toBe(200)
    const parsed = await readAvails(avod.data, 'avod.xml')
    expect(parsed.rows).toHaveLength(1)
    const texts = (field: keyof (typeof parsed.rows)[number]['cells']) =>
      (parsed.rows[0].cells[field] ?? []).map((cell) => textOf(cell.value))
    expect(texts('Territory')).toEqual(['DE'])
    expect(texts('LicenseType')).toEqual(['AVOD'])
    expect(texts('Start')).toEqual(['2030-01-01'])
    expect(texts('End')).toEqual(['2030-12-31'])
    expect(texts('DisplayName')).toEqual(['Staff'])
    expect(texts('FormatProfile')).toEqual(['HD'])
  })

  run('bad parameters are answered 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['?format=pdf', 'format'],
      ['?licenceType=cinema', 'licenceType'],
      ['?licenceType=', 'licenceType'],
      ['?territory=XX', 'territory'],
      ['?territory=Germany', 'territory'],
    ]
    for (const [query, field] of cases) {
      const { status, data } = await exportFile(setup, query)
      expect(status, query).toBe(400)
      expect(errorOf(data).data?.errors[0]?.path, query).toBe(field)
    }
  })

  run(
    'only licensing staff and admins may export: 401 without a user, 403 for an editor',
    async () => {
      expect((await exportFile(setup, '?format=csv', null)).status).toBe(401)
      const editor = await exportFile(setup, '?format=csv', setup.editorKey)
      expect(editor.status).toBe(403)
      expect(errorOf(editor.data).message).toMatch(/export avails/)
    },
  )
})
