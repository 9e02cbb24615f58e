import countries from 'i18n-iso-countries'
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' }
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' }
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' }

import type { Localized } from './localized'

// The Node entry registers every language itself; bundlers take the browser entry, which does not.
for (const locale of [en, de, zh]) countries.registerLocale(locale)

/** Every ISO 3166-1 alpha-2 code the package knows (user-assigned XK included). */
export const isoCountryCodes = (): string[] => Object.keys(countries.getAlpha2Codes()).sort()

export const countryNamesFor = (code: string): Localized => {
  const english = countries.getName(code, 'en') ?? code
  return {
    en: english,
    de: countries.getName(code, 'de') ?? english,
    'zh-Hans': countries.getName(code, 'zh') ?? english,
  }
}
