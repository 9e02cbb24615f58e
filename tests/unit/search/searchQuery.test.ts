import { describe, expect, it } from 'vitest'

import { parseSearchInput, type SearchInput } from '../../../src/search/searchQuery'

const settings = { localeCodes: ['en', 'de', 'zh-Hans'], defaultLocale: 'en', maxLimit: 100 }

describe('search input, as REST and GraphQL give it', () => {
  it('defaults the locale, page and limit', () => {
    expect(parseSearchInput({ q: '  hafen ' }, settings)).toEqual({
      q: 'hafen',
      locale: 'en',
      page: 1,
      limit: 10,
    })
  })

  it('reads text (REST) and numbers (GraphQL) alike', () => {
    const asText = parseSearchInput({ q: 'hafen', locale: 'de', page: '2', limit: '5' }, settings)
    const asNumbers = parseSearchInput({ q: 'hafen', locale: 'de', page: 2, limit: 5 }, settings)
    expect(asText).toEqual({ q: 'hafen', locale: 'de', page: 2, limit: 5 })
    expect(asNumbers).toEqual(asText)
  })

  it('one Chinese character is enough, one Latin letter is not', () => {
    expect(parseSearchInput({ q: '城' }, settings)).toMatchObject({ q: '城' })
    expect(parseSearchInput({ q: 'a' }, settings)).toMatchObject({ field: 'q' })
  })

  const refused: [SearchInput, string][] = [
    [{}, 'q'],
    [{ q: null }, 'q'],
    [{ q: '   ' }, 'q'],
    [{ q: '!!!' }, 'q'],
    [{ q: 'x'.repeat(101) }, 'q'],
    [{ q: 'hafen', locale: 'xx' }, 'locale'],
    [{ q: 'hafen', locale: '' }, 'locale'],
    [{ q: 'hafen', limit: 0 }, 'limit'],
    [{ q: 'hafen', limit: 101 }, 'limit'],
    [{ q: 'hafen', limit: '2.5' }, 'limit'],
    [{ q: 'hafen', limit: 2.5 }, 'limit'],
    [{ q: 'hafen', limit: '' }, 'limit'],
    [{ q: 'hafen', page: -1 }, 'page'],
    [{ q: 'hafen', page: '10001' }, 'page'],
    [{ q: 'hafen', page: Number.MAX_SAFE_INTEGER + 2 }, 'page'],
  ]
  it.each(refused)('%o is refused naming %s', (input, field) => {
    expect(parseSearchInput(input, settings)).toEqual({ field, reason: expect.any(String) })
  })
})
