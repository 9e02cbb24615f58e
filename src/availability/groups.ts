import { AvailabilityInputError } from './errors'
import type { Region } from './types'

const expandInto = (
  codes: readonly string[],
  byCode: ReadonlyMap<string, Region>,
  countries: Set<string>,
  unknown: Set<string>,
  path: readonly string[],
): void => {
  for (const code of codes) {
    const region = byCode.get(code)
    if (!region) {
      unknown.add(code)
    } else if (region.kind === 'country') {
      countries.add(code)
    } else if (path.includes(code)) {
      throw new AvailabilityInputError(
        'territories',
        `group ${code} contains itself (${[...path, code].join(' > ')})`,
      )
    } else {
      expandInto(region.members ?? [], byCode, countries, unknown, [...path, code])
    }
  }
}

/**
 * Country codes a licence covers: included territories with groups expanded (recursively),
 * minus the excluded ones (also expanded). Sorted and unique. Done when a licence is saved,
 * so later edits of a group do not change signed licences.
 */
export const expandTerritories = (
  included: readonly string[],
  excluded: readonly string[],
  regions: readonly Region[],
): string[] => {
  const byCode = new Map(regions.map((region) => [region.code, region]))
  const unknown = new Set<string>()
  const countries = new Set<string>()
  const excludedCountries = new Set<string>()
  expandInto(included, byCode, countries, unknown, [])
  expandInto(excluded, byCode, excludedCountries, unknown, [])
  if (unknown.size > 0) {
    throw new AvailabilityInputError(
      'territories',
      `unknown territory codes: ${[...unknown].sort().join(', ')}`,
    )
  }
  const result = [...countries].filter((code) => !excludedCountries.has(code)).sort()
  if (result.length === 0) {
    throw new AvailabilityInputError('territories', 'the licence covers no territory')
  }
  return result
}

export interface MembershipDrift {
  /** In the group now, not in the saved licence. */
  added: string[]
  /** In the saved licence, no longer in the group. */
  removed: string[]
}

/** How a saved licence's countries differ from what its groups expand to today. */
export const membershipDrift = (
  savedCountries: readonly string[],
  currentExpansion: readonly string[],
): MembershipDrift => {
  const saved = new Set(savedCountries)
  const current = new Set(currentExpansion)
  return {
    added: [...current].filter((code) => !saved.has(code)).sort(),
    removed: [...saved].filter((code) => !current.has(code)).sort(),
  }
}
