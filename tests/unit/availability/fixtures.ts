import {
  buildAvailabilityIndex,
  createTitleTree,
  type ContentRef,
  type Licence,
  type LicenceWindow,
  type Region,
} from '../../../src/availability'

export const film = (id: string): ContentRef => ({ collection: 'films', id })
export const series = (id: string): ContentRef => ({ collection: 'series', id })
export const season = (id: string): ContentRef => ({ collection: 'seasons', id })
export const episode = (id: string): ContentRef => ({ collection: 'episodes', id })

/** Series "dark" with two seasons; season 1 has two episodes, season 2 one. Film "heat". */
export const dark = series('dark')
export const darkS1 = season('dark-s1')
export const darkS2 = season('dark-s2')
export const darkE1 = episode('dark-s1e1')
export const darkE2 = episode('dark-s1e2')
export const darkE3 = episode('dark-s2e1')
export const heat = film('heat')

export const catalogLinks = [
  { child: darkS1, parent: dark },
  { child: darkS2, parent: dark },
  { child: darkE1, parent: darkS1 },
  { child: darkE2, parent: darkS1 },
  { child: darkE3, parent: darkS2 },
]

export const catalogTree = createTitleTree(catalogLinks)

export const regions: Region[] = [
  { code: 'DE', kind: 'country', timeZone: 'Europe/Berlin' },
  { code: 'AT', kind: 'country', timeZone: 'Europe/Vienna' },
  { code: 'CH', kind: 'country', timeZone: 'Europe/Zurich' },
  { code: 'FR', kind: 'country', timeZone: 'Europe/Paris' },
  { code: 'US', kind: 'country', timeZone: 'America/New_York' },
  { code: 'PR', kind: 'country', timeZone: 'America/Puerto_Rico' },
  { code: 'CN', kind: 'country', timeZone: 'Asia/Shanghai', requiresApprovalNumber: true },
  { code: 'HK', kind: 'country', timeZone: 'Asia/Hong_Kong' },
  { code: 'MO', kind: 'country', timeZone: 'Asia/Macau' },
  { code: 'TW', kind: 'country', timeZone: 'Asia/Taipei' },
  { code: 'DACH', kind: 'group', members: ['DE', 'AT', 'CH'] },
  { code: 'GREATER-CHINA', kind: 'group', members: ['CN', 'HK', 'MO', 'TW'] },
  { code: 'EUROPE', kind: 'group', members: ['DACH', 'FR'] },
]

export const window = (
  territory: string,
  start: string,
  end: string | null = null,
): LicenceWindow => ({ territory, start, end })

export const grant = (id: string, overrides: Partial<Licence> = {}): Licence => ({
  id,
  content: [heat],
  licenceType: 'svod',
  formats: [],
  kind: 'grant',
  exclusive: false,
  windows: [window('DE', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z')],
  ...overrides,
})

export const holdback = (id: string, overrides: Partial<Licence> = {}): Licence =>
  grant(id, { kind: 'holdback', holdbackStrength: 'hard', ...overrides })

export const indexOf = (licences: Licence[], tree = catalogTree) =>
  buildAvailabilityIndex(licences, tree, regions)

export const secondsAfter = (instant: string, seconds: number): string =>
  new Date(Date.parse(instant) + seconds * 1000).toISOString().replace('.000Z', 'Z')
