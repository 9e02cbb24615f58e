import fs from 'node:fs'
import path from 'node:path'

import countries from 'i18n-iso-countries'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Image, Region } from '../../src/payload-types'
import { films as filmSeeds } from '../../src/seed/data/films'
import { eu27Members } from '../../src/seed/data/regionGroups'
import { series as seriesSeeds } from '../../src/seed/data/series'
import { licences as licenceSeeds } from '../../src/seed/data/licences'
import {
  isEmptyDatabase,
  seedDemoCatalog,
  seedDemoCatalogIfEmpty,
  type SeedIfEmptyResult,
} from '../../src/seed/seedIfEmpty'
import { inSeedingTransaction } from '../../src/seed/seedingTransaction'
import { seedUsers } from '../../src/seed/users'
import { eidrPattern, imdbPattern } from '../../src/validation/codes'
import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'

const locales = ['en', 'de', 'zh-Hans'] as const

const seededCollections = [
  'films',
  'series',
  'seasons',
  'episodes',
  'genres',
  'people',
  'images',
  'licences',
  'regions',
  'users',
] as const

const countAll = async (payload: Payload) =>
  Object.fromEntries(
    await Promise.all(
      seededCollections.map(
        async (collection) =>
          [collection, (await payload.count({ collection })).totalDocs] as const,
      ),
    ),
  )

const regionByCode = async (payload: Payload, code: string): Promise<Region> => {
  const { docs } = await payload.find({
    collection: 'regions',
    where: { code: { equals: code } },
    depth: 1,
    locale: 'en',
  })
  expect(docs, `region ${code}`).toHaveLength(1)
  return docs[0]
}

const codesOf = (members: Region['members']): string[] =>
  (members ?? []).map((member) => (typeof member === 'object' ? member.code : String(member)))

const expectWebpSize = (
  image: Image | number | null | undefined,
  purpose: 'poster' | 'backdrop',
) => {
  expect(typeof image).toBe('object')
  const { variants, filename, purpose: stored } = image as Image
  expect(stored).toBe(purpose)
  const webp = (variants ?? []).filter((variant) => variant.format === 'webp')
  expect(webp.length).toBeGreaterThan(0)
  const aspect = purpose === 'poster' ? 2 / 3 : 16 / 9
  const mediaDir = process.env.MEDIA_DIR ?? 'media'
  expect(fs.existsSync(path.join(mediaDir, 'images', filename ?? ''))).toBe(true)
  for (const variant of variants ?? []) {
    expect(variant.width / variant.height).toBeCloseTo(aspect, 2)
    expect(fs.existsSync(path.join(mediaDir, 'images', variant.filename))).toBe(true)
  }
}

