/**
 * The reference zone for a date-only licence window in a country spanning several zones: the
 * zone of the capital or the main market. Countries not listed take the first zone that
 * countries-and-timezones lists for them, preferring one that belongs to no other country.
 */
export const referenceTimeZoneOverrides: Readonly<Record<string, string>> = {
  // Launch territories: contractual, do not change without the licensing team.
  CN: 'Asia/Shanghai',
  DE: 'Europe/Berlin',
  US: 'America/New_York',
  // Several zones; the package's first is alphabetical, not the capital's.
  AU: 'Australia/Sydney',
  BR: 'America/Sao_Paulo',
  CA: 'America/Toronto',
  CD: 'Africa/Kinshasa',
  CL: 'America/Santiago',
  CY: 'Asia/Nicosia',
  ES: 'Europe/Madrid',
  FM: 'Pacific/Pohnpei',
  GL: 'America/Nuuk',
  KI: 'Pacific/Tarawa',
  MH: 'Pacific/Majuro',
  MN: 'Asia/Ulaanbaatar',
  MX: 'America/Mexico_City',
  MY: 'Asia/Kuala_Lumpur',
  PF: 'Pacific/Tahiti',
  PG: 'Pacific/Port_Moresby',
  PT: 'Europe/Lisbon',
  RU: 'Europe/Moscow',
  UZ: 'Asia/Tashkent',
}

/** Countries the time-zone package has no zone for. */
export const referenceTimeZoneFallbacks: Readonly<Record<string, string>> = {
  XK: 'Europe/Belgrade',
}

/** For uninhabited territories with neither a zone nor a fallback above. */
export const lastResortTimeZone = 'Etc/UTC'
