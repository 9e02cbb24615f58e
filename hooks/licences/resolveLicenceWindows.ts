import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import {
  AvailabilityInputError,
  expandTerritories,
  resolveTerritoryWindows,
} from '../../src/availability'
import type { Licence } from '../../src/payload-types'
import { storedWindowOf } from '../../src/rights/licenceRecords'
import { loadRegions } from '../../src/rights/regions'

type Relation = Licence['content'][number]

const idOf = (value: unknown): string =>
  value && typeof value === 'object' ? idOf((value as { id?: unknown }).id) : String(value)

const relationKey = (relation: Relation): string => `${relation.relationTo}/${idOf(relation.value)}`

const sameIds = (a: unknown, b: unknown) =>
  JSON.stringify(((a as unknown[]) ?? []).map(idOf).sort()) ===
  JSON.stringify(((b as unknown[]) ?? []).map(idOf).sort())

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
      id: { in: [...(merged.territories ?? []), ...(merged.excludedTerritories ?? [])].map(idOf) },
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { code: true },
    req,
  })
  const codeById = new Map(docs.map((doc) => [String(doc.id), doc.code]))
  const codesOf = (relations: unknown) =>
    ((relations as unknown[]) ?? []).map(
      (relation) => codeById.get(idOf(relation)) ?? idOf(relation),
    )
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
