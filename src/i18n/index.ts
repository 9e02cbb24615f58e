import type { I18nClient } from '@payloadcms/translations'
import { de as payloadGerman } from '@payloadcms/translations/languages/de'
import { en as payloadEnglish } from '@payloadcms/translations/languages/en'
import { zh as payloadChinese } from '@payloadcms/translations/languages/zh'

import { de } from './de'
import { en, type MessageCatalog, type MessageKey } from './en'
import { zh } from './zh'

export type { MessageCatalog, MessageKey }

/** Our messages live under this namespace in Payload's translations (`reelhouse:matrixTitle`). */
const messageNamespace = 'reelhouse'

/** The admin's languages: Payload's own translations, and ours beside them. */
export const adminI18n = {
  fallbackLanguage: 'en' as const,
  supportedLanguages: { en: payloadEnglish, de: payloadGerman, zh: payloadChinese },
  translations: {
    en: { [messageNamespace]: en },
    de: { [messageNamespace]: de },
    zh: { [messageNamespace]: zh },
  },
}

export type AdminLanguage = keyof typeof adminI18n.supportedLanguages

export const catalogs: Record<AdminLanguage, MessageCatalog> = { en, de, zh }

type Variables = Record<string, string | number>

const interpolate = (template: string, variables?: Variables) =>
  variables
    ? template.replace(/{{\s*(\w+)\s*}}/g, (whole, name: string) =>
        name in variables ? String(variables[name]) : whole,
      )
    : template

export type Translate = (key: MessageKey, variables?: Variables) => string

/** The language Payload chose for this user, as one of ours (English when it is another). */
export const adminLanguageOf = (language: string | undefined): AdminLanguage =>
  language === 'de' || language === 'zh' ? language : 'en'

/** A message in one language, `{{name}}` placeholders filled. Pure: usable in tests and servers. */
export const messageIn =
  (language: string | undefined): Translate =>
  (key, variables) =>
    interpolate(catalogs[adminLanguageOf(language)][key] ?? en[key], variables)

/** The translate function for a Payload i18n object (server components: `req.i18n`). */
export const translatorFor = (i18n: Pick<I18nClient, 'language'>): Translate =>
  messageIn(i18n.language)

/**
 * One of our messages in every admin language, as Payload's labels and descriptions take them
 * (`{ en, de, zh }`): for collection and field labels in collections/.
 */
export const inEveryLanguage = (key: MessageKey): Record<AdminLanguage, string> => ({
  en: catalogs.en[key],
  de: catalogs.de[key],
  zh: catalogs.zh[key],
})
