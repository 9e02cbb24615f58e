import type { Payload, PayloadRequest } from 'payload'

import type { Region } from '../payload-types'
import { approvalNumberTerritories } from './data/approvalNumberTerritories'
import { regionGroups, type RegionGroupSeed } from './data/regionGroups'
import { countryNamesFor, isoCountryCodes } from './countryNames'
import { allLocales, everyLocale } from './localized'
import { referenceTimeZoneFor } from './referenceTimeZone'
import { withSeedingRequest } from './seedingTransaction'

export type RegionIds = ReadonlyMap<string, Region['id']>

export type SeededRegions = { ids: RegionIds; created: number }

export type SeedRegionsOptions = {
  log?: (line: string) => void
  /** A seeding request to join (one transaction for the whole seed). */
  req?: PayloadRequest
}

const existingRegionIds = async (req: PayloadRequest): Promise<Map<string, Region['id']>> => {
  const { docs } = await req.payload.find({
    collection: 'regions',
    pagination: false,
    depth: 0,
    locale: 'en',
    select: { code: true },
    req,
  })
  return new Map(docs.map((region) => [region.code, region.id]))
}

export const createCountry = async (
  req: PayloadRequest,
  code: string,
  log: (line: string) => void,
): Promise<Region['id']> => {
  const { timeZone, source } = referenceTimeZoneFor(code)
  if (source === 'fallback') {
    log(`Region ${code}: countries-and-timezones has no zone for it; using ${timeZone}.`)
  }
  const region = await req.payload.create({
    collection: 'regions',
    locale: everyLocale,
    data: {
      code,
      kind: 'country',
      name: allLocales(countryNamesFor(code)),
      timeZone,
      requiresApprovalNumber: approvalNumberTerritories.includes(code),
    },
    depth: 0,
    req,
  })
  return region.id
}

export const createGroup = async (
  req: PayloadRequest,
  group: RegionGroupSeed,
  ids: ReadonlyMap<string, Region['id']>,
): Promise<Region['id']> => {
  const members = group.members.map((code) => {
    const id = ids.get(code)
    if (id === undefined) throw new Error(`Region group ${group.code}: no region ${code}.`)
    return id
  })
  const region = await req.payload.create({
    collection: 'regions',
    locale: everyLocale,
    data: { code: group.code, kind: 'group', name: allLocales(group.name), members },
    depth: 0,
    req,
  })
  return region.id
}

/**
 * Every ISO 3166-1 country with its localised name and reference time zone, then the region
 * groups. Idempotent: codes that already exist are left as they are.
 */
export const seedRegions = async (
  payload: Payload,
  { log = () => {}, req }: SeedRegionsOptions = {},
): Promise<SeededRegions> =>
  withSeedingRequest(payload, req, async (seedReq) => {
    const ids = await existingRegionIds(seedReq)
    let created = 0
    for (const code of isoCountryCodes()) {
      if (ids.has(code)) continue
      ids.set(code, await createCountry(seedReq, code, log))
      created++
    }
    for (const group of regionGroups) {
      if (ids.has(group.code)) continue
      ids.set(group.code, await createGroup(seedReq, group, ids))
      created++
    }
    return { ids, created }
  })
