import crypto from 'node:crypto'

import type { Payload } from 'payload'

import type { Id } from './fixtures'

export type CatalogSlug = 'films' | 'series' | 'seasons' | 'episodes'

/** What the public in DE must see and must never see, by collection. */
export type PublicCatalog = {
  visible: Record<CatalogSlug, Id[]>
  hidden: Record<CatalogSlug, Id[]>
  /** Titles of hidden documents: unique strings that must never appear in a public body. */
  hiddenTitles: string[]
  adminKey: string
  consumerKey: string
}

const tag = () => crypto.randomBytes(3).toString('hex')

/**
 * A small catalog for public-API tests: titles available in DE, available only in the US,
 * starting in the future, drafts, and held back in DE, with relationships between them (a
 * visible film related to hidden ones, a visible series with a draft episode, ...).
 */
export const createPublicCatalog = async (payload: Payload): Promise<PublicCatalog> => {
  const region = async (code: string, timeZone: string) =>
    payload.create({
      collection: 'regions',
      data: { code, kind: 'country', name: code, timeZone },
    })
  await region('DE', 'Europe/Berlin')
  await region('US', 'America/New_York')

  const visible: PublicCatalog['visible'] = { films: [], series: [], seasons: [], episodes: [] }
  const hidden: PublicCatalog['hidden'] = { films: [], series: [], seasons: [], episodes: [] }
  const hiddenTitles: string[] = []

  const grant = async (
    collection: CatalogSlug,
    id: Id,
    territories: string[],
    start = '2020-01-01',
    end?: string,
  ) =>
    payload.create({
      collection: 'licences',
      data: {
        content: [{ relationTo: collection, value: id }],
        kind: 'grant',
        licenceType: 'svod',
        territories,
        start,
        ...(end ? { end } : {}),
        contractId: `PUB-${collection}-${id}-${tag()}`,
      } as never,
    })

  const genre = await payload.create({ collection: 'genres', data: { name: `Drama ${tag()}` } })
  const person = await payload.create({ collection: 'people', data: { name: `Ada ${tag()}` } })

  const film = async (label: string, status: 'published' | 'draft' = 'published') =>
    payload.create({
      collection: 'films',
      data: {
        title: `${label} ${tag()}`,
        _status: status,
        releaseYear: 2001,
        genres: [genre.id],
        credits: [{ person: person.id, role: 'director' }],
      } as never,
      draft: status === 'draft',
    })

  // Hidden films first, so visible films can point at them.
  const usOnly = await film('HIDDEN us-only film')
  await grant('films', usOnly.id, ['US'])
  const future = await film('HIDDEN future film')
  await grant('films', future.id, ['DE'], '2099-01-01')
  const draft = await film('HIDDEN draft film', 'draft')
  await grant('films', draft.id, ['DE'])
  const heldBack = await film('HIDDEN held-back film')
  await grant('films', heldBack.id, ['DE'])
  await payload.create({
    collection: 'licences',
    data: {
      content: [{ relationTo: 'films', value: heldBack.id }],
      kind: 'holdback',
      holdbackStrength: 'hard',
      licenceType: 'svod',
      territories: ['DE'],
      start: '2020-01-01',
      contractId: `PUB-holdback-${tag()}`,
    } as never,
  })
  const expired = await film('HIDDEN expired film')
  await grant('films', expired.id, ['DE'], '2020-01-01', '2021-01-01')
  for (const doc of [usOnly, future, draft, heldBack, expired]) {
    hidden.films.push(doc.id)
    hiddenTitles.push(doc.title)
  }

  for (let index = 0; index < 3; index += 1) {
    const doc = await film(`Visible film ${index}`)
    await grant('films', doc.id, ['DE', 'US'])
    await payload.update({
      collection: 'films',
      id: doc.id,
      data: { relatedFilms: [usOnly.id, draft.id, heldBack.id, ...visible.films] },
    })
    visible.films.push(doc.id)
  }

  const series = async (label: string, territories: string[]) => {
    const doc = await payload.create({
      collection: 'series',
      data: { title: `${label} ${tag()}`, _status: 'published' },
    })
    await grant('series', doc.id, territories)
    const season = await payload.create({
      collection: 'seasons',
      data: {
        series: doc.id,
        seasonNumber: 1,
        title: `${label} S1 ${tag()}`,
        _status: 'published',
      },
    })
    const episode = await payload.create({
      collection: 'episodes',
      data: {
        season: season.id,
        episodeNumber: 1,
        title: `${label} E1 ${tag()}`,
        _status: 'published',
      },
    })
    return { doc, season, episode }
  }

  const shown = await series('Visible series', ['DE'])
  visible.series.push(shown.doc.id)
  visible.seasons.push(shown.season.id)
  visible.episodes.push(shown.episode.id)
  const draftEpisode = await payload.create({
    collection: 'episodes',
    data: {
      season: shown.season.id,
      episodeNumber: 2,
      title: `HIDDEN draft episode ${tag()}`,
      _status: 'draft',
    },
    draft: true,
  })
  hidden.episodes.push(draftEpisode.id)
  hiddenTitles.push(draftEpisode.title ?? '')

  const usSeries = await series('HIDDEN us-only series', ['US'])
  hidden.series.push(usSeries.doc.id)
  hidden.seasons.push(usSeries.season.id)
  hidden.episodes.push(usSeries.episode.id)
  hiddenTitles.push(usSeries.doc.title, usSeries.season.title ?? '', usSeries.episode.title ?? '')

  const key = async (roles: ('admin' | 'editor' | 'licensing')[]) => {
    const apiKey = crypto.randomBytes(24).toString('hex')
    await payload.create({
      collection: 'users',
      data: {
        email: `key-${tag()}@example.test`,
        password: 'correct horse battery',
        roles,
        enableAPIKey: true,
        apiKey,
      },
    })
    return apiKey
  }

  return {
    visible,
    hidden,
    hiddenTitles,
    adminKey: await key(['admin']),
    consumerKey: await key([]),
  }
}