describe.each(testBackends)('demo seed on $kind', (backend) => {
  let ctx: TestPayload
  let payload: Payload
  let first: SeedIfEmptyResult
  const log: string[] = []

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    const started = performance.now()
    first = await seedDemoCatalogIfEmpty(payload, { log: (line) => log.push(line), env: {} })
    console.info(
      `[seed] ${backend.kind}: full demo seed took ${Math.round(performance.now() - started)} ms`,
    )
  }, 600_000)
  afterAll(async () => ctx?.destroy())

  const run = it.skipIf(!backend.serverUrl)

  run('seeds an empty database and prints the logins in a box', async () => {
    expect(first.seeded).toBe(true)
    expect(first.credentials?.map(({ email }) => email)).toEqual([
      'admin@reelhouse.local',
      'editor@reelhouse.local',
      'licensing@reelhouse.local',
    ])
    for (const { password } of first.credentials ?? []) expect(password).toMatch(/^\S{16,}$/)
    // No fake Mux here: the generated trailers are left out, and the log says why.
    expect(log).toContain(
      'Demo videos skipped: no local fake Mux is configured (npm run dev and npm run seed start one).',
    )
    const box = log.join('\n')
    expect(box).toContain('seeded in')
    for (const { email, password } of first.credentials ?? []) {
      expect(box).toContain(email)
      expect(box).toContain(password)
    }
    const { docs: users } = await payload.find({ collection: 'users', sort: 'email' })
    expect(users.map(({ email, roles }) => [email, roles])).toEqual([
      ['admin@reelhouse.local', ['admin']],
      ['editor@reelhouse.local', ['editor']],
      ['licensing@reelhouse.local', ['licensing']],
    ])
    const login = await payload.login({
      collection: 'users',
      data: {
        email: 'editor@reelhouse.local',
        password: first.credentials?.[1].password ?? '',
      },
    })
    expect(login.token).toBeTruthy()
  })

  run('creates at least 24 published films and a couple of drafts', async () => {
    const all = await payload.count({ collection: 'films' })
    expect(all.totalDocs).toBe(filmSeeds.length)
    const published = await payload.count({
      collection: 'films',
      where: { _status: { equals: 'published' } },
    })
    expect(published.totalDocs).toBeGreaterThanOrEqual(24)
    const drafts = await payload.count({
      collection: 'films',
      where: { _status: { equals: 'draft' } },
    })
    expect(drafts.totalDocs).toBeGreaterThanOrEqual(2)
  })

  run('stores titles in English, German and Simplified Chinese', async () => {
    for (const locale of locales) {
      const { docs } = await payload.find({
        collection: 'films',
        locale,
        fallbackLocale: false,
        pagination: false,
        depth: 0,
      })
      const titles = new Set(docs.map(({ title }) => title))
      for (const seed of filmSeeds) {
        expect(titles.has(seed.title[locale]), `${seed.key} in ${locale}`).toBe(true)
      }
    }
    const { docs } = await payload.find({
      collection: 'films',
      where: { slug: { equals: 'the-glass-harbour' } },
      locale: 'all',
      depth: 0,
    })
    expect(docs[0].title).toEqual({
      en: 'The Glass Harbour',
      de: 'Der gläserne Hafen',
      'zh-Hans': '玻璃港湾',
    })
    const zh = await payload.findByID({
      collection: 'films',
      id: docs[0].id,
      locale: 'zh-Hans',
      depth: 1,
    })
    expect(zh.tagline).toBe('每一次潮汐都会带回些什么。')
    expect(JSON.stringify(zh.synopsis)).toContain('苏格兰海岸')
    expect(zh.credits?.find(({ role }) => role === 'actor')?.character).toBe('艾拉·莫雷')
    expect(zh.genres?.map((genre) => (typeof genre === 'object' ? genre.name : genre))).toEqual([
      '剧情',
      '悬疑',
    ])
    expect(zh.externalIds?.imdb).toMatch(imdbPattern)
    expect(zh.externalIds?.eidr).toMatch(eidrPattern)
  })

  run('gives some titles, not all, an NRTA approval number', async () => {
    const withApproval = await payload.count({
      collection: 'films',
      where: { cnApprovalNumber: { exists: true } },
    })
    expect(withApproval.totalDocs).toBeGreaterThan(0)
    expect(withApproval.totalDocs).toBeLessThan(filmSeeds.length)
    const { docs } = await payload.find({
      collection: 'films',
      where: { cnApprovalNumber: { exists: true } },
      pagination: false,
      depth: 0,
    })
    for (const film of docs) expect(film.cnApprovalNumber).toMatch(/^\(\d{4}\)影字第\d{3}号$/)
  })

  run('creates 3 series of 2-3 seasons with 3-6 episodes each', async () => {
    const { docs: allSeries } = await payload.find({
      collection: 'series',
      pagination: false,
      depth: 0,
      locale: 'de',
    })
    expect(allSeries).toHaveLength(3)
    expect(allSeries.map(({ title }) => title).sort()).toEqual(
      seriesSeeds.map(({ title }) => title.de).sort(),
    )
    for (const show of allSeries) {
      const { docs: seasons } = await payload.find({
        collection: 'seasons',
        where: { series: { equals: show.id } },
        sort: 'seasonNumber',
        pagination: false,
        depth: 0,
        locale: 'zh-Hans',
      })
      expect(seasons.length).toBeGreaterThanOrEqual(2)
      expect(seasons.length).toBeLessThanOrEqual(3)
      expect(seasons[0].title).toBe('第一季')
      for (const season of seasons) {
        const episodes = await payload.count({
          collection: 'episodes',
          where: { season: { equals: season.id } },
        })
        expect(episodes.totalDocs).toBeGreaterThanOrEqual(3)
        expect(episodes.totalDocs).toBeLessThanOrEqual(6)
      }
    }
  })

  run('makes every ISO 3166-1 country a region', async () => {
    const isoCodes = Object.keys(countries.getAlpha2Codes())
    const { docs } = await payload.find({
      collection: 'regions',
      where: { kind: { equals: 'country' } },
      pagination: false,
      depth: 0,
      locale: 'zh-Hans',
    })
    expect(docs).toHaveLength(isoCodes.length)
    expect(docs.map(({ code }) => code).sort()).toEqual(isoCodes.sort())
    expect(docs.every(({ timeZone }) => typeof timeZone === 'string' && timeZone !== '')).toBe(true)
    expect(docs.find(({ code }) => code === 'DE')?.name).toBe('德国')
  })

  run('sets the launch territories, their time zones and the CN approval gate', async () => {
    const expected = { DE: 'Europe/Berlin', US: 'America/New_York', CN: 'Asia/Shanghai' }
    for (const [code, timeZone] of Object.entries(expected)) {
      const region = await regionByCode(payload, code)
      expect(region.timeZone).toBe(timeZone)
      expect(region.requiresApprovalNumber).toBe(code === 'CN')
    }
    const germany = await payload.findByID({
      collection: 'regions',
      id: (await regionByCode(payload, 'DE')).id,
      locale: 'de',
    })
    expect(germany.name).toBe('Deutschland')
  })

  run('groups DACH, EU27 and the launch territories', async () => {
    expect(codesOf((await regionByCode(payload, 'DACH')).members).sort()).toEqual([
      'AT',
      'CH',
      'DE',
    ])
    const eu = await regionByCode(payload, 'EU27')
    expect(eu.kind).toBe('group')
    expect(codesOf(eu.members)).toHaveLength(27)
    expect(codesOf(eu.members).sort()).toEqual([...eu27Members].sort())
    expect(codesOf((await regionByCode(payload, 'LAUNCH')).members).sort()).toEqual([
      'CN',
      'DE',
      'US',
    ])
  })

  run(
    'gives films and series posters and backdrops with WebP renditions of their purpose',
    async () => {
      const { docs: films } = await payload.find({
        collection: 'films',
        pagination: false,
        depth: 1,
        locale: 'de',
      })
      const { docs: allSeries } = await payload.find({
        collection: 'series',
        pagination: false,
        depth: 1,
        locale: 'de',
      })
      for (const title of [...films, ...allSeries]) {
        expectWebpSize(title.poster, 'poster')
        expectWebpSize(title.backdrop, 'backdrop')
      }
      const poster = films.find(({ slug }) => slug === 'the-glass-harbour')?.poster as Image
      expect(poster.alt).toBe('Plakat zu „Der gläserne Hafen“ (2023)')
      expect(poster.width! / poster.height!).toBeCloseTo(2 / 3)
      const posterIds = new Set(films.map(({ poster: image }) => (image as Image).id))
      expect(posterIds.size).toBe(films.length)
      // The German market has a poster of its own (the German title); English is another image,
      // and Chinese, having none, falls back to the English one.
      const glassHarbour = async (locale: 'en' | 'zh-Hans') => {
        const { docs } = await payload.find({
          collection: 'films',
          where: { slug: { equals: 'the-glass-harbour' } },
          depth: 1,
          locale,
        })
        return docs[0]?.poster as Image
      }
      const english = await glassHarbour('en')
      expect(english.id).not.toBe(poster.id)
      expect(english.alt).toBe('Poster for “The Glass Harbour” (2023)')
      expect((await glassHarbour('zh-Hans')).id).toBe(english.id)
    },
  )

  run('creates licences: grants, an exclusive one, hard and soft holdbacks', async () => {
    const { docs } = await payload.find({
      collection: 'licences',
      pagination: false,
      depth: 0,
    })
    expect(docs).toHaveLength(licenceSeeds.length)
    expect(docs.length).toBeGreaterThanOrEqual(8)
    expect(docs.every(({ contractId }) => /^RH-\d{4}-\d{4}$/.test(contractId ?? ''))).toBe(true)
    expect(docs.some(({ exclusive }) => exclusive)).toBe(true)
    expect(docs.some(({ end }) => !end)).toBe(true)
    const holdbacks = docs.filter(({ kind }) => kind === 'holdback')
    expect(holdbacks.map(({ holdbackStrength }) => holdbackStrength).sort()).toEqual([
      'hard',
      'soft',
    ])
    const kinds = new Set(docs.flatMap(({ content }) => content.map((item) => item.relationTo)))
    expect([...kinds].sort()).toEqual(['films', 'seasons', 'series'])
    expect(new Set(docs.map(({ licenceType }) => licenceType))).toEqual(new Set(['svod', 'avod']))
  })

  run('licenses most published films in DE, US or CN', async () => {
    const { docs } = await payload.find({
      collection: 'licences',
      where: { kind: { equals: 'grant' } },
      pagination: false,
      depth: 0,
    })
    const licensed = new Set(
      docs.flatMap(({ content }) =>
        content.filter((item) => item.relationTo === 'films').map((item) => item.value),
      ),
    )
    const published = await payload.find({
      collection: 'films',
      where: { _status: { equals: 'published' } },
      pagination: false,
      depth: 0,
    })
    const covered = published.docs.filter((film) => licensed.has(film.id))
    expect(covered.length / published.docs.length).toBeGreaterThan(0.8)
  })

  run('seeding again adds nothing', async () => {
    const before = await countAll(payload)
    const second = await seedDemoCatalogIfEmpty(payload, { log: () => {}, env: {} })
    expect(second.seeded).toBe(false)
    const started = performance.now()
    const forced = await seedDemoCatalog(payload, { env: {} })
    console.info(
      `[seed] ${backend.kind}: seeding a seeded database took ${Math.round(performance.now() - started)} ms`,
    )
    expect(forced.credentials).toEqual([])
    expect(await countAll(payload)).toEqual(before)
  })
})

