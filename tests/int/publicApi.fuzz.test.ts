import crypto from 'node:crypto'

import fc from 'fast-check'
import type { FlattenedField, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { servePayloadOverHttp, type PayloadHttpServer } from '../fakes/payloadHttp'
import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'
import {
  createPublicCatalog,
  hiddenIdsIn,
  type CatalogSlug,
  type PublicCatalog,
} from './support/publicCatalog'

const numRuns = Number(process.env.FUZZ_RUNS ?? 500)

const wholeSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

const catalogSlugs: CatalogSlug[] = ['films', 'series', 'seasons', 'episodes']
const slugs = [...catalogSlugs, 'people', 'genres', 'images', 'videos']

const operators = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'contains',
  'like',
  'not_like',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'near',
  'within',
  'intersects',
  'bogus',
]

/** Field paths of a collection: its fields, and one level into relationship targets. */
const fieldPaths = (payload: Payload, slug: string): string[] => {
  const own = (fields: FlattenedField[]) =>
    fields.filter((field) => 'name' in field && field.name).map((field) => field.name)
  const fields = payload.collections[slug as CatalogSlug].config.flattenedFields
  const paths = ['id', '_status', 'createdAt', ...own(fields)]
  for (const field of fields) {
    if (field.type !== 'relationship' && field.type !== 'upload' && field.type !== 'join') continue
    const target = field.type === 'join' ? field.collection : field.relationTo
    for (const related of Array.isArray(target) ? target : [target]) {
      const relatedFields = payload.collections[related as CatalogSlug]?.config.flattenedFields
      for (const name of own(relatedFields ?? []).slice(0, 12)) paths.push(`${field.name}.${name}`)
    }
  }
  return paths
}

const joinFields = (payload: Payload, slug: string) =>
  payload.collections[slug as CatalogSlug].config.flattenedFields
    .filter((field) => field.type === 'join')
    .map((field) => field.name)

/** A query string built from the collection's schema: where, sort, paging, depth, locale, joins. */
const queryFor = (payload: Payload, slug: string, ids: number[]) => {
  const paths = fieldPaths(payload, slug)
  const joins = joinFields(payload, slug)
  const path = fc.constantFrom(...paths)
  const value = fc.oneof(
    fc.constantFrom('x', '', 'null', 'true', 'false', '2020-01-01', '%27', 'a,b', 'DE', '1,2'),
    fc.integer({ min: -2, max: 5000 }).map(String),
    fc.constantFrom(...ids.map(String)),
    fc.string({ maxLength: 6 }),
  )
  const condition = fc
    .tuple(path, fc.constantFrom(...operators), value)
    .map(([field, operator, text]) => ({ field, operator, text }))
  const where = fc.array(
    fc.tuple(fc.constantFrom('', 'or', 'and'), fc.integer({ min: 0, max: 1 }), condition),
    { maxLength: 3 },
  )
  const param = (name: string, values: fc.Arbitrary<string>) =>
    fc.option(
      values.map((text) => `${name}=${encodeURIComponent(text)}`),
      { nil: undefined },
    )
  const number = fc.oneof(
    fc.integer({ min: -1, max: 150 }).map(String),
    fc.constantFrom('abc', '1e3', '', '2.5'),
  )
  const join =
    joins.length === 0
      ? fc.constant<string[]>([])
      : fc.array(
          fc
            .tuple(
              fc.constantFrom(...joins),
              fc.constantFrom('limit', 'sort', 'page', 'count', 'where'),
              fc.oneof(
                number,
                path,
                path.map((text) => `-${text}`),
              ),
              condition,
            )
            .map(([name, key, text, inner]) =>
              key === 'where'
                ? `joins[${name}][where][${inner.field}][${inner.operator}]=${encodeURIComponent(inner.text)}`
                : `joins[${name}][${key}]=${encodeURIComponent(text)}`,
            ),
          { maxLength: 2 },
        )
  return fc
    .record({
      where,
      rawWhere: fc.option(fc.constantFrom('garbage', '{"title":{"equals":"x"}}', '[]', '{'), {
        nil: undefined,
      }),
      limit: param('limit', number),
      page: param('page', number),
      depth: param('depth', fc.oneof(fc.integer({ min: -1, max: 6 }).map(String), number)),
      sort: param(
        'sort',
        fc.oneof(
          path,
          path.map((text) => `-${text}`),
        ),
      ),
      locale: param('locale', fc.constantFrom('en', 'de', 'zh-Hans', 'all', '*', 'xx', 'EN', '')),
      fallback: param('fallback-locale', fc.constantFrom('none', 'de', 'xx')),
      draft: param('draft', fc.constantFrom('true', 'false')),
      pagination: param('pagination', fc.constantFrom('false', 'true')),
      select: fc.option(
        path.map((text) => `select[${text}]=true`),
        { nil: undefined },
      ),
      joins: join,
    })
    .map((parts) => {
      const query: string[] = parts.where.map(([group, index, { field, operator, text }]) =>
        group
          ? `where[${group}][${index}][${field}][${operator}]=${encodeURIComponent(text)}`
          : `where[${field}][${operator}]=${encodeURIComponent(text)}`,
      )
      if (parts.rawWhere) query.push(`where=${encodeURIComponent(parts.rawWhere)}`)
      for (const key of [
        'limit',
        'page',
        'depth',
        'sort',
        'locale',
        'fallback',
        'draft',
        'pagination',
        'select',
      ] as const) {
        if (parts[key]) query.push(parts[key])
      }
      query.push(...parts.joins)
      return query.join('&')
    })
}

