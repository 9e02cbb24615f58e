import type { CollectionConfig } from 'payload'

import { catalogAccess, catalogVersions, searchableCatalogHooks } from './shared/catalogTitle'
import { availabilityFields } from '../src/fields/availabilityJoin'
import { hideUnavailableRelations } from '../hooks/catalog/hideUnavailableRelations'
import { catalogMetadataFields } from '../src/fields/catalogMetadata'

export const Films: CollectionConfig<'films'> = {
  slug: 'films',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'releaseYear', '_status', 'updatedAt'],
    group: 'Catalog',
  },
  access: catalogAccess('films'),
  versions: catalogVersions,
  hooks: searchableCatalogHooks('films'),
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
    {
      name: 'relatedFilms',
      type: 'relationship',
      relationTo: 'films',
      hasMany: true,
      hooks: { afterRead: [hideUnavailableRelations('films')] },
    },
    ...availabilityFields('film'),
  ],
}
