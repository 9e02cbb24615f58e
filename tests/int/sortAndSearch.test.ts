import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { backfillSortTitles } from '../../src/catalog/sortTitles'
import { runRecordedAudit } from '../../src/rights/auditRuns'
import { auditSearchIndex } from '../../src/search/searchIndex'
import { everyLocale, allLocales } from '../../src/seed/localized'
import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'
import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'
import { createCountries, createGrant } from './support/fixtures'

type Id = number
type Titles = { en: string; de?: string; 'zh-Hans'?: string }

/**
 * Realistic titles in the three locales. The German and Chinese ones are chosen so that binary
 * order (what the database gives a plain text column) differs from the order a person expects:
 * "Der Obstgarten im Winter" comes before "Der gläserne Hafen" byte by byte, Chinese by code
 * point puts 冬 before 玻.
 */
const films: Titles[] = [
  { en: 'The Glass Harbour', de: 'Der gläserne Hafen', 'zh-Hans': '玻璃港' },
  { en: 'The Orchard in Winter', de: 'Der Obstgarten im Winter', 'zh-Hans': '冬日果园' },
  { en: 'The Doctor of Lübeck', de: 'Die Ärztin von Lübeck', 'zh-Hans': '吕贝克的女医生' },
  { en: 'The Eighth Commandment', de: 'Das achte Gebot', 'zh-Hans': '第八诫' },
  { en: 'A Summer in Cologne', de: 'Ein Sommer in Köln', 'zh-Hans': '科隆之夏' },
  { en: 'Above the Clouds', de: 'Über den Wolken', 'zh-Hans': '云端之上' },
  { en: 'Wasteland', de: 'Ödland', 'zh-Hans': '荒原' },
  {
    en: 'Twelve Hours to Midnight',
    de: 'Zwölf Stunden bis Mitternacht',
    'zh-Hans': '午夜前十二小时',
  },
  // English only: every other locale shows (and sorts by) the English title.
  { en: 'Apollo 8' },
  { en: 'Apollo 13' },
]
const series: Titles[] = [
  { en: 'Once Upon a Time in Xi’an', de: 'Es war einmal in Xi’an', 'zh-Hans': '西安往事' },
  { en: 'Tales of the Great Wall', de: 'Geschichten der Großen Mauer', 'zh-Hans': '长城往事' },
  { en: 'Chungking Forest', de: 'Chungking-Wald', 'zh-Hans': '重庆森林' },
]

const expectedOrder: Record<'en' | 'de' | 'zh-Hans', string[]> = {
  en: [
    'Above the Clouds',
    'Apollo 8',
    'Apollo 13',
    'The Doctor of Lübeck',
    'The Eighth Commandment',
    'The Glass Harbour',
    'The Orchard in Winter',
    'A Summer in Cologne',
    'Twelve Hours to Midnight',
    'Wasteland',
  ],
  de: [
    'Das achte Gebot',
    'Apollo 8',
    'Apollo 13',
    'Die Ärztin von Lübeck',
    'Der gläserne Hafen',
    'Der Obstgarten im Winter',
    'Ödland',
    'Ein Sommer in Köln',
    'Über den Wolken',
    'Zwölf Stunden bis Mitternacht',
  ],
  // By pinyin: apollo, bo li gang, di ba jie, dong ri guo yuan, huang yuan, ke long zhi xia,
  // lu bei ke ..., wu ye qian ..., yun duan zhi shang.
  'zh-Hans': [
    'Apollo 8',
    'Apollo 13',
    '玻璃港',
    '第八诫',
    '冬日果园',
    '荒原',
    '科隆之夏',
    '吕贝克的女医生',
    '午夜前十二小时',
    '云端之上',
  ],
}

