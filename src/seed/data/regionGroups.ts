import type { Localized } from '../localized'

export type RegionGroupSeed = {
  code: string
  name: Localized
  /** ISO 3166-1 alpha-2 codes of the member countries. */
  members: readonly string[]
}

/** The member states of the European Union since 1 February 2020. Membership is policy. */
export const eu27Members = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
] as const

const dachMembers = ['DE', 'AT', 'CH'] as const

const launchMembers = ['CN', 'US', 'DE'] as const

export const regionGroups: readonly RegionGroupSeed[] = [
  {
    code: 'DACH',
    name: { en: 'DACH (Germany, Austria, Switzerland)', de: 'DACH', 'zh-Hans': '德奥瑞地区' },
    members: dachMembers,
  },
  {
    code: 'EU27',
    name: { en: 'European Union (27)', de: 'Europäische Union (27)', 'zh-Hans': '欧盟（27国）' },
    members: eu27Members,
  },
  {
    code: 'LAUNCH',
    name: {
      en: 'Launch territories',
      de: 'Startterritorien',
      'zh-Hans': '首发地区',
    },
    members: launchMembers,
  },
]
