import type { AdminLanguage } from './index'

/** BCP 47 tags for formatting dates and numbers in each admin language. */
const localeOf: Record<AdminLanguage, string> = { en: 'en-GB', de: 'de-DE', zh: 'zh-CN' }

/** A number the way the user's language writes it (1,234 / 1.234). */
export const formatNumber = (value: number, language: AdminLanguage) =>
  new Intl.NumberFormat(localeOf[language]).format(value)

/** An instant as a date and time in a time zone (the viewer's, a territory's or UTC). */
export const formatInstant = (
  instant: string | Date,
  language: AdminLanguage,
  timeZone = 'UTC',
  style: 'date' | 'dateTime' = 'dateTime',
) =>
  new Intl.DateTimeFormat(localeOf[language], {
    timeZone,
    dateStyle: 'medium',
    ...(style === 'dateTime' ? { timeStyle: 'short' } : {}),
  }).format(typeof instant === 'string' ? new Date(instant) : instant)

/** A calendar day (`YYYY-MM-DD`, already local to some territory) in the user's language. */
export const formatDay = (day: string, language: AdminLanguage) =>
  formatInstant(`${day}T12:00:00Z`, language, 'UTC', 'date')

/** The month an instant falls in, in UTC: `Jan 2027`, `Jan. 2027`, `2027年1月`. */
export const formatMonth = (instant: string | Date, language: AdminLanguage) =>
  new Intl.DateTimeFormat(localeOf[language], {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
  }).format(typeof instant === 'string' ? new Date(instant) : instant)