describe.each(testBackends)('sort titles and search on $kind', (backend) => {
  let ctx: TestPayload
  let payload: Payload
  let http: PayloadHttpServer
  const ids = new Map<string, { collection: 'films' | 'series'; id: Id }>()
  const run = it.skipIf(!backend.serverUrl)

  const licence = async (collection: 'films' | 'series', id: Id, data: Record<string, unknown>) =>
    createGrant(payload, { relationTo: collection, value: id }, { start: '2020-01-01', ...data })

  /** A published title with every locale given, licensed in DE (a series through an episode). */
  const title = async (collection: 'films' | 'series', titles: Titles, licensed = true) => {
    const doc = await payload.create({
      collection,
      locale: everyLocale,
      data: {
        title: allLocales(titles as Record<'en' | 'de' | 'zh-Hans', string>),
        _status: 'published',
      },
    })
    ids.set(titles.en, { collection, id: doc.id })
    if (collection === 'series') {
      const season = await payload.create({
        collection: 'seasons',
        data: { series: doc.id, seasonNumber: 1, _status: 'published' },
      })
      await payload.create({
        collection: 'episodes',
        data: { season: season.id, episodeNumber: 1, title: 'Pilot', _status: 'published' },
      })
    }
    if (licensed) await licence(collection, doc.id, {})
    return doc.id
  }

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    await createCountries(payload, ['DE', 'US'])
    for (const titles of films) await title('films', titles)
    for (const titles of series) await title('series', titles)
    http = await servePayloadOverHttp(payload)
  })
  afterAll(async () => {
    await http?.close()
    await ctx?.destroy()
  })

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${http.url}${path}`, {
      headers: { 'x-viewer-territory': 'DE', ...headers },
    })
    return { status: response.status, headers: response.headers, body: await response.json() }
  }

  const graphql = async (query: string) => {
    const response = await fetch(`${http.url}/api/graphql`, {
      method: 'POST',
      headers: { 'x-viewer-territory': 'DE', 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    })
    return (await response.json()) as {
      data?: { Films?: { docs: { title: string }[] } }
      errors?: unknown
    }
  }

  const titlesOf = (body: { docs?: { title: string }[] }) => (body.docs ?? []).map((d) => d.title)

  describe('sort=sortTitle', () => {
    for (const locale of ['en', 'de', 'zh-Hans'] as const) {
      run(`REST and GraphQL give the order a person expects in ${locale}`, async () => {
        const rest = await get(`/api/films?sort=sortTitle&locale=${locale}&limit=100&depth=0`)
        expect(rest.status, JSON.stringify(rest.body)).toBe(200)
        expect(titlesOf(rest.body)).toEqual(expectedOrder[locale])
        const descending = await get(`/api/films?sort=-sortTitle&locale=${locale}&limit=100`)
        expect(titlesOf(descending.body)).toEqual([...expectedOrder[locale]].reverse())
        const gqlLocale = locale === 'zh-Hans' ? 'zh_Hans' : locale
        const gql = await graphql(
          `{ Films(sort: "sortTitle", locale: ${gqlLocale}, limit: 100) { docs { title } } }`,
        )
        expect(gql.errors).toBeUndefined()
        expect(titlesOf(gql.data?.Films ?? {})).toEqual(expectedOrder[locale])
      })
    }

    run('binary order of the titles themselves is not that order (the test can fail)', async () => {
      const byTitle = await get('/api/films?sort=title&locale=de&limit=100')
      expect(titlesOf(byTitle.body)).not.toEqual(expectedOrder.de)
      const zh = await get('/api/films?sort=title&locale=zh-Hans&limit=100')
      expect(titlesOf(zh.body)).not.toEqual(expectedOrder['zh-Hans'])
    })

    run('series sort by pinyin in zh-Hans', async () => {
      const answer = await get('/api/series?sort=sortTitle&locale=zh-Hans&limit=100')
      expect(titlesOf(answer.body)).toEqual(['长城往事', '重庆森林', '西安往事'])
    })

    run('derived per locale: article dropped, folded, pinyin, numbers padded', async () => {
      const doc = await payload.findByID({
        collection: 'films',
        id: ids.get('The Glass Harbour')!.id,
        locale: 'all',
      })
      expect(doc.sortTitle).toEqual({
        en: 'glass harbour',
        de: 'glaserne hafen',
        'zh-Hans': 'bo li gang',
      })
      const apollo = await payload.findByID({
        collection: 'films',
        id: ids.get('Apollo 8')!.id,
        locale: 'all',
      })
      // Locales without their own title sort by the English one.
      expect(apollo.sortTitle).toEqual({
        en: 'apollo 000008',
        de: 'apollo 000008',
        'zh-Hans': 'apollo 000008',
      })
    })

    run('a film created in one locale gets a sort title in every locale', async () => {
      const doc = await payload.create({
        collection: 'films',
        data: { title: 'Das Boot', _status: 'published' },
        locale: 'de',
      })
      const stored = await payload.findByID({ collection: 'films', id: doc.id, locale: 'all' })
      expect(stored.sortTitle).toMatchObject({ de: 'boot' })
      await payload.delete({ collection: 'films', id: doc.id })
    })

    run('editors set it (kept, folded), clear it (derived again); titles change it', async () => {
      const doc = await payload.create({
        collection: 'films',
        data: { title: 'The Last Lighthouse', _status: 'published' },
      })
      expect(doc.sortTitle).toBe('last lighthouse')
      const set = await payload.update({
        collection: 'films',
        id: doc.id,
        data: { sortTitle: 'Lighthouse, The Last' },
      })
      expect(set.sortTitle).toBe('lighthouse the last')
      const retitled = await payload.update({
        collection: 'films',
        id: doc.id,
        data: { title: 'The Very Last Lighthouse' },
      })
      expect(retitled.sortTitle).toBe('lighthouse the last')
      const cleared = await payload.update({
        collection: 'films',
        id: doc.id,
        data: { sortTitle: '' },
      })
      expect(cleared.sortTitle).toBe('very last lighthouse')
      // A derived value follows the title, in this locale and in those that fall back to it.
      const renamed = await payload.update({
        collection: 'films',
        id: doc.id,
        data: { title: 'A Lighthouse at Dusk' },
      })
      expect(renamed.sortTitle).toBe('lighthouse at dusk')
      const all = await payload.findByID({ collection: 'films', id: doc.id, locale: 'all' })
      expect(all.sortTitle).toEqual({
        en: 'lighthouse at dusk',
        de: 'lighthouse at dusk',
        'zh-Hans': 'lighthouse at dusk',
      })
      // A German title of its own replaces the fallback in German only.
      await payload.update({
        collection: 'films',
        id: doc.id,
        locale: 'de',
        data: { title: 'Ein Leuchtturm in der Dämmerung' },
      })
      const german = await payload.findByID({ collection: 'films', id: doc.id, locale: 'all' })
      expect(german.sortTitle).toEqual({
        en: 'lighthouse at dusk',
        de: 'leuchtturm in der dammerung',
        'zh-Hans': 'lighthouse at dusk',
      })
      await payload.delete({ collection: 'films', id: doc.id })
    })

    run('titles stored without sort titles get them at start-up (backfill)', async () => {
      const id = ids.get('Wasteland')!.id
      const stored = await payload.db.findOne<{ id: Id } & Record<string, unknown>>({
        collection: 'films',
        where: { id: { equals: id } },
        locale: 'all',
      })
      await payload.db.updateOne({
        collection: 'films',
        id,
        data: { ...stored, sortTitle: { en: null, de: null, 'zh-Hans': null } },
        locale: 'all',
      })
      const emptied = await payload.findByID({ collection: 'films', id, locale: 'all' })
      expect(emptied.sortTitle ?? {}).not.toHaveProperty('de', 'odland')
      expect(await backfillSortTitles(payload)).toBe(1)
      const filled = await payload.findByID({ collection: 'films', id, locale: 'all' })
      expect(filled.sortTitle).toEqual({ en: 'wasteland', de: 'odland', 'zh-Hans': 'huang yuan' })
      expect(filled.title).toEqual({ en: 'Wasteland', de: 'Ödland', 'zh-Hans': '荒原' })
      expect(await backfillSortTitles(payload)).toBe(0)
    })
  })

  type Hit = {
    id: Id
    collection: string
    title: string
    slug: string
    availability: { territory: string } | null
    match: { tier: string; locale: string }
  }
  type SearchBody = {
    docs: Hit[]
    totalDocs: number
    totalPages: number
    hasNextPage: boolean
  }
  const search = async (query: string, headers: Record<string, string> = {}) => {
    const answer = await get(`/api/search?${query}`, headers)
    return { ...answer, body: answer.body as SearchBody }
  }

  describe('GET /api/search', () => {
    run(
      'diacritics-insensitive: "glaserne" and "glaeserne" find "Der gläserne Hafen"',
      async () => {
        for (const q of ['glaserne', 'glaeserne', 'GLÄSERNE', 'gläserne hafen']) {
          const answer = await search(`q=${encodeURIComponent(q)}&locale=de`)
          expect(answer.status, JSON.stringify(answer.body)).toBe(200)
          expect(answer.body.docs.map((hit) => hit.title)).toEqual(['Der gläserne Hafen'])
          const [hit] = answer.body.docs
          expect(hit).toMatchObject({
            id: ids.get('The Glass Harbour')!.id,
            collection: 'films',
            slug: expect.any(String),
            availability: { territory: 'DE', licenceTypes: ['svod'] },
          })
        }
      },
    )

    run('pinyin with or without tones or spaces, and characters, find Chinese titles', async () => {
      for (const q of ['xian', 'xi an', 'Xī’ān', 'xi1an1', '西安', '西安往事', 'xianwangshi']) {
        const answer = await search(`q=${encodeURIComponent(q)}&locale=zh-Hans`)
        expect(answer.status).toBe(200)
        expect(
          answer.body.docs.map((hit) => hit.title),
          q,
        ).toContain('西安往事')
        expect(answer.body.docs[0].title, q).toBe('西安往事')
      }
      // One Chinese character is enough (one Latin letter is not).
      const one = await search(`q=${encodeURIComponent('城')}&locale=zh-Hans`)
      expect(one.body.docs.map((hit) => hit.title)).toEqual(['长城往事'])
      const wall = await search(`q=${encodeURIComponent('chang cheng')}&locale=zh-Hans`)
      expect(wall.body.docs.map((hit) => [hit.collection, hit.title])).toEqual([
        ['series', '长城往事'],
      ])
    })

    run('titles of every locale are searched; the answer is in the viewer locale', async () => {
      const answer = await search('q=orchard&locale=de')
      expect(answer.body.docs.map((hit) => [hit.title, hit.match.locale])).toEqual([
        ['Der Obstgarten im Winter', 'en'],
      ])
    })

    run('ranked: exact, then prefix, then word prefix, then inside a word', async () => {
      const made: Id[] = []
      for (const name of ['Harbour', 'Harbourside', 'Old Harbour Lights', 'Starharbour']) {
        made.push(await title('films', { en: name }))
      }
      try {
        const answer = await search('q=harbour&locale=en&limit=20')
        expect(answer.body.docs.map((hit) => [hit.title, hit.match.tier])).toEqual([
          ['Harbour', 'exact'],
          ['Harbourside', 'prefix'],
          ['The Glass Harbour', 'wordPrefix'],
          ['Old Harbour Lights', 'wordPrefix'],
          ['Starharbour', 'contains'],
        ])
      } finally {
        for (const id of made) await payload.delete({ collection: 'films', id })
      }
    })

    run('paginated like Payload lists', async () => {
      const first = await search('q=the&locale=en&limit=3')
      expect(first.status).toBe(200)
      expect(first.body).toMatchObject({
        totalDocs: 6,
        limit: 3,
        page: 1,
        totalPages: 2,
        hasNextPage: true,
        hasPrevPage: false,
        nextPage: 2,
      })
      const pages = [first.body.docs]
      for (const page of [2]) {
        pages.push((await search(`q=the&locale=en&limit=3&page=${page}`)).body.docs)
      }
      const all = pages.flat().map((hit) => hit.title)
      expect(all).toHaveLength(6)
      expect(new Set(all).size).toBe(6)
      const beyond = await search('q=the&locale=en&limit=3&page=9')
      expect(beyond.body.docs).toEqual([])
      expect(beyond.body.totalDocs).toBe(6)
    })

    run('public answers are cacheable, bounded like the content API', async () => {
      const answer = await search('q=glaserne&locale=de')
      expect(answer.headers.get('cache-control')).toMatch(/^public, max-age=\d+/)
      expect(answer.headers.get('vary')?.toLowerCase()).toContain('x-viewer-territory')
    })

    const refused: [string, string][] = [
      ['locale=de', 'q'],
      ['q=', 'q'],
      ['q=%20%20', 'q'],
      [`q=${'a'.repeat(101)}`, 'q'],
      ['q=%21%21%21', 'q'],
      ['q=a', 'q'],
      ['q=%C3%A4%21', 'q'],
      ['q=hafen&limit=0', 'limit'],
      ['q=hafen&limit=101', 'limit'],
      ['q=hafen&limit=2.5', 'limit'],
      ['q=hafen&limit=abc', 'limit'],
      ['q=hafen&page=0', 'page'],
      ['q=hafen&page=-1', 'page'],
      ['q=hafen&locale=xx', 'locale'],
      ['q=hafen&locale=all', 'locale'],
    ]
    run.each(refused)('?%s is a 400 naming %s', async (query, path) => {
      const answer = await search(query)
      expect(answer.status, JSON.stringify(answer.body)).toBe(400)
      expect(answer.body).toMatchObject({
        errors: [{ data: { errors: [expect.objectContaining({ path })] } }],
      })
    })

    run('without a territory, or an unknown one, 400 naming territory', async () => {
      const response = await fetch(`${http.url}/api/search?q=hafen`)
      expect(response.status).toBe(400)
      expect(JSON.stringify(await response.json())).toContain('"path":"territory"')
      const unknown = await search('q=hafen', { 'x-viewer-territory': 'XX' })
      expect(unknown.status).toBe(400)
    })

    run('the index is not readable by the public', async () => {
      const answer = await get('/api/search-entries')
      expect(answer.status).toBe(403)
    })
  })

  describe('the index follows the titles', () => {
    run('unpublished, deleted, drafts over published: never findable', async () => {
      const id = await title('films', { en: 'The Lantern Keeper' })
      expect((await search('q=lantern&locale=en')).body.totalDocs).toBe(1)
      // A draft with a new title over the published one: the draft title is not findable.
      await payload.update({
        collection: 'films',
        id,
        draft: true,
        data: { title: 'The Secret Sequel' },
      })
      expect((await search('q=secret&locale=en')).body.totalDocs).toBe(0)
      expect((await search('q=lantern&locale=en')).body.totalDocs).toBe(1)
      await payload.update({ collection: 'films', id, data: { _status: 'draft' } })
      const entries = await payload.find({
        collection: 'search-entries',
        where: { contentKey: { equals: `films/${id}` } },
      })
      expect(entries.totalDocs).toBe(0)
      await payload.update({ collection: 'films', id, data: { _status: 'published' } })
      expect((await search('q=secret&locale=en')).body.totalDocs).toBe(1)
      await payload.delete({ collection: 'films', id })
      const gone = await payload.find({
        collection: 'search-entries',
        where: { contentKey: { equals: `films/${id}` } },
      })
      expect(gone.totalDocs).toBe(0)
    })

    run('the audit finds missing, stale and orphaned entries and repairs them', async () => {
      expect(await auditSearchIndex(payload)).toMatchObject({ differing: 0, orphans: 0 })
      const harbour = ids.get('The Glass Harbour')!.id
      await payload.db.deleteMany({
        collection: 'search-entries',
        where: { contentKey: { equals: `films/${harbour}` } },
      })
      await payload.create({
        collection: 'search-entries',
        data: {
          contentKey: 'films/987654',
          titleCollection: 'films',
          locale: 'en',
          title: 'Gone',
          terms: 'gone',
        },
      })
      const found = await auditSearchIndex(payload)
      expect(found).toMatchObject({ differing: 1, orphans: 1, repaired: 0 })
      expect(found.examples).toEqual([`films/${harbour}`, 'films/987654'])
      // The rights audit covers the index when it reaches the end of the catalog, and records it.
      const audit = await runRecordedAudit(payload, { trigger: 'command', repair: true })
      expect(audit.searchIndex).toMatchObject({ differing: 1, orphans: 1, repaired: 2 })
      expect(audit.run.searchIndex).toMatchObject({ differing: 1, orphans: 1, repaired: 2 })
      expect(await auditSearchIndex(payload)).toMatchObject({ differing: 0, orphans: 0 })
      expect((await search('q=glaserne&locale=de')).body.totalDocs).toBe(1)
    })
  })
})
