import type { TextField } from 'payload'

import { formatSlugFrom } from '../../hooks/shared/formatSlug'

/** A unique, URL-safe slug derived from `sourceField` when left empty. */
export const slugField = (sourceField = 'title'): TextField => ({
  name: 'slug',
  type: 'text',
  unique: true,
  index: true,
  admin: {
    position: 'sidebar',
    description: `Used in URLs. Left empty, it is derived from the ${sourceField}.`,
  },
  hooks: { beforeValidate: [formatSlugFrom(sourceField)] },
  // Not `required`: the hook fills it, so API clients may leave it out.
  validate: (value: string | null | undefined) =>
    value ? true : `Enter a slug: none could be derived from the ${sourceField}.`,
})
