import type { ArrayField } from 'payload'

import { isIso3166Alpha2 } from '../validation/codes'

const ratingSystems = [
  'FSK',
  'MPAA',
  'TVPG',
  'NRTA',
  'BBFC',
  'PEGI',
  'ACB',
  'CNC',
  'KMRB',
  'OTHER',
] as const

export const ratingsField = (): ArrayField => ({
  name: 'ratings',
  type: 'array',
  admin: { initCollapsed: true, description: 'Age ratings per territory.' },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'territory',
          type: 'text',
          required: true,
          admin: { description: 'ISO 3166-1 alpha-2, e.g. DE' },
          validate: (value: string | null | undefined) =>
            typeof value === 'string' && isIso3166Alpha2(value)
              ? true
              : 'Enter an ISO 3166-1 alpha-2 country code in capitals, e.g. DE or US.',
        },
        {
          name: 'system',
          type: 'select',
          required: true,
          options: ratingSystems.map((system) => ({ label: system, value: system })),
        },
        { name: 'value', type: 'text', required: true },
        { name: 'minAge', type: 'number', min: 0, max: 21 },
      ],
    },
  ],
})
