import { pinyin } from 'pinyin-pro'

/** Letters Unicode decomposition leaves alone, spelled as their usual ASCII. */
const letterFolds: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
}

/** German spells umlauts out where they cannot be typed: "glaeserne" for "gläserne". */
const umlautSpellings: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' }

const han = /\p{Script=Han}/u

export const hasHan = (text: string): boolean => han.test(text)

/**
 * Lowercase, without diacritics ("gläserne" -> "glaserne"), punctuation as spaces, one space
 * between words; each Han character stands as a word of its own (Chinese has no spaces).
 */
export const foldText = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþı]/g, (letter) => letterFolds[letter] ?? letter)
    .replace(/\p{Script=Han}/gu, (character) => ` ${character} `)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** The text with German umlauts spelled out, folded; null when that changes nothing. */
export const foldSpelledUmlauts = (text: string): string | null => {
  const lower = text.toLowerCase().normalize('NFC')
  if (!/[äöü]/.test(lower)) return null
  return foldText(lower.replace(/[äöü]/g, (letter) => umlautSpellings[letter] ?? letter))
}

/** Han characters as toneless pinyin syllables (pinyin-pro picks readings from context). */
export const pinyinOf = (text: string): string =>
  foldText(
    pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: false }).join(' '),
  )
