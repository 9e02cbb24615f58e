import type { PayloadRequest } from 'payload'

import { craftLabels, people } from './data/people'
import type { PersonSeed } from './data/types'
import { existingIds, type IdsByKey } from './documentIds'
import { allLocales, everyLocale, type Localized } from './localized'
import { richTextFrom, type RichText } from './richText'

const biographyOf = ({ name, craft, basedIn }: PersonSeed): Localized<RichText> => ({
  en: richTextFrom(`${name} works in ${craftLabels[craft].en} and is based in ${basedIn.en}.`),
  de: richTextFrom(
    `${name} arbeitet im Bereich ${craftLabels[craft].de} und lebt in ${basedIn.de}.`,
  ),
  'zh-Hans': richTextFrom(
    `${name}常驻${basedIn['zh-Hans']}，从事${craftLabels[craft]['zh-Hans']}工作。`,
  ),
})

/** Person ids by seed key. People are matched by name, so existing ones are reused. */
export const seedPeople = async (req: PayloadRequest): Promise<IdsByKey> => {
  const byName = await existingIds(
    req,
    'people',
    'name',
    people.map(({ name }) => name),
  )
  const ids = new Map<string, number>()
  for (const person of people) {
    const existing = byName.get(person.name)
    if (existing !== undefined) {
      ids.set(person.key, existing)
      continue
    }
    const created = await req.payload.create({
      collection: 'people',
      locale: everyLocale,
      data: { name: person.name, bio: allLocales(biographyOf(person)) },
      depth: 0,
      req,
    })
    ids.set(person.key, created.id)
  }
  return ids
}
