import { describe, expect, it } from 'vitest'

import { catalogs, messageIn, type AdminLanguage } from '../../../src/i18n'
import { en } from '../../../src/i18n/en'
import { formatInstant, formatNumber } from '../../../src/i18n/format'
import { muxMessages } from '../../../src/plugins/mux/messages'

const placeholdersOf = (message: string) =>
  [...message.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort()

describe('message catalogs', () => {
  const languages = Object.keys(catalogs) as AdminLanguage[]

  it.each(languages)(
    '%s has every English key, none empty, with the same placeholders',
    (language) => {
      const catalog = catalogs[language]
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort())
      for (const [key, message] of Object.entries(catalog)) {
        expect(message.trim(), key).not.toBe('')
        expect(placeholdersOf(message), key).toEqual(placeholdersOf(en[key as keyof typeof en]))
      }
    },
  )

  it('German and Chinese are translations, not copies of English', () => {
    expect(messageIn('de')('navRightsReports')).toBe('Rechteberichte')
    expect(messageIn('zh')('navRightsReports')).toBe('版权报告')
  })

  it('falls back to English for a language we do not carry', () => {
    expect(messageIn('fr')('navAvailabilityMatrix')).toBe('Availability matrix')
    expect(messageIn(undefined)('navAvailabilityMatrix')).toBe('Availability matrix')
  })
})

describe('formatting for the user language', () => {
  it('writes numbers the way each language does', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567')
    expect(formatNumber(1234567, 'de')).toBe('1.234.567')
  })

  it('writes an instant in the asked time zone', () => {
    const instant = '2026-12-31T23:30:00Z'
    expect(formatInstant(instant, 'de', 'Europe/Berlin', 'date')).toBe('01.01.2027')
    expect(formatInstant(instant, 'en', 'America/New_York', 'date')).toBe('31 Dec 2026')
    expect(formatInstant(instant, 'zh', 'Asia/Shanghai', 'date')).toBe('2027年1月1日')
  })
})

describe("the Mux plugin's own messages", () => {
  it.each(['de', 'zh'] as const)(
    '%s has every English key, none empty, with the same placeholders',
    (language) => {
      const catalog = muxMessages[language]
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(muxMessages.en).sort())
      for (const [key, message] of Object.entries(catalog)) {
        expect(message.trim(), key).not.toBe('')
        expect(placeholdersOf(message), key).toEqual(
          placeholdersOf(muxMessages.en[key as keyof typeof muxMessages.en]),
        )
      }
    },
  )
})
