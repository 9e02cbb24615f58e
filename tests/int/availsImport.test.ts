import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { auditCatalog } from '../../src/rights/audit'
import {
  apply,
  csvColumns,
  csvOf,
  type CsvRow,
  installSaveFailure,
  licences,
  mountainRow,
  sample,
  type Setup,
  setUp,
  upload,
} from './support/avails'
import { testBackends } from './support/backends'

const windowOf = async (payload: Payload, contentKey: string, territory: string, type: string) =>
  (await licences(payload))
    .filter((licence) => licence.contentKeys?.includes(contentKey) && licence.licenceType === type)
    .flatMap((licence) =>
      (licence.resolvedWindows ?? [])
        .filter((window) => window.territory === territory)
        .map((window) => ({
          start: window.start,
          end: window.end ?? null,
          formats: licence.formats,
        })),
    )
    .sort((a, b) => a.start.localeCompare(b.start))

const expectCleanAudit = async (payload: Payload) => {
  const audit = await auditCatalog(payload)
  expect(audit.differing).toBe(0)
}

/** Expected outcome of each MovieLabs sample against the fixture catalog. */
const expectations: {
  file: string
  format: string
  version: string
  licences: number
  errorRows: number[]
  matched: string[]
  windows: { title: string; territory: string; type: string; start: string; end: string | null }[]
}[] = [
  {
    file: 'Movies_v1.7.2.xlsx',
    format: 'xlsx',
    version: '1.7',
    // 27 rows: 2 POEST rows refused, 1 Full Delete (nothing to delete yet); the other 24 rows
    // merge into 7 licences: HD and SD, and the dubbed-language rows of the same terms.
    licences: 7,
    errorRows: [6, 7],
    matched: ['mountain', 'firstDance'],
    windows: [
      // Date-only: local midnight in Toronto; the End date 2013-05-28 includes that day.
      {
        title: 'firstDance',
        territory: 'CA',
        type: 'est',
        start: '2013-05-14T04:00:00Z',
        end: '2013-05-29T04:00:00Z',
      },
      {
        title: 'firstDance',
        territory: 'ES',
        type: 'tvod',
        start: '2013-05-27T22:00:00Z',
        end: '2013-09-20T22:00:00Z',
      },
    ],
  },
  {
    file: 'Movies_v1.9.xlsx',
    format: 'xlsx',
    version: '1.9',
    // Like 1.7.2, but the US HD row is exclusive and the SD row is not: two licences there.
    licences: 8,
    errorRows: [6, 7],
    matched: ['mountain', 'firstDance'],
    windows: [
      { title: 'mountain', territory: 'US', type: 'est', start: '2013-06-14T04:00:00Z', end: null },
    ],
  },
  {
    file: 'TV_v1.8.xlsx',
    format: 'xlsx',
    version: '1.8',
    licences: 21,
    errorRows: [],
    matched: ['detectivesSeason', 'detectivesE1', 'detectivesE8', 'detectivesE101'],
    windows: [
      {
        title: 'detectivesE1',
        territory: 'FR',
        type: 'est',
        start: '2013-05-13T22:00:00Z',
        end: null,
      },
    ],
  },
  {
    file: 'TV_v1.9.xlsx',
    format: 'xlsx',
    version: '1.9',
    licences: 20,
    errorRows: [],
    matched: ['detectivesSeason', 'detectivesE1', 'detectivesE8', 'detectivesE101'],
    windows: [
      {
        title: 'detectivesSeason',
        territory: 'US',
        type: 'est',
        start: '2013-05-14T04:00:00Z',
        end: null,
      },
    ],
  },
  {
    file: 'Avails_noErrors_v2.4.xml',
    format: 'xml',
    version: '2.4',
    // 24 transactions: HD + SD of one avail merge; Dodgeball has EST and VOD (tvod).
    licences: 13,
    errorRows: [],
    matched: ['bravados', 'dodgeball', 'sith', 'jedi', 'jakeSeason', 'jakeE1', 'jakeE3'],
    windows: [
      // Zone-less date-times, read in New York (the territory's reference zone).
      {
        title: 'sith',
        territory: 'US',
        type: 'est',
        start: '2017-05-05T04:00:00Z',
        end: '2017-12-12T04:59:59Z',
      },
      // The Collection names all five films it bundles.
      {
        title: 'empire',
        territory: 'US',
        type: 'est',
        start: '2017-05-05T04:00:00Z',
        end: '2017-12-12T04:59:59Z',
      },
      {
        title: 'dodgeball',
        territory: 'US',
        type: 'tvod',
        start: '2007-05-01T04:00:00Z',
        end: null,
      },
    ],
  },
]

