import { AvailabilityInputError } from './errors'
import { resolveWindow, type ResolvedWindow, type WindowInput } from './time'
import type { LicenceWindow, Region } from './types'

export type TerritoryWindow = LicenceWindow & Pick<ResolvedWindow, 'basis'>

/**
 * One resolved window per country, each in that country's reference zone: a date-only
 * window means different instants in Berlin and in New York.
 */
export const resolveTerritoryWindows = (
  input: WindowInput,
  countries: readonly string[],
  regions: readonly Region[],
): TerritoryWindow[] => {
  const byCode = new Map(regions.map((region) => [region.code, region]))
  return countries.map((territory) => {
    const timeZone = byCode.get(territory)?.timeZone
    if (!timeZone) {
      throw new AvailabilityInputError('territories', `${territory} has no reference time zone`)
    }
    const { start, end, basis } = resolveWindow(input, timeZone)
    return { territory, start, end, basis }
  })
}
