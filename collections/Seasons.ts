import type { CollectionConfig } from 'payload'

import { catalogAccess, catalogHooks, catalogVersions } from './shared/catalogTitle'
import { availabilityFields } from '../src/fields/availabilityJoin'
import { artworkField, cnApprovalNumberField } from '../src/fields/catalogMetadata'
import { externalIdsField } from '../src/fields/externalIds'
import { hideUnavailableRelations } from '../hooks/catalog/hideUnavailableRelations'
import { ensureUniqueWithin } from '../hooks/shared/ensureUniqueWithin'

export const Seasons: CollectionConfig<'seasons'> = {
  slug: 'seasons',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'series', 'seasonNumber', '_status'],
    group: 'Catalog',
  },
  access: catalogAccess('seasons'),
  versions: catalogVersions,
  indexes: [{ fields: ['series', 'seasonNumber'], unique: true }],
  hooks: {
    ...catalogHooks('seasons'),
    beforeChange: [
      ensureUniqueWithin({
        collection: 'seasons',
        field: 'seasonNumber',
        within: 'series',
        label: 'Season',
      }),
    ],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'series',
          type: 'relationship',
          relationTo: 'series',
          required: true,
          index: true,
          hooks: { afterRead: [hideUnavailableRelations('series')] },
        },
        { name: 'seasonNumber', type: 'number', required: true, min: 0 },
      ],
    },
    { name: 'title', type: 'text', localized: true },
    { name: 'synopsis', type: 'richText', localized: true },
    artworkField('poster'),
    externalIdsField(),
    cnApprovalNumberField(),
    {
      name: 'episodes',
      type: 'join',
      collection: 'episodes',
      on: 'season',
      defaultSort: 'episodeNumber',
      defaultLimit: 100,
      // Payload populates joins one level deep by default; a series read with `depth=2`
      // populates the episodes of its seasons too.
      maxDepth: 2,
    },
    ...availabilityFields('season'),
  ],
}
