import type { FieldHook, TextField } from 'payload'

import { slugify } from '../text/slugify'

/**
 * Fills an empty slug from the source field (the default-locale value when all locales are
 * sent at once), and normalises a slug typed by hand. The field carries its own hook.
 */
const formatSlugFrom =
  (sourceField: string): FieldHook =>
  ({ value, data, originalDoc }) => {
    if (typeof value === 'string' && value.trim() !== '') return slugify(value)
    if (typeof originalDoc?.slug === 'string' && originalDoc.slug !== '') return originalDoc.slug
    const source: unknown = data?.[sourceField]
    const text =
      typeof source === 'string'
        ? source
        : source && typeof source === 'object' && 'en' in source
          ? String((source as Record<string, unknown>).en ?? '')
          : ''
    const derived = slugify(text)
    return derived === '' ? value : derived
  }

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