describe.each(testBackends)('EMA Avails import on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)

  describe.each(expectations)('$file', (expected) => {
    let setup: Setup
    beforeAll(async () => {
      if (backend.serverUrl) setup = await setUp(backend)
    })
    afterAll(async () => {
      await setup?.server.close()
      await setup?.ctx.destroy()
    })

    run(
      'dry run, apply, then the same file again changes nothing',
      async () => {
        const { payload, catalog } = setup
        const dry = await upload(setup, expected.file, sample(expected.file))
        expect(dry.status, JSON.stringify(dry.body.errors)).toBe(201)
        expect(dry.body).toMatchObject({
          status: 'dryRun',
          format: expected.format,
          version: expected.version,
          zoneConvention: 'territory',
        })
        expect(dry.body.counts.create).toBe(expected.licences)
        expect(dry.body.counts.unmatchedTitles).toBe(0)
        expect([...new Set(dry.body.rowErrors.map((error) => error.row))]).toEqual(
          expected.errorRows,
        )
        for (const error of dry.body.rowErrors) {
          expect(error.sheet).toBeTruthy()
          expect(error.column).toBeTruthy()
          expect(error.reason).toBeTruthy()
        }
        // Nothing is written by a dry run.
        expect(await licences(payload)).toHaveLength(0)

        if (expected.errorRows.length > 0) {
          const refused = await apply(setup, dry.body.id)
          expect(refused.status).toBe(409)
          expect(await licences(payload)).toHaveLength(0)
        }
        const applied = await apply(setup, dry.body.id, expected.errorRows.length > 0)
        expect(applied.status, JSON.stringify(applied.body.errors)).toBe(200)
        expect(applied.body.audit?.differing).toBe(0)
        const stored = await licences(payload)
        expect(stored).toHaveLength(expected.licences)
        const named = new Set(stored.flatMap((licence) => licence.contentKeys ?? []))
        for (const title of expected.matched) expect(named, title).toContain(catalog[title])
        for (const licence of stored) {
          expect(licence.availsKey).toBeTruthy()
          expect(licence.availsImport).toBe(dry.body.id)
          expect((licence.availsSource as { rows: unknown[] }).rows.length).toBeGreaterThan(0)
        }
        for (const window of expected.windows) {
          const found = await windowOf(
            payload,
            catalog[window.title],
            window.territory,
            window.type,
          )
          expect(
            found.map(({ start, end }) => ({ start, end })),
            window.title,
          ).toContainEqual({
            start: window.start,
            end: window.end,
          })
        }
        await expectCleanAudit(payload)

        const updatedAt = stored.map((licence) => licence.updatedAt)
        const again = await upload(setup, expected.file, sample(expected.file))
        expect(again.body.counts).toMatchObject({
          create: 0,
          update: 0,
          delete: 0,
          unchanged: expected.licences,
        })
        const reapplied = await apply(setup, again.body.id, expected.errorRows.length > 0)
        expect(reapplied.status).toBe(200)
        const after = await licences(payload)
        expect(after.map((licence) => licence.updatedAt)).toEqual(updatedAt)
        // An applied import is not applied twice.
        expect((await apply(setup, dry.body.id, true)).status).toBe(409)
      },
      180_000,
    )
  })
})

/** A CSV with the spreadsheet's columns, for the film "The View from a Mountain" by default. */
const csv = (rows: CsvRow[]) =>
  csvOf(rows, { ...mountainRow, EntryType: 'Full Extract', Start: '2026-01-01' })

