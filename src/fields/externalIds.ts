import type { GroupField } from 'payload'

import { eidrPattern, imdbPattern } from '../validation/codes'

const matches =
  (pattern: RegExp, example: string) =>
  (value: string | null | undefined): true | string =>
    !value || pattern.test(value) ? true : `Expected an identifier like ${example}.`

export const externalIdsField = (): GroupField => ({
  name: 'externalIds',
  type: 'group',
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'eidr',
          label: 'EIDR',
          type: 'text',
          validate: matches(eidrPattern, '10.5240/7791-8534-2C23-9030-8610-5'),
        },
        {
          name: 'imdb',
          label: 'IMDb',
          type: 'text',
          validate: matches(imdbPattern, 'tt0111161'),
        },
      ],
    },
    {
      name: 'availsIds',
      label: 'Avails identifiers',
      type: 'text',
      hasMany: true,
      admin: {
        description:
          'ALIDs and ContentIDs studios use for this title in EMA Avails (e.g. md:cid:org:studio.com:1234). The avails import matches rows by these.',
      },
    },
  ],
})
