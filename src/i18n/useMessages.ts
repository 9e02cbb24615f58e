'use client'

import { useTranslation } from '@payloadcms/ui'

import { adminLanguageOf, messageIn, type AdminLanguage, type Translate } from './index'

/** Our messages in the admin user's language, for client components. */
export const useMessages = (): { t: Translate; language: AdminLanguage } => {
  const { i18n } = useTranslation()
  const language = adminLanguageOf(i18n.language)
  return { t: messageIn(language), language }
}
