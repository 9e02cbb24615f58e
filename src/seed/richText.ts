import type { Film } from '../payload-types'

export type RichText = NonNullable<Film['synopsis']>

const textNode = (text: string) => ({
  type: 'text',
  text,
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const paragraph = (text: string) => ({
  type: 'paragraph',
  children: [textNode(text)],
  direction: 'ltr' as const,
  format: '' as const,
  indent: 0,
  textFormat: 0,
  textStyle: '',
  version: 1,
})

/** Lexical editor state for plain text; blank lines separate paragraphs. */
export const richTextFrom = (text: string): RichText => ({
  root: {
    type: 'root',
    children: text
      .split(/\n\s*\n/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map(paragraph),
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
  },
})
