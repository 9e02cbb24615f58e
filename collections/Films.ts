import type { CollectionConfig } from 'payload'

import { catalogAccess, catalogVersions } from '../src/catalog/editorial'
import { catalogMetadataFields } from '../src/fields/catalogMetadata'

export const Films: CollectionConfig<'films'> = {
  slug: 'films',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'releaseYear', '_status', 'updatedAt'],
    group: 'Catalog',
  },
  access: catalogAccess,
  versions: catalogVersions,
  fields: [
    ...catalogMetadataFields(),
    { name: 'runtimeMinutes', type: 'number', min: 1, max: 1000 },
    {
      type: 'row',
      fields: [
        { name: 'video', type: 'relationship', relationTo: 'videos' },
        { name: 'trailer', type: 'relationship', relationTo: 'videos' },
      ],
    },
  ],
}
