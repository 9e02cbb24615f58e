import type { CollectionConfig } from 'payload'

import { isStaff } from '../src/access/isStaff'
import { nobody } from '../src/access/nobody'

/**
 * One document per run of the rights audit (the scheduled job, `npm run rights:audit`, the
 * seed): what it checked and repaired, and where the next scheduled run goes on. Written only
 * by the system.
 */
export const RightsAudits: CollectionConfig<'rights-audits'> = {
  slug: 'rights-audits',
  admin: {
    group: 'Rights',
    useAsTitle: 'startedAt',
    defaultColumns: ['startedAt', 'trigger', 'checked', 'differing', 'repaired'],
    description: 'Runs of the rights audit: stored availability rows against the licences.',
  },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-startedAt',
  fields: [
    { name: 'startedAt', type: 'date', required: true, index: true },
    { name: 'finishedAt', type: 'date' },
    {
      name: 'trigger',
      type: 'select',
      required: true,
      options: ['job', 'command', 'seed'],
    },
    { name: 'repair', type: 'checkbox', defaultValue: false },
    { name: 'checked', type: 'number', admin: { description: 'Titles checked.' } },
    { name: 'differing', type: 'number', admin: { description: 'Titles whose rows differed.' } },
    {
      name: 'repaired',
      type: 'number',
      admin: { description: 'Titles whose rows were rewritten.' },
    },
    { name: 'rowsMissing', type: 'number' },
    { name: 'rowsExtra', type: 'number' },
    { name: 'rowsDifferent', type: 'number' },
    { name: 'examples', type: 'json', admin: { description: 'The first differing titles.' } },
    {
      name: 'next',
      type: 'json',
      admin: { description: 'Where the next scheduled run goes on (null: from the start).' },
    },
    {
      name: 'searchIndex',
      type: 'json',
      admin: {
        description:
          'Runs that reached the end of the catalog: search entries checked against the titles ' +
          '(checked, differing, orphans, repaired, examples).',
      },
    },
    { name: 'error', type: 'textarea' },
  ],
}
