import { ValidationError } from 'payload'

import {
  AvailabilityInputError,
  expandTerritories,
  type Region,
  resolveTerritoryWindows,
} from '../availability'
import { storedWindowOf } from './licenceRecords'
import { timeZoneRulesVersion } from './timeZoneRules'

/** What saving a licence stores from its terms (see `resolveLicenceWindows`). */
export type ResolvedLicenceTerms = {
  countries: string[]
  resolvedWindows: ReturnType<typeof storedWindowOf>[]
  tzVersion: string
  groupSnapshot: Record<string, string[]>
}

/**
 * Expands the territories (region codes) into countries and resolves each country's window,
 * as a saved licence stores them: the countries, the windows with the rule used, the
 * time-zone rules version and the members of every group named. Throws
 * `AvailabilityInputError` (start, end or territories) when the terms cannot be resolved.
 */
export const resolveLicenceTerms = (
  included: readonly string[],
  excluded: readonly string[],
  boundary: { start: string; end?: string | null },
  regions: readonly Region[],
): ResolvedLicenceTerms => {
  const countries = expandTerritories(included, excluded, regions)
  const windows = resolveTerritoryWindows(
    { start: boundary.start, end: boundary.end },
    countries,
    regions,
  )
  const kinds = new Map(regions.map((region) => [region.code, region.kind]))
  return {
    countries,
    resolvedWindows: windows.map(storedWindowOf),
    tzVersion: timeZoneRulesVersion(),
    groupSnapshot: Object.fromEntries(
      [...included, ...excluded]
        .filter((code) => kinds.get(code) === 'group')
        .map((code) => [code, expandTerritories([code], [], regions)]),
    ),
  }
}

/**
 * `resolveLicenceTerms` as a save answers it: a licence without a territory, or terms that
 * cannot be resolved, are refused with the 400 naming the field.
 */
export const resolveLicenceTermsOrRefuse = (
  included: readonly string[],
  excluded: readonly string[],
  boundary: { start: string; end?: string | null },
  regions: readonly Region[],
): ResolvedLicenceTerms => {
  if (included.length === 0) refuse('territories', 'A licence needs at least one territory.')
  try {
    return resolveLicenceTerms(included, excluded, boundary, regions)
  } catch (error) {
    if (error instanceof AvailabilityInputError) {
      const path = ['start', 'end', 'territories'].includes(error.field)
        ? error.field
        : 'territories'
      refuse(path, error.reason)
    }
    throw error
  }
}

const refuse = (path: string, message: string): never => {
  throw new ValidationError({ collection: 'licences', errors: [{ path, message }] })
}
