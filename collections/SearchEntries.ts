import type { CollectionConfig } from 'payload'

import { isStaff } from '../src/access/isStaff'
import { nobody } from '../src/access/nobody'

/**
 * What public search looks titles up in: one entry per published film or series and locale
 * with its own title, with every spelling it can be found by (`terms`). Kept in step by the
 * titles' hooks (src/search/searchIndex.ts) and rebuilt at start when empty; never read by the
 * public directly (`GET /api/search` filters each hit through the catalog's read access).
 */
export const SearchEntries: CollectionConfig<'search-entries'> = {
  slug: 'search-entries',
  admin: {
    group: 'Catalog',
    useAsTitle: 'title',
    defaultColumns: ['title', 'contentKey', 'locale'],
    description: 'Kept in step with published films and series; read-only.',
  },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  graphQL: false,
  fields: [
    { name: 'contentKey', type: 'text', required: true, index: true },
    { name: 'titleCollection', type: 'select', required: true, options: ['films', 'series'] },
    { name: 'locale', type: 'text', required: true },
    { name: 'title', type: 'text', required: true },
    { name: 'sortTitle', type: 'text' },
    {
      name: 'terms',
      type: 'text',
      required: true,
      admin: { description: 'Every folded spelling of the title (with pinyin), joined by |.' },
    },
  ],
}
