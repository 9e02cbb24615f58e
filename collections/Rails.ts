import type { CollectionConfig } from 'payload'

import { fillRailItems } from '../hooks/rails/fillRailItems'
import { limitRailsCache } from '../hooks/rails/limitRailsCache'
import { requireRailViewer } from '../hooks/rails/requireRailViewer'
import { allowRoles } from '../src/access/checkRole'
import { isStaffField } from '../src/access/isStaff'
import { railsForViewer } from '../src/access/railsForViewer'
import { railItemsSchema } from '../src/contract/listContract'
import { railKindEndpoint } from '../src/endpoints/railKindEndpoint'
import { railKinds } from '../src/rails/railKinds'

const editors = allowRoles('admin', 'editor')

/**
 * Rails of the home page. Curated rails list the titles editors picked, in their order;
 * automatic ones (new, leaving soon, coming soon, a genre) are filled from the availability
 * rows. The public reads them only through the viewer's filter: `items` holds the titles it
 * may see; `titles` and `territories` are for staff.
 */
export const Rails: CollectionConfig<'rails'> = {
  slug: 'rails',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'order', 'from', 'until'],
    group: 'Catalog',
  },
  defaultSort: 'order',
  access: { read: railsForViewer, create: editors, update: editors, delete: editors },
  hooks: { beforeOperation: [requireRailViewer], afterOperation: [limitRailsCache] },
  endpoints: [railKindEndpoint],
  fields: [
    { name: 'title', type: 'text', localized: true, required: true },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'curated',
          options: [...railKinds],
        },
        {
          name: 'order',
          type: 'number',
          defaultValue: 0,
          admin: { description: 'Position on the home page (smallest first).' },
        },
        { name: 'limit', type: 'number', min: 1, max: 50, defaultValue: 20 },
      ],
    },
    {
      name: 'titles',
      type: 'relationship',
      relationTo: ['films', 'series'],
      hasMany: true,
      access: { read: isStaffField },
      admin: {
        condition: (data) => data?.kind === 'curated',
        description: 'In the order viewers see them; titles a viewer may not see are left out.',
      },
    },
    {
      name: 'genre',
      type: 'relationship',
      relationTo: 'genres',
      admin: { condition: (data) => data?.kind === 'genre' },
      validate: (value: unknown, { siblingData }: { siblingData: { kind?: string } }) =>
        siblingData?.kind !== 'genre' || value ? true : 'A genre rail needs a genre.',
    },
    {
      name: 'days',
      type: 'number',
      min: 1,
      max: 365,
      admin: {
        condition: (data) => data?.kind === 'new' || data?.kind === 'leaving-soon',
        description:
          'new: available for less than N days (30). leaving-soon: ending within N (14).',
      },
    },
    {
      name: 'territories',
      type: 'relationship',
      relationTo: 'regions',
      hasMany: true,
      access: { read: isStaffField },
      admin: { description: 'Empty: every territory. Groups count for all their countries.' },
    },
    {
      type: 'row',
      fields: [
        { name: 'from', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'until',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: (value: unknown, { siblingData }: { siblingData: { from?: string | null } }) =>
            !value || !siblingData?.from || Date.parse(String(value)) > Date.parse(siblingData.from)
              ? true
              : 'until must be after from.',
        },
      ],
    },
    {
      name: 'items',
      type: 'json',
      virtual: true,
      admin: { hidden: true },
      hooks: { afterRead: [fillRailItems] },
      // Typed as the list contract's RailItem (src/contract/listContract.ts), in GraphQL too.
      typescriptSchema: [railItemsSchema],
    },
  ],
}