describe.each(testBackends)('public REST fuzz on $kind', (backend) => {
  let ctx: TestPayload
  let http: PayloadHttpServer
  let catalog: PublicCatalog
  const run = it.skipIf(!backend.serverUrl)

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    catalog = await createPublicCatalog(ctx.payload)
    http = await servePayloadOverHttp(ctx.payload)
  })
  afterAll(async () => {
    await http?.close()
    await ctx?.destroy()
  })

  run(
    `${numRuns} generated public queries: never a 5xx, never a title unavailable in DE`,
    async () => {
      const ids = [
        ...Object.values(catalog.visible).flat(),
        ...Object.values(catalog.hidden).flat(),
      ]
      const request = fc.constantFrom(...slugs).chain((slug) =>
        fc.record({
          slug: fc.constant(slug),
          target: fc.oneof(
            { weight: 6, arbitrary: fc.constant('') },
            { weight: 2, arbitrary: fc.constantFrom(...ids).map((id) => `/${id}`) },
            { weight: 1, arbitrary: fc.constantFrom('/count', '/abc', '/0', '/distinct') },
          ),
          query: queryFor(ctx.payload, slug, ids),
          consumer: fc.boolean(),
        }),
      )
      await fc.assert(
        fc.asyncProperty(request, async ({ slug, target, query, consumer }) => {
          const url = `${http.url}/api/${slug}${target}${query ? `?${query}` : ''}`
          const response = await fetch(url, {
            headers: {
              'x-viewer-territory': 'DE',
              ...(consumer ? { authorization: `users API-Key ${catalog.consumerKey}` } : {}),
            },
          })
          const text = await response.text()
          expect(response.status, `${url}\n${text.slice(0, 300)}`).toBeLessThan(500)
          const body: unknown = text ? JSON.parse(text) : null
          expect(hiddenIdsIn(body, slug, catalog.hidden), url).toEqual([])
          for (const title of catalog.hiddenTitles) {
            expect(text.includes(title), `${url} shows "${title}"`).toBe(false)
          }
        }),
        { numRuns, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
      )
    },
    180_000,
  )

  run(
    `${Math.ceil(numRuns / 5)} generated searches: never a 5xx, never a title unavailable in DE`,
    async () => {
      const words = [
        ...new Set(
          catalog.hiddenTitles
            .concat(['Visible film', 'Visible series'])
            .flatMap((title) => title.split(' ')),
        ),
      ]
      const text = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...words) },
        {
          weight: 2,
          arbitrary: fc.array(fc.constantFrom(...words), { maxLength: 3 }).map((w) => w.join(' ')),
        },
        { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
        { weight: 1, arbitrary: fc.constantFrom('%', '_', '|', "'", 'ä', '西安', 'xi1an1', '') },
        { weight: 1, arbitrary: fc.string({ minLength: 95, maxLength: 110 }) },
      )
      const param = (name: string, values: fc.Arbitrary<string>) =>
        fc.option(
          values.map((value) => `${name}=${encodeURIComponent(value)}`),
          { nil: undefined },
        )
      const number = fc.oneof(
        fc.integer({ min: -1, max: 150 }).map(String),
        fc.constantFrom('abc', '1e3', '', '2.5'),
      )
      const request = fc.record({
        q: param('q', text),
        locale: param('locale', fc.constantFrom('en', 'de', 'zh-Hans', 'all', 'xx', '')),
        limit: param('limit', number),
        page: param('page', number),
        consumer: fc.boolean(),
      })
      await fc.assert(
        fc.asyncProperty(request, async ({ consumer, ...parts }) => {
          const query = Object.values(parts).filter(Boolean).join('&')
          const url = `${http.url}/api/search?${query}`
          const response = await fetch(url, {
            headers: {
              'x-viewer-territory': 'DE',
              ...(consumer ? { authorization: `users API-Key ${catalog.consumerKey}` } : {}),
            },
          })
          const text = await response.text()
          expect(response.status, `${url}\n${text.slice(0, 300)}`).toBeLessThan(500)
          const body = JSON.parse(text) as {
            docs?: { id: number; collection: CatalogSlug }[]
            totalDocs?: number
          }
          for (const doc of body.docs ?? []) {
            expect(catalog.hidden[doc.collection]?.includes(doc.id), url).toBe(false)
          }
          if (response.status === 200 && body.totalDocs !== undefined) {
            const visible = catalog.visible.films.length + catalog.visible.series.length
            expect(body.totalDocs, url).toBeLessThanOrEqual(visible)
          }
          for (const title of catalog.hiddenTitles) {
            expect(text.includes(title), `${url} shows "${title}"`).toBe(false)
          }
        }),
        {
          numRuns: Math.ceil(numRuns / 5),
          seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
        },
      )
    },
    180_000,
  )

  run(
    `${Math.ceil(numRuns / 5)} generated rail requests: never a 5xx, never a hidden title, coming soon without the main video`,
    async () => {
      const { payload } = ctx
      const { docs: genres } = await payload.find({ collection: 'genres', limit: 1 })
      const genreSlug = genres[0].slug ?? ''
      const mainVideo = await payload.db.create({
        collection: 'videos',
        data: {
          title: 'Main',
          status: 'ready',
          playbackPolicy: 'public',
          playbackIds: [
            {
              id: crypto.randomBytes(12).toString('hex'),
              playbackId: 'FUZZMAINVIDEO',
              policy: 'public',
            },
          ],
        },
      })
      const announcedTitle = `ANNOUNCED ${crypto.randomBytes(3).toString('hex')}`
      const announced = await payload.create({
        collection: 'films',
        data: {
          title: announcedTitle,
          _status: 'published',
          genres: [genres[0].id],
          video: mainVideo.id as number,
        },
      })
      await payload.create({
        collection: 'licences',
        data: {
          content: [{ relationTo: 'films', value: announced.id }],
          kind: 'grant',
          licenceType: 'svod',
          territories: ['DE'],
          start: wholeSeconds(Date.now() + 30 * 86_400_000),
          announceAt: wholeSeconds(Date.now() - 86_400_000),
          contractId: `FUZZ-announced-${announced.id}`,
        } as never,
      })
      const refs = (['films', 'series'] as const).flatMap((relationTo) =>
        [...catalog.visible[relationTo], ...catalog.hidden[relationTo]].map((value) => ({
          relationTo,
          value,
        })),
      )
      const rails = [
        await payload.create({
          collection: 'rails',
          data: {
            title: 'All',
            kind: 'curated',
            titles: [...refs, { relationTo: 'films', value: announced.id }],
          },
        }),
        ...(await Promise.all(
          (['new', 'leaving-soon', 'coming-soon'] as const).map((kind) =>
            payload.create({ collection: 'rails', data: { title: kind, kind, days: 365 } }),
          ),
        )),
        await payload.create({
          collection: 'rails',
          data: { title: 'Genre', kind: 'genre', genre: genres[0].id },
        }),
      ]
      const ids = [
        ...Object.values(catalog.visible).flat(),
        ...Object.values(catalog.hidden).flat(),
      ]
      const kinds = [
        'new',
        'leaving-soon',
        'coming-soon',
        `genre:${genreSlug}`,
        'genre:nope',
        'genre:',
        'bogus',
        'NEW',
        'count',
      ]
      const railParams = fc
        .record(
          {
            days: fc.oneof(fc.integer({ min: -1, max: 400 }).map(String), fc.constantFrom('x', '')),
            limit: fc.oneof(
              fc.integer({ min: -1, max: 150 }).map(String),
              fc.constantFrom('x', ''),
            ),
            locale: fc.constantFrom('en', 'de', 'zh-Hans', 'xx'),
          },
          { requiredKeys: [] },
        )
        .map((params) =>
          Object.entries(params)
            .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
            .join('&'),
        )
      const request = fc.oneof(
        fc.record({
          target: fc.constantFrom(...kinds).map((kind) => `/${kind}`),
          query: railParams,
          consumer: fc.boolean(),
        }),
        fc.record({
          target: fc.oneof(fc.constant(''), fc.constantFrom(...rails.map((rail) => `/${rail.id}`))),
          query: queryFor(payload, 'rails', ids),
          consumer: fc.boolean(),
        }),
      )
      type Item = { relationTo: 'films' | 'series'; value: { id: number } }
      await fc.assert(
        fc.asyncProperty(request, async ({ target, query, consumer }) => {
          const url = `${http.url}/api/rails${target}${query ? `?${query}` : ''}`
          const response = await fetch(url, {
            headers: {
              'x-viewer-territory': 'DE',
              ...(consumer ? { authorization: `users API-Key ${catalog.consumerKey}` } : {}),
            },
          })
          const text = await response.text()
          expect(response.status, `${url}\n${text.slice(0, 300)}`).toBeLessThan(500)
          for (const title of catalog.hiddenTitles) {
            expect(text.includes(title), `${url} shows "${title}"`).toBe(false)
          }
          expect(text, url).not.toContain('FUZZMAINVIDEO')
          const body = (text ? JSON.parse(text) : null) as {
            items?: Item[]
            kind?: string
            docs?: { kind?: string; items?: Item[] }[]
          } | null
          const answers = body?.docs ?? (body ? [body] : [])
          for (const answer of answers) {
            const comingSoon = answer.kind === 'coming-soon'
            for (const item of answer.items ?? []) {
              expect(catalog.hidden[item.relationTo].includes(item.value.id), url).toBe(false)
              if (!comingSoon) expect(item.value.id, url).not.toBe(announced.id)
            }
            if (!comingSoon) expect(JSON.stringify(answer), url).not.toContain(announcedTitle)
          }
        }),
        {
          numRuns: Math.ceil(numRuns / 5),
          seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
        },
      )
    },
    180_000,
  )
})