describe('demo accounts when ADMIN_EMAIL and ADMIN_PASSWORD are set', () => {
  const sqlite = testBackends.find(({ kind }) => kind === 'sqlite')!
  const env = { ADMIN_EMAIL: 'Boss@Example.test', ADMIN_PASSWORD: 'correct horse battery' }
  let ctx: TestPayload

  beforeAll(async () => {
    // The SQLite adapter skips pushing a schema it pushed before in this process, which would
    // leave this second in-memory database without tables.
    process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
    ctx = await payloadFor(sqlite, env)
  })
  afterAll(async () => {
    delete process.env.PAYLOAD_FORCE_DRIZZLE_PUSH
    await ctx?.destroy()
  })

  it('still counts as empty with only the administrator created at start-up', async () => {
    const { payload } = ctx
    const { docs } = await payload.find({ collection: 'users' })
    expect(docs.map(({ email }) => email)).toEqual(['boss@example.test'])
    expect(await isEmptyDatabase(payload, env)).toBe(true)
    expect(await isEmptyDatabase(payload, {})).toBe(false)
  })

  it('gives every demo account ADMIN_PASSWORD and keeps the existing administrator', async () => {
    const { payload } = ctx
    const { created, credentials } = await inSeedingTransaction(payload, (req) =>
      seedUsers(req, env),
    )
    expect(created).toBe(2)
    expect(credentials).toEqual([
      { email: 'boss@example.test', password: env.ADMIN_PASSWORD },
      { email: 'editor@reelhouse.local', password: env.ADMIN_PASSWORD },
      { email: 'licensing@reelhouse.local', password: env.ADMIN_PASSWORD },
    ])
    const login = await payload.login({
      collection: 'users',
      data: { email: 'licensing@reelhouse.local', password: env.ADMIN_PASSWORD },
    })
    expect(login.user?.roles).toEqual(['licensing'])
    expect(await isEmptyDatabase(payload, env)).toBe(false)
  })
})
