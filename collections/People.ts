import type { CollectionConfig } from 'payload'

import { anyone } from '../src/access/anyone'
import { allowRoles } from '../src/access/checkRole'

export const People: CollectionConfig<'people'> = {
  slug: 'people',
  admin: { useAsTitle: 'name', group: 'Catalog' },
  access: {
    read: anyone,
    create: allowRoles('admin', 'editor'),
    update: allowRoles('admin', 'editor'),
    delete: allowRoles('admin', 'editor'),
  },
  fields: [
    { name: 'name', type: 'text', required: true, index: true },
    { name: 'bio', type: 'richText', localized: true },
    { name: 'photo', type: 'upload', relationTo: 'images' },
  ],
}
