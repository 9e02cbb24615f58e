import type { CollectionConfig } from 'payload'

import { catalogAccess, catalogHooks, catalogVersions } from './shared/catalogTitle'
import { availabilityFields } from '../src/fields/availabilityJoin'
import { cnApprovalNumberField } from '../src/fields/catalogMetadata'
import { externalIdsField } from '../src/fields/externalIds'
import { ratingsField } from '../src/fields/ratings'
import { hideUnavailableRelations } from '../hooks/catalog/hideUnavailableRelations'
import { ensureUniqueWithin } from '../hooks/shared/ensureUniqueWithin'

export const Episodes: CollectionConfig<'episodes'> = {
  slug: 'episodes',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'season', 'episodeNumber', '_status'],
    group: 'Catalog',
  },
  access: catalogAccess('episodes'),
  versions: catalogVersions,
  indexes: [{ fields: ['season', 'episodeNumber'], unique: true }],
  hooks: {
    ...catalogHooks('episodes'),
    beforeChange: [
      ensureUniqueWithin({
        collection: 'episodes',
        field: 'episodeNumber',
        within: 'season',
        label: 'Episode',
      }),
    ],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'season',
          type: 'relationship',
          relationTo: 'seasons',
          required: true,
          index: true,
          hooks: { afterRead: [hideUnavailableRelations('seasons')] },
        },
        { name: 'episodeNumber', type: 'number', required: true, min: 0 },
      ],
    },
    { name: 'title', type: 'text', localized: true, required: true },
    { name: 'synopsis', type: 'richText', localized: true },
    { name: 'runtimeMinutes', type: 'number', min: 1, max: 1000 },
    { name: 'stills', type: 'upload', relationTo: 'images', hasMany: true },
    { name: 'video', type: 'relationship', relationTo: 'videos' },
    ratingsField(),
    externalIdsField(),
    cnApprovalNumberField(),
    ...availabilityFields('episode'),
  ],
}
