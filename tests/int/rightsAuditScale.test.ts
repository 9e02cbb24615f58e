import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { auditCatalog } from '../../src/rights/audit'
import { forgetRegions } from '../../src/rights/regions'
import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'

const licenceCount = 40

describe.each(testBackends)('rights audit at bench scale on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)
  let ctx: TestPayload
  let payload: Payload

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    const country = async (code: string, timeZone: string) =>
      (
        await payload.create({
          collection: 'regions',
          data: { code, kind: 'country', name: code, timeZone },
          depth: 0,
        })
      ).id
    const members = [
      await country('DE', 'Europe/Berlin'),
      await country('AT', 'Europe/Vienna'),
      await country('CH', 'Europe/Zurich'),
    ]
    const dach = await payload.create({
      collection: 'regions',
      data: { code: 'DACH', kind: 'group', name: 'DACH', members },
      depth: 0,
    })
    const film = await payload.create({
      collection: 'films',
      data: { title: 'Many licences', _status: 'published' },
      depth: 0,
    })
    // Licences signed for a group keep a snapshot of it: reading one through the Local API runs
    // the `groupDrift` hook, which loads the regions.
    for (let index = 0; index < licenceCount; index += 1) {
      await payload.create({
        collection: 'licences',
        data: {
          contractId: `SCALE-${index}`,
          content: [{ relationTo: 'films', value: film.id }],
          kind: 'grant',
          licenceType: index % 2 === 0 ? 'svod' : 'avod',
          territories: [dach.id],
          start: `20${String(10 + (index % 20)).padStart(2, '0')}-01-01`,
          end: `20${String(11 + (index % 20)).padStart(2, '0')}-06-30`,
        },
        depth: 0,
      })
    }
  }, 600_000)
  afterAll(async () => {
    await ctx?.destroy()
  })

  const countingRegionReads = async (read: () => Promise<unknown>): Promise<number> => {
    const db = payload.db
    const find = db.find.bind(db)
    let regionReads = 0
    db.find = ((args: Parameters<typeof find>[0]) => {
      if (args.collection === 'regions') regionReads += 1
      return find(args)
    }) as typeof db.find
    try {
      forgetRegions(payload)
      await read()
      return regionReads
    } finally {
      db.find = find
    }
  }

  run(
    'reading many group-signed licences through the Local API loads the regions once (the groupDrift hook loaded them once per licence)',
    async () => {
      const reads = await countingRegionReads(async () => {
        const { docs } = await payload.find({ collection: 'licences', limit: 100, depth: 0 })
        expect(docs).toHaveLength(licenceCount)
        expect(docs.every((doc) => doc.groupDrift === null)).toBe(true)
      })
      expect(reads).toBe(1)
    },
    120_000,
  )

  run(
    'a batch reads the regions once, however many licences name its titles (the groupDrift hook ran per licence and exhausted the PostgreSQL pool)',
    async () => {
      let result: Awaited<ReturnType<typeof auditCatalog>> | undefined
      const reads = await countingRegionReads(async () => {
        result = await auditCatalog(payload)
      })
      expect(result?.differing).toBe(0)
      expect(result?.checked).toBe(1)
      expect(reads).toBe(1)
    },
    120_000,
  )
})
