import type { CreditSeed } from './types'

export const director = (person: string): CreditSeed => ({ person, role: 'director' })
export const writer = (person: string): CreditSeed => ({ person, role: 'writer' })
export const composer = (person: string): CreditSeed => ({ person, role: 'composer' })
export const producer = (person: string): CreditSeed => ({ person, role: 'producer' })

/** A role; the German name is the English one unless it reads differently in German. */
export const actor = (person: string, en: string, zhHans: string, de = en): CreditSeed => ({
  person,
  role: 'actor',
  character: { en, de, 'zh-Hans': zhHans },
})
