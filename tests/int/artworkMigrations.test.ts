import { type PostgresAdapter, sql as postgresSql } from '@payloadcms/db-postgres'
import { type SQLiteAdapter, sql as sqliteSql } from '@payloadcms/db-sqlite'
import { createLocalReq, type Payload, type PayloadRequest, type TypedLocale } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrations as postgresMigrations } from '../../migrations/postgres'
import { migrations as sqliteMigrations } from '../../migrations/sqlite'
import { sqlAdapterOf } from '../../src/rights/tableReads'
import { testBackends } from './support/backends'
import { imageFile } from './support/fixtures'
import { payloadFor, type TestPayload } from './support/payloadFor'

/**
 * Migration `localised_artwork` on a database holding artwork: the committed migrations build
 * the schema (no push), titles get posters, and the migration is taken down (the artwork goes
 * back into the documents' own columns, as before it) and up again. Every poster must survive
 * as the English one, which the other locales fall back to. The image-purpose migrations, taken
 * down and up the same way, make the images stored before them posters.
 */
const localisedArtwork = /_localised_artwork$/

type Migrator = {
  rows: (statement: string) => Promise<Record<string, unknown>[]>
  run: (statement: string) => Promise<void>
  down: (req: PayloadRequest) => Promise<void>
  up: (req: PayloadRequest) => Promise<void>
}

const migrationOf = <Migration extends { name: string }>(
  list: Migration[],
  name: RegExp,
): Migration => {
  const migration = list.find((entry) => name.test(entry.name))
  if (!migration) throw new Error(`no migration matching ${name}`)
  return migration
}

type SqliteMigrationDb = Parameters<(typeof sqliteMigrations)[number]['up']>[0]['db']
type PostgresMigrationDb = Parameters<(typeof postgresMigrations)[number]['up']>[0]['db']

const migratorFor = (payload: Payload, name = localisedArtwork): Migrator => {
  const adapter = sqlAdapterOf(payload)
  if (!adapter) throw new Error('not an SQL database')
  if (adapter.name === 'sqlite') {
    const db = (adapter as SQLiteAdapter).drizzle
    const migration = migrationOf(sqliteMigrations, name)
    return {
      rows: (statement) => db.all<Record<string, unknown>>(sqliteSql.raw(statement)),
      run: async (statement) => void (await db.run(sqliteSql.raw(statement))),
      down: (req) => migration.down({ db: db as SqliteMigrationDb, payload, req }),
      up: (req) => migration.up({ db: db as SqliteMigrationDb, payload, req }),
    }
  }
  const db = (adapter as PostgresAdapter).drizzle
  const migration = migrationOf(postgresMigrations, name)
  return {
    rows: async (statement) =>
      (await db.execute(postgresSql.raw(statement))).rows as Record<string, unknown>[],
    run: async (statement) => void (await db.execute(postgresSql.raw(statement))),
    down: (req) => migration.down({ db: db as PostgresMigrationDb, payload, req }),
    up: (req) => migration.up({ db: db as PostgresMigrationDb, payload, req }),
  }
}

