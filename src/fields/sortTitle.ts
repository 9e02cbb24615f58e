import type { FieldHook, TextField } from 'payload'

import { sortTitlesFor } from '../text/sortTitle'

type Localised = Record<string, string | null | undefined>

const isLocalised = (value: unknown): value is Localised =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The sort title of the locale being saved (or of every locale, for a save with
 * `locale: 'all'`): derived from the title when empty, following the title when it was derived,
 * kept (folded) when an editor set it. Other locales are filled after the save
 * (src/catalog/sortTitles.ts), where every stored locale is known.
 */
const resolveSortTitle =
  (sourceField: string): FieldHook =>
  ({ value, siblingData, siblingDocWithLocales, req }) => {
    const localization = req.payload.config.localization
    if (!localization) return value
    const { defaultLocale, localeCodes } = localization
    const stored = (siblingDocWithLocales ?? {}) as Record<string, unknown>
    const previousTitles = isLocalised(stored[sourceField]) ? stored[sourceField] : {}
    const incoming: unknown = siblingData[sourceField]
    const everyLocale = req.locale === 'all' || isLocalised(value) || isLocalised(incoming)
    if (everyLocale) {
      const titles = isLocalised(incoming) ? incoming : previousTitles
      return sortTitlesFor({
        locales: localeCodes,
        defaultLocale,
        titles,
        previousTitles,
        given: isLocalised(value) ? value : {},
      })
    }
    const locale = req.locale ?? defaultLocale
    const titles: Localised = {
      ...previousTitles,
      ...(typeof incoming === 'string' ? { [locale]: incoming } : {}),
    }
    return sortTitlesFor({
      locales: [locale],
      defaultLocale,
      titles,
      previousTitles,
      given: { [locale]: typeof value === 'string' ? value : null },
    })[locale]
  }

/** EMA/MEC TitleSort: what `sort=sortTitle` orders by, per locale. */
export const sortTitleField = (sourceField = 'title'): TextField => ({
  name: 'sortTitle',
  type: 'text',
  localized: true,
  index: true,
  admin: {
    position: 'sidebar',
    description:
      'Sorting key: lowercase, no accents, Chinese as pinyin, numbers padded. Left empty, it is ' +
      `derived from the ${sourceField} without its leading article.`,
  },
  hooks: { beforeChange: [resolveSortTitle(sourceField)] },
})
