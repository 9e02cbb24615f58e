import type { CollectionConfig } from 'payload'

import { catalogAccess, catalogVersions, searchableCatalogHooks } from './shared/catalogTitle'
import { availabilityFields } from '../src/fields/availabilityJoin'
import { catalogMetadataFields } from '../src/fields/catalogMetadata'

export const Series: CollectionConfig<'series'> = {
  slug: 'series',
  labels: { singular: 'Series', plural: 'Series' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'releaseYear', '_status', 'updatedAt'],
    group: 'Catalog',
  },
  access: catalogAccess('series'),
  versions: catalogVersions,
  hooks: searchableCatalogHooks('series'),
  fields: [
    ...catalogMetadataFields(),
    { name: 'trailer', type: 'relationship', relationTo: 'videos' },
    {
      name: 'seasons',
      type: 'join',
      collection: 'seasons',
      on: 'series',
      defaultSort: 'seasonNumber',
      defaultLimit: 50,
      // Payload populates joins one level deep by default: with `depth=2` the seasons come
      // with their episodes (Seasons.episodes allows the second level).
      maxDepth: 2,
    },
    ...availabilityFields('series'),
  ],
}
