import timezones from 'countries-and-timezones'

import {
  lastResortTimeZone,
  referenceTimeZoneFallbacks,
  referenceTimeZoneOverrides,
} from './data/referenceTimeZones'

export type ReferenceTimeZone = {
  timeZone: string
  /** How it was chosen; `fallback` ones are worth a log line. */
  source: 'policy' | 'package' | 'fallback'
}

const knownToIntl = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const fromPackage = (code: string, deprecated = false): string | undefined => {
  const zones = (timezones.getTimezonesForCountry(code, { deprecated }) ?? []).filter(({ name }) =>
    knownToIntl(name),
  )
  // Africa/Lagos serves ten countries: prefer a zone this country leads, then any.
  return (zones.find(({ countries }) => countries[0] === code) ?? zones[0])?.name
}

export const referenceTimeZoneFor = (code: string): ReferenceTimeZone => {
  const policy = referenceTimeZoneOverrides[code]
  if (policy) return { timeZone: policy, source: 'policy' }
  const packaged = fromPackage(code)
  if (packaged) return { timeZone: packaged, source: 'package' }
  const fallback = referenceTimeZoneFallbacks[code] ?? fromPackage(code, true) ?? lastResortTimeZone
  return { timeZone: fallback, source: 'fallback' }
}
