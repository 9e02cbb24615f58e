import type { PayloadRequest } from 'payload'

import type { Licence } from '../payload-types'
import type { SeededCatalog } from './catalog'
import { licences } from './data/licences'
import type { ContentSeed, LicenceSeed } from './data/types'
import { existingIds, idFor, type IdsByKey } from './documentIds'
import type { RegionIds } from './regions'
import { seasonKey } from './series'

type LicensedContent = Licence['content'][number]

const contentFor = (seed: ContentSeed, catalog: SeededCatalog): LicensedContent => {
  if ('films' in seed)
    return { relationTo: 'films', value: idFor(catalog.films, seed.films, 'film') }
  if ('series' in seed) {
    return { relationTo: 'series', value: idFor(catalog.series, seed.series, 'series') }
  }
  const key = seasonKey(seed.seasonOf, seed.seasonNumber)
  return { relationTo: 'seasons', value: idFor(catalog.seasons, key, 'season') }
}

const licenceData = (seed: LicenceSeed, catalog: SeededCatalog, regions: RegionIds) => ({
  contractId: seed.contractId,
  licensor: seed.licensor,
  content: seed.content.map((content) => contentFor(content, catalog)),
  kind: seed.holdback ? ('holdback' as const) : ('grant' as const),
  holdbackStrength: seed.holdback,
  licenceType: seed.licenceType,
  formats: [...seed.formats],
  territories: seed.territories.map((code) => idFor(regions, code, 'region')),
  excludedTerritories: (seed.excludedTerritories ?? []).map((code) =>
    idFor(regions, code, 'region'),
  ),
  start: seed.start,
  end: seed.end,
  exclusive: seed.exclusive ?? false,
  notes: seed.notes,
})

/** Licences by contract id; contracts already on file are left alone. Returns how many were added. */
export const seedLicences = async (
  req: PayloadRequest,
  catalog: SeededCatalog,
  regions: RegionIds,
): Promise<{ ids: IdsByKey; created: number }> => {
  const ids = await existingIds(
    req,
    'licences',
    'contractId',
    licences.map(({ contractId }) => contractId),
  )
  let created = 0
  for (const seed of licences) {
    if (ids.has(seed.contractId)) continue
    const licence = await req.payload.create({
      collection: 'licences',
      locale: 'en',
      data: licenceData(seed, catalog, regions),
      depth: 0,
      req,
    })
    ids.set(seed.contractId, licence.id)
    created++
  }
  return { ids, created }
}
