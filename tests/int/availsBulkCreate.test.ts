import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { type CatalogSpec, generateAvails, writeAvailsWorkbook } from '../../bench/avails/generate'
import { type ApplyProgress, applyAvailsImport, recordDryRun } from '../../src/rights/availsImport'
import { auditCatalog } from '../../src/rights/audit'
import { ensureReferenceData } from '../../src/seed/referenceData'
import { transactionalBackends } from './support/backends'
import { payloadFor } from './support/payloadFor'

// Issue 12: on the SQL adapters the apply creates licences in batches straight into the tables.
// What it stores must be what a create through the Local API (validation, hooks) stores.

const createCatalog = async (payload: Payload, catalog: CatalogSpec) => {
  for (const film of catalog.films) {
    await payload.create({
      collection: 'films',
      data: {
        _status: 'published',
        title: film.title,
        releaseYear: film.releaseYear,
        externalIds: film.eidr ? { eidr: film.eidr } : { availsIds: [film.alid] },
      },
    })
  }
  for (const series of catalog.series) {
    const seriesDoc = await payload.create({
      collection: 'series',
      data: {
        _status: 'published',
        title: series.title,
        externalIds: { availsIds: [series.alid] },
      },
    })
    for (const season of series.seasons) {
      const seasonDoc = await payload.create({
        collection: 'seasons',
        data: {
          _status: 'published',
          series: seriesDoc.id,
          seasonNumber: season.number,
          title: `Season ${season.number}`,
          externalIds: { availsIds: [season.alid] },
        },
      })
      for (const episode of season.episodes) {
        await payload.create({
          collection: 'episodes',
          data: {
            _status: 'published',
            season: seasonDoc.id,
            episodeNumber: episode.number,
            title: episode.title,
            externalIds: { availsIds: [episode.alid] },
          },
        })
      }
    }
  }
}

/** Drops what differs between any two saves (timestamps, array rows' random ids). */
const withoutSaveNoise = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutSaveNoise)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'createdAt' && key !== 'updatedAt')
        .map(([key, field]) => [key, withoutSaveNoise(field)]),
    )
  }
  return value
}

const arrayRowIdsDropped = (licence: Record<string, unknown>) => {
  const rows = (field: string) =>
    ((licence[field] as Record<string, unknown>[] | null | undefined) ?? []).map(
      ({ id: _id, ...row }) => row,
    )
  return {
    ...licence,
    resolvedWindows: rows('resolvedWindows'),
    conflicts: rows('conflicts'),
    warnings: rows('warnings'),
  }
}

/** Everything the apply stored: licences (every field, depth 0) and availability rows. */
const storedState = async (payload: Payload) => {
  const { docs: licences } = await payload.find({
    collection: 'licences',
    pagination: false,
    depth: 0,
    sort: 'id',
    overrideAccess: true,
  })
  const { docs: rows } = await payload.find({
    collection: 'availability-windows',
    pagination: false,
    depth: 0,
    sort: 'id',
    overrideAccess: true,
  })
  const rowKey = (row: Record<string, unknown>) =>
    `${String(row.contentKey)}|${String(row.territory)}|${String(row.start)}`
  return {
    licences: licences.map((doc) =>
      withoutSaveNoise(arrayRowIdsDropped(doc as unknown as Record<string, unknown>)),
    ),
    rows: rows
      .map(({ id: _id, ...row }) => withoutSaveNoise(row) as Record<string, unknown>)
      .sort((a, b) => rowKey(a).localeCompare(rowKey(b))),
  }
}

const generated = generateAvails(400, 20261204)

describe.each(transactionalBackends)('bulk licence creates on $kind', (backend) => {
  const run = it.skipIf(!backend.serverUrl)

  run(
    'store the licences and availability rows that creates through the Local API store',
    async () => {
      const file = await writeAvailsWorkbook(generated)
      const applyOnce = async (bulkLicenceCreates: boolean) => {
        const ctx = await payloadFor(backend)
        try {
          const { payload } = ctx
          await ensureReferenceData(payload)
          await createCatalog(payload, generated.catalog)
          const options = { zoneConvention: 'territory' as const, createMissingTitles: false }
          const { doc } = await recordDryRun(payload, file, 'generated.xlsx', options, null)
          const progress: ApplyProgress[] = []
          const { plan, audit } = await applyAvailsImport(
            payload,
            doc,
            {
              ...options,
              skipErrorRows: false,
              bulkLicenceCreates,
              onProgress: (step) => progress.push(step),
            },
            null,
          )
          expect(audit.differing).toBe(0)
          expect((await auditCatalog(payload)).differing).toBe(0)
          return { plan, progress, state: await storedState(payload) }
        } finally {
          await ctx.destroy()
        }
      }
      const bulk = await applyOnce(true)
      const localApi = await applyOnce(false)

      expect(bulk.plan.counts.errorRows).toBe(0)
      expect(bulk.plan.counts.create).toBe(generated.expectedLicences)
      expect(bulk.state.licences).toHaveLength(generated.expectedLicences)
      expect(bulk.state.rows.length).toBeGreaterThan(0)
      expect(bulk.state.licences).toEqual(localApi.state.licences)
      expect(bulk.state.rows).toEqual(localApi.state.rows)

      // Progress moves per batch during the licence phase, up to every licence written.
      const licenceSteps = bulk.progress.filter((step) => step.phase === 'licences')
      expect(licenceSteps.length).toBeGreaterThan(2)
      expect(licenceSteps.at(-1)).toEqual({
        phase: 'licences',
        done: generated.expectedLicences,
        total: generated.expectedLicences,
      })
      const dones = licenceSteps.map((step) => step.done)
      expect(dones).toEqual([...dones].sort((a, b) => a - b))
    },
    900_000,
  )
})