describe.each(testBackends)('EMA Avails import rules on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)
  let setup: Setup
  beforeAll(async () => {
    if (backend.serverUrl) setup = await setUp(backend)
  })
  afterAll(async () => {
    await setup?.server.close()
    await setup?.ctx.destroy()
  })

  const keysOf = async () => (await licences(setup.payload)).map((l) => l.availsKey).sort()

  run(
    'only licensing staff and admins may import: 401 without a user, 403 for an editor',
    async () => {
      const file = csv([{ Territory: 'US' }])
      expect((await upload(setup, 'a.csv', file, {}, null)).status).toBe(401)
      expect((await upload(setup, 'a.csv', file, {}, setup.editorKey)).status).toBe(403)
      const read = await fetch(`${setup.server.url}/api/avails-imports`, {
        headers: { Authorization: `users API-Key ${setup.editorKey}` },
      })
      expect(read.status).toBe(403)
      const apply403 = await fetch(`${setup.server.url}/api/avails/imports/1/apply`, {
        method: 'POST',
        headers: { Authorization: `users API-Key ${setup.editorKey}` },
      })
      expect(apply403.status).toBe(403)
      expect((await apply(setup, 999_999)).status).toBe(404)
    },
  )

  run('unreadable files are answered 400 with the reason, and nothing is recorded', async () => {
    const before = (await setup.payload.count({ collection: 'avails-imports' })).totalDocs
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['empty.csv', '', /empty/],
      ['contract.pdf', '%PDF-1.4 binary', /not EMA Avails/],
      ['avails.xlsx', 'Territory,WorkType\nUS,Movie', /named \.xlsx but its content is CSV/],
      ['notes.csv', 'just,some\nwords,here', /no EMA Avails header row/],
      [
        'old.csv',
        `1.2\n${csvColumns.join(',')}\nRockstar,US`,
        /unknown EMA Avails spreadsheet version 1\.2/,
      ],
      ['page.xml', '<html><body>hi</body></html>', /not an EMA Avails XML document/],
      ['broken.xml', '<avails:AvailList><oops></avails:AvailList>', /not well-formed XML/],
      ['header-only.csv', csvColumns.join(','), /no avails rows/],
    ]
    for (const [name, data, reason] of cases) {
      const { status, body } = await upload(setup, name, data)
      expect(status, name).toBe(400)
      expect(body.errors?.[0]?.message, name).toMatch(reason)
    }
    process.env.AVAILS_IMPORT_MAX_MB = '0.001'
    try {
      const big = await upload(
        setup,
        'big.csv',
        csv(Array.from({ length: 40 }, () => ({ Territory: 'US' }))),
      )
      expect(big.status).toBe(400)
      expect(big.body.errors?.[0]?.message).toMatch(/larger than/)
    } finally {
      delete process.env.AVAILS_IMPORT_MAX_MB
    }
    expect((await setup.payload.count({ collection: 'avails-imports' })).totalDocs).toBe(before)
  })

  run('Full Extract, Update, Delete and Full Delete', async () => {
    const usA = { Territory: 'US', End: '2026-06-30', AnnounceDate: '2025-12-01' }
    const usB = { Territory: 'US', Start: '2026-07-01', AvailID: 'M-US-B' }
    const first = await upload(
      setup,
      'extract.csv',
      csv([
        { ...usA, AvailID: 'M-US-HD' },
        { ...usA, AvailID: 'M-US-SD', FormatProfile: 'SD' },
        usB,
        { Territory: 'CA', AvailID: 'M-CA-HD' },
        { Territory: 'DE', AvailID: 'M-DE-HD', LicenseType: 'EST' },
      ]),
    )
    expect(first.body.counts).toMatchObject({ create: 4, errorRows: 0 })
    expect((await apply(setup, first.body.id)).status).toBe(200)
    const us = (await licences(setup.payload)).find(
      (l) => l.countries?.includes('US') && l.end === '2026-06-30',
    )
    expect(us?.formats).toEqual(['sd', 'hd'])
    // AnnounceDate is a local day in the territory: midnight in New York.
    expect(us?.announceAt).toBe('2025-12-01T05:00:00.000Z')

    // The second file states US and CA again, without the second US window: that one goes.
    // DE is outside its scope (licensor x title x territory x licence type) and stays.
    const second = await upload(
      setup,
      'extract2.csv',
      csv([
        { ...usA, AvailID: 'M-US-HD' },
        { ...usA, AvailID: 'M-US-SD', FormatProfile: 'SD' },
        { Territory: 'CA', AvailID: 'M-CA-HD' },
      ]),
    )
    expect(second.body.counts, JSON.stringify(second.body.diff)).toMatchObject({
      create: 0,
      update: 0,
      delete: 1,
      unchanged: 2,
    })
    expect(second.body.diff.delete[0].reason).toMatch(/Full Extract/)
    expect((await apply(setup, second.body.id)).status).toBe(200)
    expect(await windowOf(setup.payload, setup.catalog.mountain, 'US', 'svod')).toHaveLength(1)
    expect((await licences(setup.payload)).map((l) => l.countries?.[0]).sort()).toEqual([
      'CA',
      'DE',
      'US',
    ])

    // Update keyed by AvailID: the US window ends earlier; the licence is changed, not replaced.
    const updated = { ...usA, EntryType: 'Update', End: '2026-05-31' }
    const update = await upload(
      setup,
      'update.csv',
      csv([
        { ...updated, AvailID: 'M-US-HD' },
        { ...updated, AvailID: 'M-US-SD', FormatProfile: 'SD' },
      ]),
    )
    expect(update.body.counts).toMatchObject({ update: 1, create: 0, delete: 0 })
    expect(update.body.diff.update[0].changes).toContain('end')
    expect((await apply(setup, update.body.id)).status).toBe(200)
    expect(await windowOf(setup.payload, setup.catalog.mountain, 'US', 'svod')).toEqual([
      { start: '2026-01-01T05:00:00Z', end: '2026-06-01T04:00:00Z', formats: ['sd', 'hd'] },
    ])
    expect((await licences(setup.payload)).find((l) => l.countries?.includes('US'))?.id).toBe(
      us?.id,
    )

    // Delete one row (the SD format) by AvailID: the licence keeps HD.
    const deleteSd = await upload(
      setup,
      'delete.csv',
      csv([{ EntryType: 'Delete', AvailID: 'M-US-SD' }]),
    )
    expect(deleteSd.body.counts).toMatchObject({ update: 1, delete: 0 })
    expect((await apply(setup, deleteSd.body.id)).status).toBe(200)
    expect(
      (await windowOf(setup.payload, setup.catalog.mountain, 'US', 'svod'))[0].formats,
    ).toEqual(['hd'])

    // Full Delete: everything of licensor x title x territory x licence type.
    const fullDelete = await upload(
      setup,
      'full-delete.csv',
      csv([{ EntryType: 'Full Delete', Territory: 'DE', LicenseType: 'EST' }]),
    )
    expect(fullDelete.body.counts).toMatchObject({ delete: 1 })
    expect((await apply(setup, fullDelete.body.id)).status).toBe(200)
    expect((await licences(setup.payload)).map((l) => l.countries?.[0]).sort()).toEqual([
      'CA',
      'US',
    ])

    // Deleting the last row of a licence removes it.
    const deleteHd = await upload(
      setup,
      'delete2.csv',
      csv([{ EntryType: 'Delete', AvailID: 'M-US-HD' }]),
    )
    expect(deleteHd.body.counts).toMatchObject({ delete: 1 })
    expect((await apply(setup, deleteHd.body.id)).status).toBe(200)
    expect((await licences(setup.payload)).map((l) => l.countries?.[0])).toEqual(['CA'])
    await expectCleanAudit(setup.payload)
    await setup.payload.delete({ collection: 'licences', where: { id: { exists: true } } })
  })

  run('a file that fails half way leaves nothing behind', async () => {
    const base = await upload(
      setup,
      'base.csv',
      csv([
        { Territory: 'US', AvailID: 'B-US', End: '2026-06-30' },
        { Territory: 'US', AvailID: 'B-US2', Start: '2026-07-01' },
      ]),
    )
    expect((await apply(setup, base.body.id)).status).toBe(200)
    const before = await keysOf()
    const rowsBefore = (await setup.payload.count({ collection: 'availability-windows' })).totalDocs
    await installSaveFailure(setup.payload, backend.kind)
    // Drops the second US window (a delete), changes the first (an update), adds ES, then DE
    // fails in the database.
    const failing = await upload(
      setup,
      'failing.csv',
      csv([
        { Territory: 'US', AvailID: 'B-US', End: '2026-05-31' },
        { Territory: 'ES', AvailID: 'B-ES' },
        { Territory: 'DE', AvailID: 'B-DE', ContractID: 'BOOM' },
      ]),
    )
    expect(failing.body.counts).toMatchObject({ create: 2, update: 1, delete: 1, errorRows: 0 })
    const failed = await apply(setup, failing.body.id)
    expect(failed.status).toBe(422)
    expect(failed.body.errors?.[0]?.message).toMatch(/nothing of it was kept/)
    expect(await keysOf()).toEqual(before)
    expect(
      (await windowOf(setup.payload, setup.catalog.mountain, 'US', 'svod')).map((w) => w.end),
    ).toEqual(['2026-07-01T04:00:00Z', null])
    expect((await setup.payload.count({ collection: 'availability-windows' })).totalDocs).toBe(
      rowsBefore,
    )
    const record = await setup.payload.findByID({
      collection: 'avails-imports',
      id: failing.body.id,
    })
    expect(record.status).toBe('failed')
    expect(record.failure).toMatch(/BOOM/)
    await expectCleanAudit(setup.payload)
  })

  run(
    'unmatched titles, createMissingTitles, conflicts and the zone convention, before apply',
    async () => {
      const { payload } = setup
      const newFilm = {
        Territory: 'US',
        TitleInternalAlias: 'Brand New Film',
        ReleaseYear: '2026',
        ALID: 'NEW_2026',
        EntryType: 'Create',
      }
      const unmatched = await upload(setup, 'new.csv', csv([newFilm]))
      expect(unmatched.body.counts).toMatchObject({ create: 0, errorRows: 1, unmatchedTitles: 1 })
      expect(unmatched.body.rowErrors[0]).toMatchObject({ sheet: 'CSV', row: 2 })
      expect(unmatched.body.rowErrors[0].reason).toMatch(/matches no title/)

      const creating = await upload(setup, 'new.csv', csv([newFilm]), {
        createMissingTitles: 'true',
      })
      expect(creating.body.counts).toMatchObject({ create: 1, errorRows: 0, newTitles: 1 })
      expect((await apply(setup, creating.body.id)).status).toBe(200)
      const { docs } = await payload.find({
        collection: 'films',
        where: { 'externalIds.availsIds': { in: ['NEW_2026'] } },
        overrideAccess: true,
      })
      expect(docs).toHaveLength(1)
      expect(docs[0]).toMatchObject({
        _status: 'draft',
        releaseYear: 2026,
        title: 'Brand New Film',
      })
      expect(docs[0].externalIds?.availsIds).toContain('NEW_2026')
      expect(
        (await licences(payload)).some((l) => l.contentKeys?.includes(`films/${docs[0].id}`)),
      ).toBe(true)

      const us = await payload.find({ collection: 'regions', where: { code: { equals: 'US' } } })
      await payload.create({
        collection: 'licences',
        data: {
          content: [{ relationTo: 'films', value: Number(setup.catalog.mountain.split('/')[1]) }],
          kind: 'grant',
          licenceType: 'svod',
          territories: [us.docs[0].id],
          start: '2020-01-01',
          exclusive: true,
          contractId: 'STAFF-1',
        },
        overrideAccess: true,
      })
      const clashing = await upload(
        setup,
        'exclusive.csv',
        csv([{ Territory: 'US', Exclusive: 'Yes', Start: '2028-01-01', EntryType: 'Create' }]),
      )
      expect(clashing.body.counts.conflicts).toBe(1)
      expect(clashing.body.diff.conflicts[0]).toMatchObject({
        territory: 'US',
        licenceType: 'svod',
      })
      // Applied, the licence hooks record the conflict on both licences.
      expect((await apply(setup, clashing.body.id)).status).toBe(200)
      const exclusive = (await licences(payload)).filter(
        (l) => l.exclusive && l.contentKeys?.includes(setup.catalog.mountain),
      )
      expect(exclusive.map((l) => [l.contractId ?? null, l.hasConflicts])).toEqual([
        ['STAFF-1', true],
        [null, true],
      ])

      const utc = await upload(setup, 'a.xml', sample('Avails_noErrors_v2.4.xml'), {
        zoneConvention: 'UTC',
      })
      expect(utc.body.zoneConvention).toBe('UTC')
      expect(utc.body.diff.create).toContainEqual(
        expect.objectContaining({ content: [setup.catalog.sith], start: '2017-05-05T00:00:00Z' }),
      )
      const rejecting = await upload(setup, 'a.xml', sample('Avails_noErrors_v2.4.xml'), {
        zoneConvention: 'reject',
      })
      expect(rejecting.body.counts.errorRows).toBe(24)
      expect(rejecting.body.rowErrors[0].reason).toMatch(/no offset or Z/)
      const bad = await upload(setup, 'a.xml', sample('Avails_noErrors_v2.4.xml'), {
        zoneConvention: 'Mars/Phobos',
      })
      expect(bad.status).toBe(400)
      expect(bad.body.errors?.[0]?.message).toMatch(/IANA zone/)
    },
  )
})
