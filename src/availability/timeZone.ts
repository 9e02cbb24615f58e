import { IANAZone } from 'luxon'

import { AvailabilityInputError } from './errors'

const fixedOffsetName = /^(?:Etc\/)?(?:UTC|GMT|UT)?[+-]\d|^Etc\/GMT[+-]/i
const zones = new Map<string, IANAZone>()

/**
 * A named IANA zone, canonically spelled. Fixed offsets ('+02:00', 'Etc/GMT-2') are refused:
 * they ignore daylight saving, which is exactly what a reference zone must follow.
 */
export const ianaZone = (name: string, field = 'timeZone'): IANAZone => {
  const cached = zones.get(name)
  if (cached) return cached
  if (!name || fixedOffsetName.test(name) || !IANAZone.isValidZone(name)) {
    throw new AvailabilityInputError(field, `unknown IANA time zone "${name}"`)
  }
  const canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone
  const zone = IANAZone.create(canonical)
  zones.set(name, zone)
  return zone
}

export const offsetMs = (zone: IANAZone, instantMs: number): number =>
  zone.offset(instantMs) * 60_000
