import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import {
  restoreArtworkIntoDefaultLocale,
  restoreArtworkIntoDocuments,
  stashDefaultLocaleArtwork,
  stashDocumentArtwork,
} from '../shared/localisedArtwork'

const runAll = async (db: MigrateUpArgs['db'], statements: string[]) => {
  for (const statement of statements) await db.run(sql.raw(statement))
}

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Existing artwork becomes the English (default-locale) artwork: nothing is lost.
  await runAll(db, stashDocumentArtwork())
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_films\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`release_year\` numeric,
  	\`original_language\` text,
  	\`external_ids_eidr\` text,
  	\`external_ids_imdb\` text,
  	\`cn_approval_number\` text,
  	\`runtime_minutes\` numeric,
  	\`video_id\` integer,
  	\`trailer_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`video_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`trailer_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_films\`("id", "slug", "release_year", "original_language", "external_ids_eidr", "external_ids_imdb", "cn_approval_number", "runtime_minutes", "video_id", "trailer_id", "updated_at", "created_at", "_status") SELECT "id", "slug", "release_year", "original_language", "external_ids_eidr", "external_ids_imdb", "cn_approval_number", "runtime_minutes", "video_id", "trailer_id", "updated_at", "created_at", "_status" FROM \`films\`;`)
  await db.run(sql`DROP TABLE \`films\`;`)
  await db.run(sql`ALTER TABLE \`__new_films\` RENAME TO \`films\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`films_slug_idx\` ON \`films\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`films_video_idx\` ON \`films\` (\`video_id\`);`)
  await db.run(sql`CREATE INDEX \`films_trailer_idx\` ON \`films\` (\`trailer_id\`);`)
  await db.run(sql`CREATE INDEX \`films_updated_at_idx\` ON \`films\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`films_created_at_idx\` ON \`films\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`films__status_idx\` ON \`films\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__films_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_release_year\` numeric,
  	\`version_original_language\` text,
  	\`version_external_ids_eidr\` text,
  	\`version_external_ids_imdb\` text,
  	\`version_cn_approval_number\` text,
  	\`version_runtime_minutes\` numeric,
  	\`version_video_id\` integer,
  	\`version_trailer_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_video_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_trailer_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__films_v\`("id", "parent_id", "version_slug", "version_release_year", "version_original_language", "version_external_ids_eidr", "version_external_ids_imdb", "version_cn_approval_number", "version_runtime_minutes", "version_video_id", "version_trailer_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_slug", "version_release_year", "version_original_language", "version_external_ids_eidr", "version_external_ids_imdb", "version_cn_approval_number", "version_runtime_minutes", "version_video_id", "version_trailer_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_films_v\`;`)
  await db.run(sql`DROP TABLE \`_films_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__films_v\` RENAME TO \`_films_v\`;`)
  await db.run(sql`CREATE INDEX \`_films_v_parent_idx\` ON \`_films_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_slug_idx\` ON \`_films_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_video_idx\` ON \`_films_v\` (\`version_video_id\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_trailer_idx\` ON \`_films_v\` (\`version_trailer_id\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_updated_at_idx\` ON \`_films_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_created_at_idx\` ON \`_films_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version__status_idx\` ON \`_films_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_created_at_idx\` ON \`_films_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_updated_at_idx\` ON \`_films_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_snapshot_idx\` ON \`_films_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_published_locale_idx\` ON \`_films_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_latest_idx\` ON \`_films_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_autosave_idx\` ON \`_films_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_series\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`release_year\` numeric,
  	\`original_language\` text,
  	\`external_ids_eidr\` text,
  	\`external_ids_imdb\` text,
  	\`cn_approval_number\` text,
  	\`trailer_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`trailer_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_series\`("id", "slug", "release_year", "original_language", "external_ids_eidr", "external_ids_imdb", "cn_approval_number", "trailer_id", "updated_at", "created_at", "_status") SELECT "id", "slug", "release_year", "original_language", "external_ids_eidr", "external_ids_imdb", "cn_approval_number", "trailer_id", "updated_at", "created_at", "_status" FROM \`series\`;`)
  await db.run(sql`DROP TABLE \`series\`;`)
  await db.run(sql`ALTER TABLE \`__new_series\` RENAME TO \`series\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`series_slug_idx\` ON \`series\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`series_trailer_idx\` ON \`series\` (\`trailer_id\`);`)
  await db.run(sql`CREATE INDEX \`series_updated_at_idx\` ON \`series\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`series_created_at_idx\` ON \`series\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`series__status_idx\` ON \`series\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__series_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_release_year\` numeric,
  	\`version_original_language\` text,
  	\`version_external_ids_eidr\` text,
  	\`version_external_ids_imdb\` text,
  	\`version_cn_approval_number\` text,
  	\`version_trailer_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_trailer_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__series_v\`("id", "parent_id", "version_slug", "version_release_year", "version_original_language", "version_external_ids_eidr", "version_external_ids_imdb", "version_cn_approval_number", "version_trailer_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_slug", "version_release_year", "version_original_language", "version_external_ids_eidr", "version_external_ids_imdb", "version_cn_approval_number", "version_trailer_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_series_v\`;`)
  await db.run(sql`DROP TABLE \`_series_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__series_v\` RENAME TO \`_series_v\`;`)
  await db.run(sql`CREATE INDEX \`_series_v_parent_idx\` ON \`_series_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version_slug_idx\` ON \`_series_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version_trailer_idx\` ON \`_series_v\` (\`version_trailer_id\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version_updated_at_idx\` ON \`_series_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version_created_at_idx\` ON \`_series_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version__status_idx\` ON \`_series_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_created_at_idx\` ON \`_series_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_updated_at_idx\` ON \`_series_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_snapshot_idx\` ON \`_series_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_published_locale_idx\` ON \`_series_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_latest_idx\` ON \`_series_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_autosave_idx\` ON \`_series_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_seasons\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`series_id\` integer,
  	\`season_number\` numeric,
  	\`external_ids_eidr\` text,
  	\`external_ids_imdb\` text,
  	\`cn_approval_number\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_seasons\`("id", "series_id", "season_number", "external_ids_eidr", "external_ids_imdb", "cn_approval_number", "updated_at", "created_at", "_status") SELECT "id", "series_id", "season_number", "external_ids_eidr", "external_ids_imdb", "cn_approval_number", "updated_at", "created_at", "_status" FROM \`seasons\`;`)
  await db.run(sql`DROP TABLE \`seasons\`;`)
  await db.run(sql`ALTER TABLE \`__new_seasons\` RENAME TO \`seasons\`;`)
  await db.run(sql`CREATE INDEX \`seasons_series_idx\` ON \`seasons\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`seasons_updated_at_idx\` ON \`seasons\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`seasons_created_at_idx\` ON \`seasons\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`seasons__status_idx\` ON \`seasons\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`series_seasonNumber_idx\` ON \`seasons\` (\`series_id\`,\`season_number\`);`)
  await db.run(sql`CREATE TABLE \`__new__seasons_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_series_id\` integer,
  	\`version_season_number\` numeric,
  	\`version_external_ids_eidr\` text,
  	\`version_external_ids_imdb\` text,
  	\`version_cn_approval_number\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__seasons_v\`("id", "parent_id", "version_series_id", "version_season_number", "version_external_ids_eidr", "version_external_ids_imdb", "version_cn_approval_number", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_series_id", "version_season_number", "version_external_ids_eidr", "version_external_ids_imdb", "version_cn_approval_number", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_seasons_v\`;`)
  await db.run(sql`DROP TABLE \`_seasons_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__seasons_v\` RENAME TO \`_seasons_v\`;`)
  await db.run(sql`CREATE INDEX \`_seasons_v_parent_idx\` ON \`_seasons_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_version_version_series_idx\` ON \`_seasons_v\` (\`version_series_id\`);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_version_version_updated_at_idx\` ON \`_seasons_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_version_version_created_at_idx\` ON \`_seasons_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_version_version__status_idx\` ON \`_seasons_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_created_at_idx\` ON \`_seasons_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_updated_at_idx\` ON \`_seasons_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_snapshot_idx\` ON \`_seasons_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_published_locale_idx\` ON \`_seasons_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_latest_idx\` ON \`_seasons_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_autosave_idx\` ON \`_seasons_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version_series_version_seasonNumber_idx\` ON \`_seasons_v\` (\`version_series_id\`,\`version_season_number\`);`)
  await db.run(sql`ALTER TABLE \`films_locales\` ADD \`poster_id\` integer REFERENCES images(id);`)
  await db.run(sql`ALTER TABLE \`films_locales\` ADD \`backdrop_id\` integer REFERENCES images(id);`)
  await db.run(sql`CREATE INDEX \`films_poster_idx\` ON \`films_locales\` (\`poster_id\`,\`_locale\`);`)
  await db.run(sql`CREATE INDEX \`films_backdrop_idx\` ON \`films_locales\` (\`backdrop_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`_films_v_locales\` ADD \`version_poster_id\` integer REFERENCES images(id);`)
  await db.run(sql`ALTER TABLE \`_films_v_locales\` ADD \`version_backdrop_id\` integer REFERENCES images(id);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_poster_idx\` ON \`_films_v_locales\` (\`version_poster_id\`,\`_locale\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_backdrop_idx\` ON \`_films_v_locales\` (\`version_backdrop_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`series_locales\` ADD \`poster_id\` integer REFERENCES images(id);`)
  await db.run(sql`ALTER TABLE \`series_locales\` ADD \`backdrop_id\` integer REFERENCES images(id);`)
  await db.run(sql`CREATE INDEX \`series_poster_idx\` ON \`series_locales\` (\`poster_id\`,\`_locale\`);`)
  await db.run(sql`CREATE INDEX \`series_backdrop_idx\` ON \`series_locales\` (\`backdrop_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`_series_v_locales\` ADD \`version_poster_id\` integer REFERENCES images(id);`)
  await db.run(sql`ALTER TABLE \`_series_v_locales\` ADD \`version_backdrop_id\` integer REFERENCES images(id);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version_poster_idx\` ON \`_series_v_locales\` (\`version_poster_id\`,\`_locale\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version_backdrop_idx\` ON \`_series_v_locales\` (\`version_backdrop_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`seasons_locales\` ADD \`poster_id\` integer REFERENCES images(id);`)
  await db.run(sql`CREATE INDEX \`seasons_poster_idx\` ON \`seasons_locales\` (\`poster_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`_seasons_v_locales\` ADD \`version_poster_id\` integer REFERENCES images(id);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_version_version_poster_idx\` ON \`_seasons_v_locales\` (\`version_poster_id\`,\`_locale\`);`)
  await runAll(db, restoreArtworkIntoDefaultLocale())
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await runAll(db, stashDefaultLocaleArtwork())
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_films_locales\` (
  	\`title\` text,
  	\`sort_title\` text,
  	\`tagline\` text,
  	\`synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_films_locales\`("title", "sort_title", "tagline", "synopsis", "id", "_locale", "_parent_id") SELECT "title", "sort_title", "tagline", "synopsis", "id", "_locale", "_parent_id" FROM \`films_locales\`;`)
  await db.run(sql`DROP TABLE \`films_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new_films_locales\` RENAME TO \`films_locales\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`films_sort_title_idx\` ON \`films_locales\` (\`sort_title\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`films_locales_locale_parent_id_unique\` ON \`films_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__films_v_locales\` (
  	\`version_title\` text,
  	\`version_sort_title\` text,
  	\`version_tagline\` text,
  	\`version_synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_films_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__films_v_locales\`("version_title", "version_sort_title", "version_tagline", "version_synopsis", "id", "_locale", "_parent_id") SELECT "version_title", "version_sort_title", "version_tagline", "version_synopsis", "id", "_locale", "_parent_id" FROM \`_films_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_films_v_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new__films_v_locales\` RENAME TO \`_films_v_locales\`;`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_sort_title_idx\` ON \`_films_v_locales\` (\`version_sort_title\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`_films_v_locales_locale_parent_id_unique\` ON \`_films_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_series_locales\` (
  	\`title\` text,
  	\`sort_title\` text,
  	\`tagline\` text,
  	\`synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_series_locales\`("title", "sort_title", "tagline", "synopsis", "id", "_locale", "_parent_id") SELECT "title", "sort_title", "tagline", "synopsis", "id", "_locale", "_parent_id" FROM \`series_locales\`;`)
  await db.run(sql`DROP TABLE \`series_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new_series_locales\` RENAME TO \`series_locales\`;`)
  await db.run(sql`CREATE INDEX \`series_sort_title_idx\` ON \`series_locales\` (\`sort_title\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`series_locales_locale_parent_id_unique\` ON \`series_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__series_v_locales\` (
  	\`version_title\` text,
  	\`version_sort_title\` text,
  	\`version_tagline\` text,
  	\`version_synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_series_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__series_v_locales\`("version_title", "version_sort_title", "version_tagline", "version_synopsis", "id", "_locale", "_parent_id") SELECT "version_title", "version_sort_title", "version_tagline", "version_synopsis", "id", "_locale", "_parent_id" FROM \`_series_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_series_v_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new__series_v_locales\` RENAME TO \`_series_v_locales\`;`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version_sort_title_idx\` ON \`_series_v_locales\` (\`version_sort_title\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`_series_v_locales_locale_parent_id_unique\` ON \`_series_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_seasons_locales\` (
  	\`title\` text,
  	\`synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_seasons_locales\`("title", "synopsis", "id", "_locale", "_parent_id") SELECT "title", "synopsis", "id", "_locale", "_parent_id" FROM \`seasons_locales\`;`)
  await db.run(sql`DROP TABLE \`seasons_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new_seasons_locales\` RENAME TO \`seasons_locales\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`seasons_locales_locale_parent_id_unique\` ON \`seasons_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__seasons_v_locales\` (
  	\`version_title\` text,
  	\`version_synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_seasons_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__seasons_v_locales\`("version_title", "version_synopsis", "id", "_locale", "_parent_id") SELECT "version_title", "version_synopsis", "id", "_locale", "_parent_id" FROM \`_seasons_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_seasons_v_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new__seasons_v_locales\` RENAME TO \`_seasons_v_locales\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`_seasons_v_locales_locale_parent_id_unique\` ON \`_seasons_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`films\` ADD \`poster_id\` integer REFERENCES images(id);`)
  await db.run(sql`ALTER TABLE \`films\` ADD \`backdrop_id\` integer REFERENCES images(id);`)
  await db.run(sql`CREATE INDEX \`films_poster_idx\` ON \`films\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`films_backdrop_idx\` ON \`films\` (\`backdrop_id\`);`)
  await db.run(sql`ALTER TABLE \`_films_v\` ADD \`version_poster_id\` integer REFERENCES images(id);`)
  await db.run(sql`ALTER TABLE \`_films_v\` ADD \`version_backdrop_id\` integer REFERENCES images(id);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_poster_idx\` ON \`_films_v\` (\`version_poster_id\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_backdrop_idx\` ON \`_films_v\` (\`version_backdrop_id\`);`)
  await db.run(sql`ALTER TABLE \`series\` ADD \`poster_id\` integer REFERENCES images(id);`)
  await db.run(sql`ALTER TABLE \`series\` ADD \`backdrop_id\` integer REFERENCES images(id);`)
  await db.run(sql`CREATE INDEX \`series_poster_idx\` ON \`series\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`series_backdrop_idx\` ON \`series\` (\`backdrop_id\`);`)
  await db.run(sql`ALTER TABLE \`_series_v\` ADD \`version_poster_id\` integer REFERENCES images(id);`)
  await db.run(sql`ALTER TABLE \`_series_v\` ADD \`version_backdrop_id\` integer REFERENCES images(id);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version_poster_idx\` ON \`_series_v\` (\`version_poster_id\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version_backdrop_idx\` ON \`_series_v\` (\`version_backdrop_id\`);`)
  await db.run(sql`ALTER TABLE \`seasons\` ADD \`poster_id\` integer REFERENCES images(id);`)
  await db.run(sql`CREATE INDEX \`seasons_poster_idx\` ON \`seasons\` (\`poster_id\`);`)
  await db.run(sql`ALTER TABLE \`_seasons_v\` ADD \`version_poster_id\` integer REFERENCES images(id);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_version_version_poster_idx\` ON \`_seasons_v\` (\`version_poster_id\`);`)
  await runAll(db, restoreArtworkIntoDocuments())
}
