import type { FieldHook } from 'payload'

import { slugify } from '../../src/text/slugify'

/**
 * Fills an empty slug from the source field (the default-locale value when all locales are
 * sent at once), and normalises a slug typed by hand.
 */
export const formatSlugFrom =
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
