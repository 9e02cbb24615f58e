const germanTransliterations: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' }

/** URL-safe lowercase ASCII slug; returns '' when nothing Latin is left (e.g. a Chinese title). */
export const slugify = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => germanTransliterations[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
