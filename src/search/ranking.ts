import { foldSpelledUmlauts, foldText, hasHan, pinyinOf } from '../text/fold'
import { withoutLeadingArticle } from '../text/sortTitle'

/** Better matches have lower tiers. */
export const matchTiers = ['exact', 'prefix', 'wordPrefix', 'contains'] as const
export type MatchTier = (typeof matchTiers)[number]

/** The spellings a title can be found by, each as words separated by single spaces. */
const searchFormsOf = (title: string, language: string): string[] => {
  const folded = foldText(title)
  const forms = [folded, withoutLeadingArticle(folded, language)]
  const spelled = foldSpelledUmlauts(title)
  if (spelled) forms.push(spelled, withoutLeadingArticle(spelled, language))
  if (hasHan(title)) forms.push(pinyinOf(title))
  return [...new Set(forms.filter(Boolean))]
}

const compact = (form: string) => form.replace(/ /g, '')

/**
 * What the search index stores for a title: every form, spaced and without spaces, joined by
 * `|`. The database finds candidates with one `contains` on it; `rankTitle` decides.
 */
export const searchTermsOf = (title: string, language: string): string =>
  [...new Set(searchFormsOf(title, language).flatMap((form) => [form, compact(form)]))].join('|')

/**
 * The forms a query is matched in: folded, and with tone numbers dropped when it looks like
 * numbered pinyin ("chang2cheng2"). Empty when nothing searchable is left.
 */
export const queryFormsOf = (query: string): string[] => {
  const folded = foldText(query)
  if (folded === '') return []
  const toneless = folded.replace(/([a-z])[1-5](?=[a-z ]|$)/g, '$1')
  return [...new Set([folded, toneless])]
}

/** The strings the database looks for in the stored terms (one `contains` each). */
export const queryNeedlesOf = (query: string): string[] => [
  ...new Set(queryFormsOf(query).map(compact)),
]

/** Offsets at which the words of a form start, in the form without spaces. */
const compactWordStarts = (form: string): Set<number> => {
  const starts = new Set<number>()
  let offset = 0
  for (const word of form.split(' ')) {
    starts.add(offset)
    offset += word.length
  }
  return starts
}

const tierIn = (form: string, query: string): number | null => {
  if (form === query) return 0
  if (form.startsWith(query)) return 1
  if (form.includes(` ${query}`)) return 2
  const joined = compact(form)
  const needle = compact(query)
  if (joined === needle) return 0
  const starts = compactWordStarts(form)
  let at = joined.indexOf(needle)
  let tier: number | null = null
  while (at !== -1) {
    const here = at === 0 ? 1 : starts.has(at) ? 2 : null
    if (here !== null) tier = Math.min(tier ?? here, here)
    at = joined.indexOf(needle, at + 1)
  }
  if (tier !== null) return tier
  return form.includes(query) ? 3 : null
}

/** The spaced forms among stored terms (a compact form of a spaced one is left out). */
const spacedFormsOf = (terms: string): string[] => {
  const forms = [...new Set(terms.split('|'))]
  const compacted = new Set(forms.filter((form) => form.includes(' ')).map(compact))
  return forms.filter((form) => form.includes(' ') || !compacted.has(form))
}

/**
 * How well stored terms (`searchTermsOf`) match a query's forms (`queryFormsOf`): `exact` (the
 * whole title, or without its article), `prefix` (the title starts with it), `wordPrefix` (a
 * word starts with it; without spaces, "xian" finds "xi an" and "spiderman" finds "spider man"
 * only from a word's start) or `contains` (inside a word); null when it does not match.
 * Works on the stored terms, so nothing (pinyin) is computed again per candidate.
 */
export const rankTerms = (terms: string, queryForms: readonly string[]): MatchTier | null => {
  let best: number | null = null
  for (const form of spacedFormsOf(terms)) {
    for (const needle of queryForms) {
      const tier = tierIn(form, needle)
      if (tier !== null) best = Math.min(best ?? tier, tier)
    }
  }
  return best === null ? null : matchTiers[best]
}

/** `rankTerms` for a title in a language and a query as typed. */
export const rankTitle = (title: string, language: string, query: string): MatchTier | null =>
  rankTerms(searchTermsOf(title, language), queryFormsOf(query))

export type RankedCandidate = {
  collection: string
  id: string
  tier: MatchTier
  /** Whether the match was in the locale the viewer reads. */
  inViewerLocale: boolean
  sortTitle: string
}

/** Best tier first, then matches in the viewer's locale, then by sort title, then stable ids. */
export const compareRanked = (a: RankedCandidate, b: RankedCandidate): number =>
  matchTiers.indexOf(a.tier) - matchTiers.indexOf(b.tier) ||
  Number(b.inViewerLocale) - Number(a.inViewerLocale) ||
  (a.sortTitle < b.sortTitle ? -1 : a.sortTitle > b.sortTitle ? 1 : 0) ||
  a.collection.localeCompare(b.collection) ||
  Number(a.id) - Number(b.id) ||
  a.id.localeCompare(b.id)
