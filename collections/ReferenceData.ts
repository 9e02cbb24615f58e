import type { CollectionConfig } from 'payload'

import { allowRoles } from '../src/access/checkRole'
import { nobody } from '../src/access/nobody'

/**
 * One document each time the server applied the reference regions (every ISO 3166-1 country
 * with its reference time zone, and the default groups) and something changed: what the
 * dataset listed, what was created, and which codes the dataset added or retired since the
 * previous application. The latest document is what the next start compares with.
 */
export const ReferenceData: CollectionConfig<'reference-data'> = {
  slug: 'reference-data',
  admin: {
    group: 'Rights',
    useAsTitle: 'appliedAt',
    defaultColumns: ['appliedAt', 'dataset', 'created'],
    description: 'Reference regions ensured at start (SEED_REFERENCE=false turns it off).',
  },
  access: {
    read: allowRoles('admin', 'licensing'),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  defaultSort: '-appliedAt',
  fields: [
    { name: 'appliedAt', type: 'date', required: true, index: true },
    { name: 'dataset', type: 'text', required: true },
    {
      name: 'codes',
      type: 'json',
      required: true,
      admin: { description: 'Codes the dataset listed.' },
    },
    { name: 'created', type: 'json', admin: { description: 'Codes created on this run.' } },
    {
      name: 'added',
      type: 'json',
      admin: { description: 'Codes new in the dataset since the previous run.' },
    },
    {
      name: 'retired',
      type: 'json',
      admin: { description: 'Codes the dataset no longer lists (rows kept).' },
    },
    {
      name: 'deletedByStaff',
      type: 'json',
      admin: { description: 'Codes deleted by staff: not created again.' },
    },
  ],
}
