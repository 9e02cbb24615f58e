import { describe, expect, it } from 'vitest'

import {
  compareRanked,
  queryNeedlesOf,
  rankTitle,
  type RankedCandidate,
  searchTermsOf,
} from '../../../src/search/ranking'

describe('search terms and needles', () => {
  it('stores every spelling, spaced and without spaces', () => {
    expect(searchTermsOf('Der gläserne Hafen', 'de').split('|')).toEqual(
      expect.arrayContaining([
        'der glaserne hafen',
        'glaserne hafen',
        'der glaeserne hafen',
        'derglasernehafen',
      ]),
    )
    expect(searchTermsOf('西安往事', 'zh-Hans').split('|')).toEqual(
      expect.arrayContaining(['西安往事', 'xi an wang shi', 'xianwangshi']),
    )
  })

  it('every needle of a matching query is inside the stored terms', () => {
    const terms = searchTermsOf('Der gläserne Hafen', 'de')
    for (const query of ['glaserne', 'Gläserne Hafen', 'GLAESERNE', 'hafen']) {
      expect(
        queryNeedlesOf(query).some((needle) => terms.includes(needle)),
        query,
      ).toBe(true)
    }
    const chinese = searchTermsOf('西安往事', 'zh-Hans')
    for (const query of ['xian', 'Xī’ān', 'xi1 an1', '西安', 'wang shi']) {
      expect(
        queryNeedlesOf(query).some((needle) => chinese.includes(needle)),
        query,
      ).toBe(true)
    }
  })

  it('no needle for a query without letters or digits; no LIKE wildcards pass', () => {
    expect(queryNeedlesOf('!!! ')).toEqual([])
    expect(queryNeedlesOf('50%_off')).toEqual(['50off'])
  })
})

describe('rankTitle', () => {
  it('exact > prefix > word prefix > contains, null when it does not match', () => {
    expect(rankTitle('Harbour', 'en', 'harbour')).toBe('exact')
    expect(rankTitle('The Harbour', 'en', 'Harbour')).toBe('exact')
    expect(rankTitle('Harbourside', 'en', 'harbour')).toBe('prefix')
    expect(rankTitle('The Glass Harbour', 'en', 'glass')).toBe('prefix')
    expect(rankTitle('The Glass Harbour', 'en', 'harbour')).toBe('wordPrefix')
    expect(rankTitle('Starharbour', 'en', 'harbour')).toBe('contains')
    expect(rankTitle('The Glass Harbour', 'en', 'orchard')).toBeNull()
  })

  it('folds diacritics and accepts spelled-out umlauts', () => {
    expect(rankTitle('Der gläserne Hafen', 'de', 'glaserne')).toBe('prefix')
    expect(rankTitle('Der gläserne Hafen', 'de', 'glaeserne hafen')).toBe('exact')
    expect(rankTitle('Die Ärztin von Lübeck', 'de', 'lubeck')).toBe('wordPrefix')
  })

  it('pinyin with or without tones and spaces, and characters', () => {
    expect(rankTitle('西安往事', 'zh-Hans', 'xi an wang shi')).toBe('exact')
    expect(rankTitle('西安往事', 'zh-Hans', 'xianwangshi')).toBe('exact')
    expect(rankTitle('西安往事', 'zh-Hans', 'Xī’ān')).toBe('prefix')
    expect(rankTitle('西安往事', 'zh-Hans', 'xi1an1')).toBe('prefix')
    expect(rankTitle('西安往事', 'zh-Hans', 'wangshi')).toBe('wordPrefix')
    expect(rankTitle('西安往事', 'zh-Hans', '往事')).toBe('wordPrefix')
    expect(rankTitle('西安往事', 'zh-Hans', '西安往事')).toBe('exact')
  })

  it('without spaces, a match must start at a word', () => {
    expect(rankTitle('Spider-Man', 'en', 'spiderman')).toBe('exact')
    expect(rankTitle('Der Mann', 'de', 'erman')).toBeNull()
  })
})

describe('compareRanked', () => {
  const hit = (over: Partial<RankedCandidate>): RankedCandidate => ({
    collection: 'films',
    id: '1',
    tier: 'contains',
    inViewerLocale: true,
    sortTitle: 'a',
    ...over,
  })

  it('tier first, then the viewer locale, then the sort title, then ids', () => {
    const ordered = [
      hit({ id: '9', tier: 'exact', sortTitle: 'z' }),
      hit({ id: '8', tier: 'prefix', inViewerLocale: true, sortTitle: 'y' }),
      hit({ id: '7', tier: 'prefix', inViewerLocale: false, sortTitle: 'a' }),
      hit({ id: '2', tier: 'wordPrefix', sortTitle: 'b' }),
      hit({ id: '10', tier: 'wordPrefix', sortTitle: 'c' }),
      hit({ id: '3', tier: 'contains', sortTitle: 'c' }),
      hit({ id: '11', tier: 'contains', sortTitle: 'c' }),
      hit({ collection: 'series', id: '1', tier: 'contains', sortTitle: 'c' }),
    ]
    const shuffled = [...ordered].reverse()
    expect(shuffled.sort(compareRanked)).toEqual(ordered)
  })
})
