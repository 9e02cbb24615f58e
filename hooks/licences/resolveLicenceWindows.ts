import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import {
  AvailabilityInputError,
  expandTerritories,
  nodeKey,
  resolveTerritoryWindows,
} from '../../src/availability'
import type { Licence } from '../../src/payload-types'
import { idOf } from '../../src/rights/ids'
import { storedWindowOf } from '../../src/rights/licenceRecords'
import { loadRegions } from '../../src/rights/regions'
import { timeZoneRulesVersion } from '../../src/rights/timeZoneRules'

type Relation = Licence['content'][number]

const relationKey = (relation: Relation): string =>
  nodeKey({ collection: relation.relationTo, id: idOf(relation.value) ?? '' })

const idsOf = (relations: unknown): string[] =>
  ((relations as unknown[] | null | undefined) ?? []).flatMap((relation) => idOf(relation) ?? [])

const sameIds = (a: unknown, b: unknown) =>
  JSON.stringify(idsOf(a).sort()) === JSON.stringify(idsOf(b).sort())

const refuse = (path: string, message: string): never => {
  throw new ValidationError({ collection: 'licences', errors: [{ path, message }] })
}

/**
 * Expands groups into countries and resolves the window per country when the licence's terms
 * change. Editing anything else keeps what was signed, even if a group changed since.
 */
export const resolveLicenceWindows: CollectionBeforeChangeHook<Licence> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as Licence
  data.contentKeys = (merged.content ?? []).map(relationKey)

  const termsChanged =
    operation === 'create' ||
    !sameIds(merged.territories, originalDoc?.territories) ||
    !sameIds(merged.excludedTerritories, originalDoc?.excludedTerritories) ||
    merged.start !== originalDoc?.start ||
    (merged.end ?? null) !== (originalDoc?.end ?? null) ||
    !originalDoc?.resolvedWindows?.length
  if (!termsChanged) return data

  const regions = await loadRegions(req.payload, req)
  const { docs } = await req.payload.find({
    collection: 'regions',
    where: {
      id: { in: [...idsOf(merged.territories), ...idsOf(merged.excludedTerritories)] },
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { code: true },
    req,
  })
  const codeById = new Map(docs.map((doc) => [String(doc.id), doc.code]))
  const codesOf = (relations: unknown) => idsOf(relations).map((id) => codeById.get(id) ?? id)
  const included = codesOf(merged.territories)
  const excluded = codesOf(merged.excludedTerritories)
  if (included.length === 0) refuse('territories', 'A licence needs at least one territory.')

  try {
    const countries = expandTerritories(included, excluded, regions)
    const windows = resolveTerritoryWindows(
      { start: merged.start, end: merged.end },
      countries,
      regions,
    )
    data.countries = countries
    data.resolvedWindows = windows.map(storedWindowOf)
    data.tzVersion = timeZoneRulesVersion()
    data.groupSnapshot = Object.fromEntries(
      [...included, ...excluded]
        .filter((code) => regions.find((region) => region.code === code)?.kind === 'group')
        .map((code) => [code, expandTerritories([code], [], regions)]),
    )
  } catch (error) {
    if (error instanceof AvailabilityInputError) {
      const path = ['start', 'end', 'territories'].includes(error.field)
        ? error.field
        : 'territories'
      refuse(path, error.reason)
    }
    throw error
  }
  return data
}
