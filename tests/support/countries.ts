/** The time zone of each country the integration and browser tests create. */
export const countryTimeZones = {
  AT: 'Europe/Vienna',
  CA: 'America/Toronto',
  CN: 'Asia/Shanghai',
  DE: 'Europe/Berlin',
  ES: 'Europe/Madrid',
  FR: 'Europe/Paris',
  US: 'America/New_York',
} as const

export type Country = keyof typeof countryTimeZones
