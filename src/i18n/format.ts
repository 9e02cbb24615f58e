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

/** A calendar day (`2026-06-30`, a territory's local day) the way the user's language writes it. */
export const formatCalendarDay = (day: string, language: AdminLanguage) =>
  new Intl.DateTimeFormat(localeOf[language], { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(`${day}T00:00:00Z`),
  )
