import type { CollectionConfig } from 'payload'

import { anyone } from '../src/access/anyone'
import { allowRoles } from '../src/access/checkRole'
import { slugField } from '../src/fields/slug'

export const Genres: CollectionConfig<'genres'> = {
  slug: 'genres',
  admin: { useAsTitle: 'name', group: 'Catalog' },
  access: {
    read: anyone,
    create: allowRoles('admin', 'editor'),
    update: allowRoles('admin', 'editor'),
    delete: allowRoles('admin', 'editor'),
  },
  fields: [{ name: 'name', type: 'text', localized: true, required: true }, slugField('name')],
}
