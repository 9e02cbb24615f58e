import countries from 'i18n-iso-countries'

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })

/** ISO 639-1: two lowercase letters naming a language the ICU data knows. */
export const isIso6391 = (code: string): boolean =>
  /^[a-z]{2}$/.test(code) && languageNames.of(code) !== undefined

export const isIso3166Alpha2 = (code: string): boolean =>
  /^[A-Z]{2}$/.test(code) && countries.isValid(code)

export const isIanaTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone.includes('/') || zone === 'UTC'
  } catch {
    return false
  }
}

export const eidrPattern = /^10\.5240\/([0-9A-F]{4}-){5}[0-9A-Z]$/
export const imdbPattern = /^tt\d{7,9}$/
