import crypto from 'node:crypto'

import sharp from 'sharp'
import type { CollectionSlug, Payload } from 'payload'

import type { StaffRole } from '../../../src/roles'
import { type Country, countryTimeZones } from '../../support/countries'

/** Ids are numbers on the SQL backends (the generated types) and strings on MongoDB. */
export type Id = number

export const pngImage = async (width = 60, height = 90): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .png()
    .toBuffer()

export const imageFile = async (name = 'poster.png') => {
  const data = await pngImage()
  return { data, mimetype: 'image/png', name, size: data.length }
}

const unique = () => crypto.randomBytes(4).toString('hex')

/** Documents the catalog tests hang their records on: a series with a season, and regions. */
export type CatalogFixtures = { seriesId: Id; seasonId: Id; regionId: Id; filmId: Id }

export const createCatalogFixtures = async (payload: Payload): Promise<CatalogFixtures> => {
  const series = await payload.create({
    collection: 'series',
    data: { title: `Fixture series ${unique()}`, _status: 'published' },
  })
  const season = await payload.create({
    collection: 'seasons',
    data: { series: series.id, seasonNumber: 1, title: 'Season 1', _status: 'published' },
  })
  const region = await payload.create({
    collection: 'regions',
    data: { code: 'DE', kind: 'country', name: 'Germany', timeZone: 'Europe/Berlin' },
  })
  const film = await payload.create({
    collection: 'films',
    data: { title: `Fixture film ${unique()}`, _status: 'published' },
  })
  return { seriesId: series.id, seasonId: season.id, regionId: region.id, filmId: film.id }
}

let counter = 0
const next = () => ++counter

/** Valid data for a new document of each collection. */
export const newDocumentData = async (
  collection: CollectionSlug,
  fixtures: CatalogFixtures,
): Promise<Record<string, unknown>> => {
  const n = next()
  switch (collection) {
    case 'films':
      return { title: `Film ${unique()}` }
    case 'series':
      return { title: `Series ${unique()}` }
    case 'seasons':
      return { series: fixtures.seriesId, seasonNumber: 100 + n, title: `Season ${n}` }
    case 'episodes':
      return { season: fixtures.seasonId, episodeNumber: 100 + n, title: `Episode ${n}` }
    case 'people':
      return { name: `Person ${unique()}` }
    case 'genres':
      return { name: `Genre ${unique()}` }
    case 'images':
      return { alt: `Image ${n}` }
    case 'videos':
      return { title: `Video ${n}` }
    case 'licences':
      return {
        content: [{ relationTo: 'films', value: fixtures.filmId }],
        licenceType: 'svod',
        territories: [fixtures.regionId],
        start: '2026-01-01',
        contractId: `C-${n}`,
      }
    case 'regions':
      return { code: `G${n}`, kind: 'group', name: `Group ${n}` }
    case 'users':
      return {
        email: `user-${unique()}@example.test`,
        password: 'correct horse battery',
        roles: [],
      }
    default:
      throw new Error(`no sample data for ${collection}`)
  }
}

export const createAs = async (
  payload: Payload,
  collection: CollectionSlug,
  data: Record<string, unknown>,
) =>
  payload.create({
    collection,
    data,
    ...(collection === 'images' ? { file: await imageFile() } : {}),
  })

export type Persona = 'admin' | 'editor' | 'licensing' | 'apiConsumer' | 'public'

export type PersonaUsers = Record<Exclude<Persona, 'public'>, Record<string, unknown>>

const rolesOf: Record<Exclude<Persona, 'public'>, StaffRole[]> = {
  admin: ['admin'],
  editor: ['editor'],
  licensing: ['licensing'],
  apiConsumer: [],
}

/** One account per staff role plus a role-less API consumer (a frontend's key). */
export const createPersonas = async (payload: Payload): Promise<PersonaUsers> => {
  const users = {} as PersonaUsers
  for (const persona of Object.keys(rolesOf) as (keyof typeof rolesOf)[]) {
    const user = await payload.create({
      collection: 'users',
      data: {
        email: `${persona}-${unique()}@example.test`,
        password: 'correct horse battery',
        roles: rolesOf[persona],
      },
    })
    users[persona] = { ...user, collection: 'users' }
  }
  return users
}

type CatalogSlug = 'films' | 'series' | 'seasons' | 'episodes'

/**
 * Makes a title watchable in DE from 2020 on: a licence on it, and for a series or season a
 * published episode underneath (containers are available through their episodes).
 */
export const licenseForViewing = async (
  payload: Payload,
  collection: CatalogSlug,
  id: Id,
  fixtures: CatalogFixtures,
  territories: Id[] = [fixtures.regionId],
) => {
  const published = { _status: 'published' as const }
  if (collection === 'series') {
    const season = await payload.create({
      collection: 'seasons',
      data: { series: id, seasonNumber: 1, ...published },
    })
    await payload.create({
      collection: 'episodes',
      data: { season: season.id, episodeNumber: 1, title: 'Pilot', ...published },
    })
  }
  if (collection === 'seasons') {
    await payload.create({
      collection: 'episodes',
      data: { season: id, episodeNumber: 1, title: 'Pilot', ...published },
    })
  }
  await payload.create({
    collection: 'licences',
    data: {
      content: [{ relationTo: collection, value: id } as never],
      kind: 'grant',
      licenceType: 'svod',
      territories,
      start: '2020-01-01',
      contractId: `VIEW-${collection}-${id}`,
    },
  })
}

/** Local API options that read as a public viewer in a territory. */
export const publicViewerIn = (territory: string, at?: string) => ({
  overrideAccess: false as const,
  context: { viewerTerritory: territory, ...(at ? { availabilityAt: at } : {}) },
})

/**
 * Creates a country region for each code, named by its code and in its time zone; those in
 * `gated` require an approval number. Returns the new regions' ids by code.
 */
export const createCountries = async (
  payload: Payload,
  codes: readonly Country[],
  gated: readonly Country[] = [],
): Promise<Partial<Record<Country, Id>>> => {
  const ids: Partial<Record<Country, Id>> = {}
  for (const code of codes) {
    const region = await payload.create({
      collection: 'regions',
      data: {
        code,
        kind: 'country',
        name: code,
        timeZone: countryTimeZones[code],
        requiresApprovalNumber: gated.includes(code),
      },
    })
    ids[code] = region.id
  }
  return ids
}

/**
 * Creates a grant of `content`: SVOD in DE under a fresh contract id, but for what `data`
 * says instead.
 */
export const createGrant = (
  payload: Payload,
  content: { relationTo: string; value: Id | string },
  data: Record<string, unknown> = {},
) =>
  payload.create({
    collection: 'licences',
    data: {
      kind: 'grant',
      licenceType: 'svod',
      contractId: crypto.randomUUID(),
      territories: ['DE'],
      content: [content],
      ...data,
    } as never,
  })

/** Creates a staff user with `roles` who signs requests with the API key `apiKey`. */
export const createKeyUser = async (payload: Payload, roles: StaffRole[], apiKey: string) => {
  await payload.create({
    collection: 'users',
    data: {
      email: `${roles.join('-') || 'viewer'}-${unique()}@example.test`,
      password: 'a long password for the test',
      roles,
      enableAPIKey: true,
      apiKey,
    },
  })
}
