'use client'

import { useTranslation } from '@payloadcms/ui'

import { muxMessages, type MuxMessageKey } from '../messages'

export type MuxLanguage = keyof typeof muxMessages

type Variables = Record<string, string | number>

/** The plugin's messages in the admin user's language (English for a language it lacks). */
export const useMuxMessages = (): {
  t: (key: MuxMessageKey, variables?: Variables) => string
  language: MuxLanguage
} => {
  const { i18n } = useTranslation()
  const language: MuxLanguage = i18n.language in muxMessages ? (i18n.language as MuxLanguage) : 'en'
  const t = (key: MuxMessageKey, variables?: Variables) => {
    const template = muxMessages[language][key]
    return variables
      ? template.replace(/{{\s*(\w+)\s*}}/g, (whole, name: string) =>
          name in variables ? String(variables[name]) : whole,
        )
      : template
  }
  return { t, language }
}

/** Bytes as the user's language writes decimals (1.5 GB, 1,5 GB). */
export const formatDecimal = (value: number, language: MuxLanguage) =>
  new Intl.NumberFormat(language === 'de' ? 'de-DE' : language === 'zh' ? 'zh-CN' : 'en-GB').format(
    value,
  )
