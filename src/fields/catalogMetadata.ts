import type { Field } from 'payload'

import { isIso6391 } from '../validation/codes'
import { creditsField } from './credits'
import { externalIdsField } from './externalIds'
import { ratingsField } from './ratings'
import { slugField } from './slug'
import { sortTitleField } from './sortTitle'

const titleField = (): Field => ({
  name: 'title',
  type: 'text',
  localized: true,
  required: true,
})

const originalLanguageField = (): Field => ({
  name: 'originalLanguage',
  type: 'text',
  admin: { description: 'ISO 639-1 code, e.g. en, de, zh' },
  validate: (value: string | null | undefined) =>
    !value || isIso6391(value) ? true : 'Enter a two-letter ISO 639-1 language code, e.g. en.',
})

export const cnApprovalNumberField = (): Field => ({
  name: 'cnApprovalNumber',
  label: 'CN approval number',
  type: 'text',
  admin: {
    position: 'sidebar',
    description: 'NRTA distribution approval number; required before the title can show in CN.',
  },
})

/**
 * Key art differs per market (a German poster carries the German title): each locale may have
 * its own, and a locale without one falls back to the English artwork like the rest of the text.
 */
export const artworkField = (name: 'poster' | 'backdrop'): Field => ({
  name,
  type: 'upload',
  relationTo: 'images',
  localized: true,
})

/** The metadata films and series share. */
export const catalogMetadataFields = (): Field[] => [
  titleField(),
  slugField('title'),
  sortTitleField('title'),
  { name: 'tagline', type: 'text', localized: true },
  { name: 'synopsis', type: 'richText', localized: true },
  {
    type: 'row',
    fields: [
      { name: 'releaseYear', type: 'number', min: 1888, max: 2100 },
      originalLanguageField(),
    ],
  },
  { name: 'genres', type: 'relationship', relationTo: 'genres', hasMany: true },
  creditsField(),
  {
    type: 'row',
    fields: [artworkField('poster'), artworkField('backdrop')],
  },
  ratingsField(),
  externalIdsField(),
  cnApprovalNumberField(),
]
