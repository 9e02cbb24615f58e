import { foldText, hasHan, pinyinOf } from './fold'

/** Leading articles dropped per language (only when a word follows). */
const articles: Record<string, readonly string[]> = {
  en: ['the', 'a', 'an'],
  de: ['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines'],
}

/** Numbers are padded so that they sort by value: "2 fast" before "10 things". */
const numberWidth = 6

const padNumbers = (text: string) =>
  text.replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(numberWidth, '0'))

/** Lowercase, diacritics and punctuation folded, Han characters as pinyin, numbers padded. */
export const sortKeyOf = (text: string): string =>
  padNumbers(hasHan(text) ? pinyinOf(text) : foldText(text))

/** The words of a folded title without its leading article (in `language`), if one leads. */
export const withoutLeadingArticle = (folded: string, language: string): string => {
  const [first, ...rest] = folded.split(' ')
  return rest.length > 0 && (articles[language] ?? []).includes(first) ? rest.join(' ') : folded
}

/**
 * The TitleSort derived from a title in a language: "Der gläserne Hafen" (de) ->
 * "glaserne hafen", "The 39 Steps" (en) -> "000039 steps", "长城往事" -> "chang cheng wang shi".
 */
export const deriveSortTitle = (title: string, language: string): string =>
  padNumbers(withoutLeadingArticle(hasHan(title) ? pinyinOf(title) : foldText(title), language))

type Localised = Partial<Record<string, string | null | undefined>>

export type SortTitleChange = {
  locales: readonly string[]
  defaultLocale: string
  /** Titles after the change, per locale (missing: the locale falls back to the default). */
  titles: Localised
  /** Titles before it (empty on create). */
  previousTitles: Localised
  /** The sort titles sent or stored, per locale. */
  given: Localised
}

const present = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim() !== ''

/**
 * The sort title of every locale after a change. A locale without its own title sorts by the
 * title it shows (the default locale's, in that language). An empty sort title is derived; one
 * that is what the previous title derived to follows the new title; any other was set by an
 * editor and is kept (folded the same way, so sorting stays consistent, its words untouched).
 */
export const sortTitlesFor = ({
  locales,
  defaultLocale,
  titles,
  previousTitles,
  given,
}: SortTitleChange): Record<string, string | null> => {
  const derived = (source: Localised, locale: string): string | null => {
    const own = source[locale]
    if (present(own)) return deriveSortTitle(own, locale)
    const fallback = source[defaultLocale]
    return present(fallback) ? deriveSortTitle(fallback, defaultLocale) : null
  }
  const result: Record<string, string | null> = {}
  for (const locale of locales) {
    const value = given[locale]
    const next = derived(titles, locale)
    if (!present(value)) {
      result[locale] = next
      continue
    }
    const kept = sortKeyOf(value)
    const wasDerived = kept === derived(previousTitles, locale)
    result[locale] = wasDerived && next !== null ? next : kept
  }
  return result
}