describe.each(testBackends.filter((backend) => backend.kind !== 'mongodb'))(
  'artwork migrations on $kind',
  (backend) => {
    const run = it.skipIf(!backend.serverUrl)
    let ctx: TestPayload

    beforeAll(async () => {
      if (!backend.serverUrl) return
      // The committed migrations build the schema at start, as in production (no push).
      const nodeEnv = process.env.NODE_ENV
      Object.assign(process.env, { NODE_ENV: 'production' })
      try {
        ctx = await payloadFor(backend)
      } finally {
        Object.assign(process.env, { NODE_ENV: nodeEnv })
      }
    }, 300_000)
    afterAll(async () => ctx?.destroy())

    run('keeps every poster and backdrop, as the English artwork', async () => {
      const { payload } = ctx
      const migrator = migratorFor(payload)
      const image = async (alt: string) =>
        (
          await payload.create({
            collection: 'images',
            data: { purpose: 'poster', alt },
            file: await imageFile(),
          })
        ).id
      const poster = await image('Poster')
      const backdrop = await image('Backdrop')
      const latePoster = await image('Set before the migration')
      const film = await payload.create({
        collection: 'films',
        data: { title: 'Kept', poster, backdrop, _status: 'published' },
      })
      const bare = await payload.create({
        collection: 'films',
        data: { title: 'Bare', _status: 'published' },
      })
      const series = await payload.create({
        collection: 'series',
        data: { title: 'Kept series', poster, _status: 'published' },
      })
      const season = await payload.create({
        collection: 'seasons',
        data: { series: series.id, seasonNumber: 1, poster, _status: 'published' },
      })
      const req = await createLocalReq({}, payload)

      // Before the migration: one poster per document, in the documents' own columns.
      await migrator.down(req)
      const columns = await migrator.rows(
        `SELECT "id", "poster_id", "backdrop_id" FROM "films" ORDER BY "id"`,
      )
      const asIds = (value: unknown) => (value === null ? null : Number(value))
      expect(
        columns.map((row) => [Number(row.id), asIds(row.poster_id), asIds(row.backdrop_id)]),
      ).toEqual([
        [film.id, poster, backdrop],
        [bare.id, null, null],
      ])
      // A value written while the column was shared, by a title with no artwork yet.
      await migrator.run(`UPDATE "films" SET "poster_id" = ${latePoster} WHERE "id" = ${bare.id}`)

      await migrator.up(req)
      const posterIn = async (
        collection: 'films' | 'series' | 'seasons',
        id: number,
        locale: TypedLocale,
      ) => {
        const doc = await payload.findByID({ collection, id, locale, depth: 0 })
        return doc.poster
      }
      expect(await posterIn('films', film.id, 'en')).toBe(poster)
      expect(await posterIn('films', bare.id, 'en')).toBe(latePoster)
      expect(await posterIn('series', series.id, 'en')).toBe(poster)
      expect(await posterIn('seasons', season.id, 'en')).toBe(poster)
      // Other locales have none of their own and fall back to it.
      expect(await posterIn('films', film.id, 'de')).toBe(poster)
      const german = await payload.findByID({ collection: 'films', id: film.id, locale: 'de' })
      expect(german.backdrop).toMatchObject({ id: backdrop })
      const own = await migrator.rows(
        `SELECT "_locale", "poster_id" FROM "films_locales" WHERE "_parent_id" = ${film.id} ORDER BY "_locale"`,
      )
      const withPoster = own.filter((row) => row.poster_id !== null)
      expect(withPoster.map((row) => [row._locale, Number(row.poster_id)])).toEqual([
        ['en', poster],
      ])
      // The versions kept theirs too (the admin's history and drafts read them).
      const versions = await payload.findVersions({
        collection: 'films',
        where: { parent: { equals: film.id } },
        locale: 'en',
        depth: 0,
      })
      expect(versions.docs.length).toBeGreaterThan(0)
      for (const version of versions.docs) expect(version.version.poster).toBe(poster)
    })

    run('image purposes: images stored before them become posters', async () => {
      const { payload } = ctx
      const req = await createLocalReq({}, payload)
      // Back to images without purpose or renditions (newest migration first), one stored then.
      const dropSizes = migratorFor(payload, /_drop_unneeded_image_sizes$/)
      const purposes = migratorFor(payload, /_image_purpose_variants$/)
      const image = await payload.create({
        collection: 'images',
        data: { purpose: 'backdrop', alt: 'Stored before purposes' },
        file: await imageFile(),
      })
      await dropSizes.down(req)
      await purposes.down(req)
      const columns = await purposes.rows(`SELECT * FROM "images" WHERE "id" = ${image.id}`)
      expect(columns).toHaveLength(1)
      expect(Object.keys(columns[0])).not.toContain('purpose')
      await purposes.up(req)
      await dropSizes.up(req)
      const migrated = await payload.findByID({ collection: 'images', id: image.id })
      expect(migrated).toMatchObject({ purpose: 'poster', alt: 'Stored before purposes' })
      expect(migrated.url).toBe(image.url)
      // It has no renditions until it is saved again, which renders those of its purpose.
      expect(migrated.variants ?? []).toEqual([])
      const saved = await payload.update({ collection: 'images', id: image.id, data: {} })
      expect(saved.variants?.length).toBeGreaterThan(0)
    })
  },
)
