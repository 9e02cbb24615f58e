import type { CollectionConfig } from 'payload'

import { isStaff } from '../src/access/isStaff'
import { nobody } from '../src/access/nobody'
import { allContentCollections } from '../src/availability'

/**
 * When each title is available (and, `state: announced`, announced as coming soon) in each
 * territory: the availability engine's answer,
 * materialised whenever a licence, a region gate or a title changes, so that the content API
 * can filter in the database query (right totals and pagination on every page). One row per
 * title, territory and stretch of time with the same offers; rows of one title and territory
 * never overlap. Written only by the system.
 */
export const AvailabilityWindows: CollectionConfig<'availability-windows'> = {
  slug: 'availability-windows',
  admin: {
    group: 'Rights',
    useAsTitle: 'contentKey',
    defaultColumns: ['contentKey', 'territory', 'start', 'end'],
    description: 'Computed from licences; read-only.',
  },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  indexes: [
    { fields: ['titleCollection', 'territory', 'start'] },
    { fields: ['territory', 'film', 'start', 'end'] },
    { fields: ['territory', 'series', 'start', 'end'] },
    { fields: ['territory', 'season', 'start', 'end'] },
    { fields: ['territory', 'episode', 'start', 'end'] },
    { fields: ['territory', 'state', 'availableFrom'] },
    { fields: ['territory', 'state', 'availableUntil'] },
  ],
  fields: [
    { name: 'contentKey', type: 'text', required: true, index: true },
    {
      name: 'titleCollection',
      type: 'select',
      required: true,
      options: [...allContentCollections],
    },
    { name: 'film', type: 'relationship', relationTo: 'films', index: true },
    { name: 'series', type: 'relationship', relationTo: 'series', index: true },
    { name: 'season', type: 'relationship', relationTo: 'seasons', index: true },
    { name: 'episode', type: 'relationship', relationTo: 'episodes', index: true },
    { name: 'territory', type: 'text', required: true, index: true },
    { name: 'start', type: 'date', required: true, index: true },
    {
      name: 'end',
      type: 'date',
      required: true,
      index: true,
      admin: { description: 'Open-ended windows end at 9999-12-31.' },
    },
    { name: 'offers', type: 'json', admin: { description: 'Licence types and formats.' } },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'available',
      options: ['available', 'announced'],
      index: true,
      admin: {
        description:
          'available: the content API shows the title. announced: only the coming-soon rail lists it.',
      },
    },
    {
      name: 'availableFrom',
      type: 'date',
      admin: {
        description: 'available: since when without a break; announced: when it becomes available.',
      },
    },
    {
      name: 'availableUntil',
      type: 'date',
      admin: { description: 'available: until when without a break (9999-12-31 when open).' },
    },
  ],
}
