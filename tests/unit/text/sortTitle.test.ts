import { describe, expect, it } from 'vitest'

import { foldSpelledUmlauts, foldText, pinyinOf } from '../../../src/text/fold'
import { deriveSortTitle, sortKeyOf, sortTitlesFor } from '../../../src/text/sortTitle'

const byKey = (titles: string[], language: string) =>
  [...titles].sort((a, b) => {
    const [x, y] = [deriveSortTitle(a, language), deriveSortTitle(b, language)]
    return x < y ? -1 : x > y ? 1 : 0
  })

describe('folding', () => {
  it('drops case, diacritics and punctuation; spells special letters out', () => {
    expect(foldText('Der gläserne Hafen')).toBe('der glaserne hafen')
    expect(foldText('  Amélie: Straße — Ærø!  ')).toBe('amelie strasse aero')
    expect(foldText('Spider-Man: No Way Home')).toBe('spider man no way home')
    expect(foldText('ＡＢＣ１２３')).toBe('abc123')
  })

  it('stands each Han character as a word', () => {
    expect(foldText('长城往事')).toBe('长 城 往 事')
    expect(foldText('007：大破天幕')).toBe('007 大 破 天 幕')
  })

  it('spells umlauts out for a second form, or says there is none', () => {
    expect(foldSpelledUmlauts('Die Ärztin von Lübeck')).toBe('die aerztin von luebeck')
    expect(foldSpelledUmlauts('Das Boot')).toBeNull()
  })

  it('reads Han characters as toneless pinyin, from their context', () => {
    expect(pinyinOf('长城往事')).toBe('chang cheng wang shi')
    expect(pinyinOf('重庆森林')).toBe('chong qing sen lin')
    expect(pinyinOf('西安往事')).toBe('xi an wang shi')
    expect(pinyinOf('007：大破天幕杀机')).toBe('007 da po tian mu sha ji')
  })
})

describe('deriveSortTitle', () => {
  it('drops a leading article of the language, only when a word follows', () => {
    expect(deriveSortTitle('The Glass Harbour', 'en')).toBe('glass harbour')
    expect(deriveSortTitle('A Beautiful Mind', 'en')).toBe('beautiful mind')
    expect(deriveSortTitle('An Education', 'en')).toBe('education')
    expect(deriveSortTitle('Der gläserne Hafen', 'de')).toBe('glaserne hafen')
    expect(deriveSortTitle('Eine Frau in Berlin', 'de')).toBe('frau in berlin')
    expect(deriveSortTitle('Einen Tag lang', 'de')).toBe('tag lang')
    expect(deriveSortTitle('Das Boot', 'de')).toBe('boot')
    expect(deriveSortTitle('Die', 'de')).toBe('die')
    expect(deriveSortTitle('The', 'en')).toBe('the')
    // Articles are per language: English has no "die", German no "the".
    expect(deriveSortTitle('Die Hard', 'en')).toBe('die hard')
    expect(deriveSortTitle('The Lighthouse', 'de')).toBe('the lighthouse')
    // Only the first word: "Theory" is not "The".
    expect(deriveSortTitle('Theory of Everything', 'en')).toBe('theory of everything')
  })

  it('pads numbers so they sort by value', () => {
    expect(deriveSortTitle('Apollo 13', 'en')).toBe('apollo 000013')
    expect(deriveSortTitle('2001: A Space Odyssey', 'en')).toBe('002001 a space odyssey')
    expect(deriveSortTitle('007', 'en')).toBe('000007')
    expect(byKey(['Apollo 13', 'Apollo 8', '12 Monkeys', '2 Fast 2 Furious'], 'en')).toEqual([
      '2 Fast 2 Furious',
      '12 Monkeys',
      'Apollo 8',
      'Apollo 13',
    ])
  })

  it('orders German titles the way a German reader expects', () => {
    const titles = [
      'Der Obstgarten im Winter',
      'Der gläserne Hafen',
      'Über den Wolken',
      'Ödland',
      'Das achte Gebot',
      'Die Ärztin von Lübeck',
      'Zwölf Stunden bis Mitternacht',
    ]
    expect([...titles].sort()).not.toEqual(byKey(titles, 'de'))
    expect(byKey(titles, 'de')).toEqual([
      'Das achte Gebot',
      'Die Ärztin von Lübeck',
      'Der gläserne Hafen',
      'Der Obstgarten im Winter',
      'Ödland',
      'Über den Wolken',
      'Zwölf Stunden bis Mitternacht',
    ])
  })

  it('orders Chinese titles by pinyin, syllable by syllable', () => {
    const titles = ['重庆森林', '西安往事', '玻璃港', '长城往事', '冬日果园', '夏日', '西']
    expect(byKey(titles, 'zh-Hans')).toEqual([
      '玻璃港',
      '长城往事',
      '重庆森林',
      '冬日果园',
      '西',
      // xi an before xia: syllables compare one at a time.
      '西安往事',
      '夏日',
    ])
    expect(sortKeyOf('长城')).toBe('chang cheng')
  })
})

describe('sortTitlesFor', () => {
  const base = { locales: ['en', 'de', 'zh-Hans'], defaultLocale: 'en' }

  it('derives empty sort titles, a locale without a title from the default one', () => {
    expect(
      sortTitlesFor({
        ...base,
        titles: { en: 'The Glass Harbour', de: 'Der gläserne Hafen' },
        previousTitles: {},
        given: {},
      }),
    ).toEqual({ en: 'glass harbour', de: 'glaserne hafen', 'zh-Hans': 'glass harbour' })
  })

  it('keeps what an editor set, folded; follows the title where it was derived', () => {
    const next = sortTitlesFor({
      ...base,
      titles: { en: 'The Very Last Lighthouse', de: 'Der letzte Leuchtturm' },
      previousTitles: { en: 'The Last Lighthouse', de: 'Der letzte Leuchtturm' },
      given: { en: 'Lighthouse, The Last', de: 'letzte leuchtturm', 'zh-Hans': 'last lighthouse' },
    })
    expect(next).toEqual({
      en: 'lighthouse the last',
      de: 'letzte leuchtturm',
      // zh-Hans had no title of its own: its derived value follows the English title.
      'zh-Hans': 'very last lighthouse',
    })
  })

  it('a title of its own replaces a value derived from the fallback', () => {
    const next = sortTitlesFor({
      ...base,
      titles: { en: 'The Orchard', de: 'Der Obstgarten' },
      previousTitles: { en: 'The Orchard' },
      given: { en: 'orchard', de: 'orchard', 'zh-Hans': 'orchard' },
    })
    expect(next).toEqual({ en: 'orchard', de: 'obstgarten', 'zh-Hans': 'orchard' })
  })

  it('nothing to derive from: null', () => {
    expect(sortTitlesFor({ ...base, titles: {}, previousTitles: {}, given: {} })).toEqual({
      en: null,
      de: null,
      'zh-Hans': null,
    })
  })
})
