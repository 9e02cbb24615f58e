import { hasHan } from '../text/fold'
import { queryNeedlesOf } from './ranking'

/** Longest query, in characters. */
const searchQueryMaxLength = 100

/** Deepest page a search answers. */
const searchMaxPage = 10_000

export type SearchQuery = { q: string; locale: string; page: number; limit: number }

/** A search as asked for: REST gives text, GraphQL numbers; absent is null or undefined. */
export type SearchInput = {
  q?: string | null
  locale?: string | null
  page?: string | number | null
  limit?: string | number | null
}

export type SearchInputProblem = { field: 'q' | 'locale' | 'page' | 'limit'; reason: string }

export type SearchSettings = {
  localeCodes: readonly string[]
  defaultLocale: string
  maxLimit: number
}

const wholeNumber = (
  field: 'page' | 'limit',
  given: string | number | null | undefined,
  fallback: number,
  max: number,
): number | SearchInputProblem => {
  if (given === null || given === undefined) return fallback
  const text = String(given).trim()
  const value = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1 || value > max) {
    return { field, reason: `must be a whole number from 1 to ${max}` }
  }
  return value
}

export const isSearchInputProblem = (
  value: SearchQuery | SearchInputProblem | number,
): value is SearchInputProblem => typeof value === 'object' && 'reason' in value

/**
 * What REST (`GET /api/search`) and GraphQL (`Search`) accept, checked the same way: the words
 * (something a title can match), a configured locale, a page and a page size within bounds.
 */
export const parseSearchInput = (
  input: SearchInput,
  { localeCodes, defaultLocale, maxLimit }: SearchSettings,
): SearchQuery | SearchInputProblem => {
  const q = input.q?.trim() ?? ''
  if (q === '') return { field: 'q', reason: 'missing: give the words to search for' }
  if ([...q].length > searchQueryMaxLength) {
    return { field: 'q', reason: `must be at most ${searchQueryMaxLength} characters` }
  }
  const needles = queryNeedlesOf(q)
  if (needles.length === 0) return { field: 'q', reason: 'has no letters or digits' }
  // One Latin letter matches nearly every title; one Chinese character is a word.
  if (!hasHan(q) && Math.max(...needles.map((needle) => needle.length)) < 2) {
    return { field: 'q', reason: 'needs at least 2 letters or digits (or 1 Chinese character)' }
  }
  const locale = input.locale ?? defaultLocale
  if (!localeCodes.includes(locale)) {
    return {
      field: 'locale',
      reason: `unknown locale "${locale}"; use one of ${localeCodes.join(', ')}`,
    }
  }
  const limit = wholeNumber('limit', input.limit, 10, maxLimit)
  if (isSearchInputProblem(limit)) return limit
  const page = wholeNumber('page', input.page, 1, searchMaxPage)
  if (isSearchInputProblem(page)) return page
  return { q, locale, page, limit }
}