/** Relationship and join fields, and the catalog collection their values belong to. */
const relationFields: Record<string, CatalogSlug> = {
  relatedFilms: 'films',
  series: 'series',
  season: 'seasons',
  seasons: 'seasons',
  episodes: 'episodes',
}

/**
 * Every id of a hidden title found in a response body: documents of the requested collection
 * (`docs`, or the document itself) and, at any depth, the values of relationship and join
 * fields (bare ids, populated documents, join pages).
 */
export const hiddenIdsIn = (
  body: unknown,
  collection: string,
  hidden: PublicCatalog['hidden'],
): string[] => {
  const found: string[] = []
  const isHidden = (slug: CatalogSlug, id: unknown) =>
    (typeof id === 'number' || typeof id === 'string') && hidden[slug].includes(Number(id))
  const valueOf = (slug: CatalogSlug, value: unknown, path: string) => {
    for (const entry of Array.isArray(value) ? value : [value]) {
      if (isHidden(slug, entry)) found.push(`${path}=${slug}/${String(entry)}`)
      else if (entry && typeof entry === 'object') {
        const record = entry as Record<string, unknown>
        if (isHidden(slug, record.id)) found.push(`${path}.id=${slug}/${String(record.id)}`)
        if (Array.isArray(record.docs)) valueOf(slug, record.docs, `${path}.docs`)
        walk(record, slug, path)
      }
    }
  }
  const walk = (node: unknown, slug: CatalogSlug | undefined, path: string) => {
    if (!node || typeof node !== 'object') return
    if (Array.isArray(node)) {
      node.forEach((entry, index) => walk(entry, slug, `${path}.${index}`))
      return
    }
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const related = relationFields[key]
      if (related) valueOf(related, value, `${path}.${key}`)
      else walk(value, undefined, `${path}.${key}`)
    }
  }
  if (collection in hidden) {
    const slug = collection as CatalogSlug
    const record = (body ?? {}) as Record<string, unknown>
    if (Array.isArray(record.docs)) valueOf(slug, record.docs, 'docs')
    else if (record.id !== undefined) valueOf(slug, record, 'doc')
  }
  walk(body, undefined, '')
  return [...new Set(found)]
}
