import type { Payload } from 'payload'

import type { Region } from '../payload-types'
import { isoCountryCodes } from './countryNames'
import { regionGroups } from './data/regionGroups'
import { planReferenceCodes, type ReferencePlan } from './referencePlan'
import { createCountry, createGroup } from './regions'
import { inSeedingTransaction } from './seedingTransaction'

export type ReferenceDataset = {
  /** Every ISO 3166-1 alpha-2 code the maintained package lists. */
  countries: readonly string[]
  groups: typeof regionGroups
}

export const currentReferenceDataset = (): ReferenceDataset => ({
  countries: isoCountryCodes(),
  groups: regionGroups,
})

export type ReferenceDataReport = ReferencePlan & {
  /** Codes created on this run (countries first, then groups). */
  created: string[]
  /** Whether a `reference-data` document was written (only when something changed). */
  recorded: boolean
}

const describeDataset = (dataset: ReferenceDataset) =>
  `ISO 3166-1 (i18n-iso-countries): ${dataset.countries.length} countries; groups: ${dataset.groups
    .map((group) => group.code)
    .join(', ')}`

/**
 * Ensures the reference regions on this database: creates the countries (with their reference
 * time zones) and default groups that are missing, never touches existing ones (staff edits
 * stay), never re-creates a code staff deleted after it was applied, and reports the codes
 * the dataset added or retired since it was last applied. Idempotent; one transaction where
 * the adapter has them.
 */
export const ensureReferenceData = async (
  payload: Payload,
  {
    dataset = currentReferenceDataset(),
    log = () => {},
    now = new Date(),
  }: { dataset?: ReferenceDataset; log?: (line: string) => void; now?: Date } = {},
): Promise<ReferenceDataReport> =>
  inSeedingTransaction(payload, async (req) => {
    const { docs: previous } = await payload.find({
      collection: 'reference-data',
      sort: '-appliedAt',
      limit: 1,
      depth: 0,
      req,
    })
    const lastCodes = previous[0]?.codes
    const lastApplied = Array.isArray(lastCodes)
      ? lastCodes.filter((code): code is string => typeof code === 'string')
      : null
    const { docs: regions } = await payload.find({
      collection: 'regions',
      pagination: false,
      depth: 0,
      locale: 'en',
      select: { code: true },
      req,
    })
    const ids = new Map<string, Region['id']>(regions.map((region) => [region.code, region.id]))
    const codes = [...dataset.countries, ...dataset.groups.map((group) => group.code)]
    const plan = planReferenceCodes(codes, lastApplied, new Set(ids.keys()))
    const toCreate = new Set(plan.create)
    const created: string[] = []
    for (const code of dataset.countries) {
      if (!toCreate.has(code)) continue
      ids.set(code, await createCountry(req, code, log))
      created.push(code)
    }
    for (const group of dataset.groups) {
      if (!toCreate.has(group.code)) continue
      const members = group.members.filter((code) => ids.has(code))
      const left = group.members.filter((code) => !ids.has(code))
      if (left.length > 0)
        log(`Region group ${group.code}: without ${left.join(', ')} (no such region).`)
      ids.set(group.code, await createGroup(req, { ...group, members }, ids))
      created.push(group.code)
    }
    const changed =
      lastApplied === null || created.length > 0 || plan.added.length > 0 || plan.retired.length > 0
    if (changed) {
      await payload.create({
        collection: 'reference-data',
        data: {
          appliedAt: now.toISOString(),
          dataset: describeDataset(dataset),
          codes,
          created,
          added: plan.added,
          retired: plan.retired,
          deletedByStaff: plan.deletedByStaff,
        },
        depth: 0,
        req,
      })
    }
    return { ...plan, created, recorded: changed }
  })
