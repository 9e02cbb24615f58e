import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`availability_windows\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`content_key\` text NOT NULL,
  	\`title_collection\` text NOT NULL,
  	\`film_id\` integer,
  	\`series_id\` integer,
  	\`season_id\` integer,
  	\`episode_id\` integer,
  	\`territory\` text NOT NULL,
  	\`start\` text NOT NULL,
  	\`end\` text NOT NULL,
  	\`offers\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`film_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`episode_id\`) REFERENCES \`episodes\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`availability_windows_content_key_idx\` ON \`availability_windows\` (\`content_key\`);`)
  await db.run(sql`CREATE INDEX \`availability_windows_film_idx\` ON \`availability_windows\` (\`film_id\`);`)
  await db.run(sql`CREATE INDEX \`availability_windows_series_idx\` ON \`availability_windows\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`availability_windows_season_idx\` ON \`availability_windows\` (\`season_id\`);`)
  await db.run(sql`CREATE INDEX \`availability_windows_episode_idx\` ON \`availability_windows\` (\`episode_id\`);`)
  await db.run(sql`CREATE INDEX \`availability_windows_territory_idx\` ON \`availability_windows\` (\`territory\`);`)
  await db.run(sql`CREATE INDEX \`availability_windows_start_idx\` ON \`availability_windows\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`availability_windows_end_idx\` ON \`availability_windows\` (\`end\`);`)
  await db.run(sql`CREATE INDEX \`availability_windows_updated_at_idx\` ON \`availability_windows\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`availability_windows_created_at_idx\` ON \`availability_windows\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`titleCollection_territory_start_idx\` ON \`availability_windows\` (\`title_collection\`,\`territory\`,\`start\`);`)
  await db.run(sql`CREATE INDEX \`territory_film_start_end_idx\` ON \`availability_windows\` (\`territory\`,\`film_id\`,\`start\`,\`end\`);`)
  await db.run(sql`CREATE INDEX \`territory_series_start_end_idx\` ON \`availability_windows\` (\`territory\`,\`series_id\`,\`start\`,\`end\`);`)
  await db.run(sql`CREATE INDEX \`territory_season_start_end_idx\` ON \`availability_windows\` (\`territory\`,\`season_id\`,\`start\`,\`end\`);`)
  await db.run(sql`CREATE INDEX \`territory_episode_start_end_idx\` ON \`availability_windows\` (\`territory\`,\`episode_id\`,\`start\`,\`end\`);`)
  await db.run(sql`CREATE TABLE \`films_credits\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`person_id\` integer,
  	\`role\` text,
  	FOREIGN KEY (\`person_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`films_credits_order_idx\` ON \`films_credits\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`films_credits_parent_id_idx\` ON \`films_credits\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`films_credits_person_idx\` ON \`films_credits\` (\`person_id\`);`)
  await db.run(sql`CREATE TABLE \`films_credits_locales\` (
  	\`character\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`films_credits\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`films_credits_locales_locale_parent_id_unique\` ON \`films_credits_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`films_ratings\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`territory\` text,
  	\`system\` text,
  	\`value\` text,
  	\`min_age\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`films_ratings_order_idx\` ON \`films_ratings\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`films_ratings_parent_id_idx\` ON \`films_ratings\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`films\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`release_year\` numeric,
  	\`original_language\` text,
  	\`poster_id\` integer,
  	\`backdrop_id\` integer,
  	\`external_ids_eidr\` text,
  	\`external_ids_imdb\` text,
  	\`cn_approval_number\` text,
  	\`runtime_minutes\` numeric,
  	\`video_id\` integer,
  	\`trailer_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`backdrop_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`video_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`trailer_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`films_slug_idx\` ON \`films\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`films_poster_idx\` ON \`films\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`films_backdrop_idx\` ON \`films\` (\`backdrop_id\`);`)
  await db.run(sql`CREATE INDEX \`films_video_idx\` ON \`films\` (\`video_id\`);`)
  await db.run(sql`CREATE INDEX \`films_trailer_idx\` ON \`films\` (\`trailer_id\`);`)
  await db.run(sql`CREATE INDEX \`films_updated_at_idx\` ON \`films\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`films_created_at_idx\` ON \`films\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`films__status_idx\` ON \`films\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`films_locales\` (
  	\`title\` text,
  	\`tagline\` text,
  	\`synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`films_locales_locale_parent_id_unique\` ON \`films_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`films_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`genres_id\` integer,
  	\`films_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`genres_id\`) REFERENCES \`genres\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`films_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`films_rels_order_idx\` ON \`films_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`films_rels_parent_idx\` ON \`films_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`films_rels_path_idx\` ON \`films_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`films_rels_genres_id_idx\` ON \`films_rels\` (\`genres_id\`);`)
  await db.run(sql`CREATE INDEX \`films_rels_films_id_idx\` ON \`films_rels\` (\`films_id\`);`)
  await db.run(sql`CREATE TABLE \`_films_v_version_credits\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`person_id\` integer,
  	\`role\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`person_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_films_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_films_v_version_credits_order_idx\` ON \`_films_v_version_credits\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_credits_parent_id_idx\` ON \`_films_v_version_credits\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_credits_person_idx\` ON \`_films_v_version_credits\` (\`person_id\`);`)
  await db.run(sql`CREATE TABLE \`_films_v_version_credits_locales\` (
  	\`character\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_films_v_version_credits\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_films_v_version_credits_locales_locale_parent_id_unique\` ON \`_films_v_version_credits_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_films_v_version_ratings\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`territory\` text,
  	\`system\` text,
  	\`value\` text,
  	\`min_age\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_films_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_films_v_version_ratings_order_idx\` ON \`_films_v_version_ratings\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_ratings_parent_id_idx\` ON \`_films_v_version_ratings\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_films_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_release_year\` numeric,
  	\`version_original_language\` text,
  	\`version_poster_id\` integer,
  	\`version_backdrop_id\` integer,
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
  	FOREIGN KEY (\`version_poster_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_backdrop_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_video_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_trailer_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_films_v_parent_idx\` ON \`_films_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_slug_idx\` ON \`_films_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_poster_idx\` ON \`_films_v\` (\`version_poster_id\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_backdrop_idx\` ON \`_films_v\` (\`version_backdrop_id\`);`)
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
  await db.run(sql`CREATE TABLE \`_films_v_locales\` (
  	\`version_title\` text,
  	\`version_tagline\` text,
  	\`version_synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_films_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_films_v_locales_locale_parent_id_unique\` ON \`_films_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_films_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`genres_id\` integer,
  	\`films_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_films_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`genres_id\`) REFERENCES \`genres\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`films_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_films_v_rels_order_idx\` ON \`_films_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_rels_parent_idx\` ON \`_films_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_rels_path_idx\` ON \`_films_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_rels_genres_id_idx\` ON \`_films_v_rels\` (\`genres_id\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_rels_films_id_idx\` ON \`_films_v_rels\` (\`films_id\`);`)
  await db.run(sql`CREATE TABLE \`series_credits\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`person_id\` integer,
  	\`role\` text,
  	FOREIGN KEY (\`person_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`series_credits_order_idx\` ON \`series_credits\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`series_credits_parent_id_idx\` ON \`series_credits\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`series_credits_person_idx\` ON \`series_credits\` (\`person_id\`);`)
  await db.run(sql`CREATE TABLE \`series_credits_locales\` (
  	\`character\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`series_credits\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`series_credits_locales_locale_parent_id_unique\` ON \`series_credits_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`series_ratings\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`territory\` text,
  	\`system\` text,
  	\`value\` text,
  	\`min_age\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`series_ratings_order_idx\` ON \`series_ratings\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`series_ratings_parent_id_idx\` ON \`series_ratings\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`series\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`release_year\` numeric,
  	\`original_language\` text,
  	\`poster_id\` integer,
  	\`backdrop_id\` integer,
  	\`external_ids_eidr\` text,
  	\`external_ids_imdb\` text,
  	\`cn_approval_number\` text,
  	\`trailer_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`backdrop_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`trailer_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`series_slug_idx\` ON \`series\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`series_poster_idx\` ON \`series\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`series_backdrop_idx\` ON \`series\` (\`backdrop_id\`);`)
  await db.run(sql`CREATE INDEX \`series_trailer_idx\` ON \`series\` (\`trailer_id\`);`)
  await db.run(sql`CREATE INDEX \`series_updated_at_idx\` ON \`series\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`series_created_at_idx\` ON \`series\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`series__status_idx\` ON \`series\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`series_locales\` (
  	\`title\` text,
  	\`tagline\` text,
  	\`synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`series_locales_locale_parent_id_unique\` ON \`series_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`series_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`genres_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`genres_id\`) REFERENCES \`genres\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`series_rels_order_idx\` ON \`series_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`series_rels_parent_idx\` ON \`series_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`series_rels_path_idx\` ON \`series_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`series_rels_genres_id_idx\` ON \`series_rels\` (\`genres_id\`);`)
  await db.run(sql`CREATE TABLE \`_series_v_version_credits\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`person_id\` integer,
  	\`role\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`person_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_series_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_series_v_version_credits_order_idx\` ON \`_series_v_version_credits\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_credits_parent_id_idx\` ON \`_series_v_version_credits\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_credits_person_idx\` ON \`_series_v_version_credits\` (\`person_id\`);`)
  await db.run(sql`CREATE TABLE \`_series_v_version_credits_locales\` (
  	\`character\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_series_v_version_credits\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_series_v_version_credits_locales_locale_parent_id_unique\` ON \`_series_v_version_credits_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_series_v_version_ratings\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`territory\` text,
  	\`system\` text,
  	\`value\` text,
  	\`min_age\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_series_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_series_v_version_ratings_order_idx\` ON \`_series_v_version_ratings\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_ratings_parent_id_idx\` ON \`_series_v_version_ratings\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_series_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_release_year\` numeric,
  	\`version_original_language\` text,
  	\`version_poster_id\` integer,
  	\`version_backdrop_id\` integer,
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
  	FOREIGN KEY (\`version_poster_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_backdrop_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_trailer_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_series_v_parent_idx\` ON \`_series_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version_slug_idx\` ON \`_series_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version_poster_idx\` ON \`_series_v\` (\`version_poster_id\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version_backdrop_idx\` ON \`_series_v\` (\`version_backdrop_id\`);`)
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
  await db.run(sql`CREATE TABLE \`_series_v_locales\` (
  	\`version_title\` text,
  	\`version_tagline\` text,
  	\`version_synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_series_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_series_v_locales_locale_parent_id_unique\` ON \`_series_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_series_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`genres_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_series_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`genres_id\`) REFERENCES \`genres\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_series_v_rels_order_idx\` ON \`_series_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_rels_parent_idx\` ON \`_series_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_rels_path_idx\` ON \`_series_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_rels_genres_id_idx\` ON \`_series_v_rels\` (\`genres_id\`);`)
  await db.run(sql`CREATE TABLE \`seasons\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`series_id\` integer,
  	\`season_number\` numeric,
  	\`poster_id\` integer,
  	\`cn_approval_number\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`seasons_series_idx\` ON \`seasons\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`seasons_poster_idx\` ON \`seasons\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`seasons_updated_at_idx\` ON \`seasons\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`seasons_created_at_idx\` ON \`seasons\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`seasons__status_idx\` ON \`seasons\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`series_seasonNumber_idx\` ON \`seasons\` (\`series_id\`,\`season_number\`);`)
  await db.run(sql`CREATE TABLE \`seasons_locales\` (
  	\`title\` text,
  	\`synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`seasons_locales_locale_parent_id_unique\` ON \`seasons_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_seasons_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_series_id\` integer,
  	\`version_season_number\` numeric,
  	\`version_poster_id\` integer,
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
  	FOREIGN KEY (\`version_series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_poster_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_seasons_v_parent_idx\` ON \`_seasons_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_version_version_series_idx\` ON \`_seasons_v\` (\`version_series_id\`);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_version_version_poster_idx\` ON \`_seasons_v\` (\`version_poster_id\`);`)
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
  await db.run(sql`CREATE TABLE \`_seasons_v_locales\` (
  	\`version_title\` text,
  	\`version_synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_seasons_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_seasons_v_locales_locale_parent_id_unique\` ON \`_seasons_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`episodes_ratings\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`territory\` text,
  	\`system\` text,
  	\`value\` text,
  	\`min_age\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`episodes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`episodes_ratings_order_idx\` ON \`episodes_ratings\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`episodes_ratings_parent_id_idx\` ON \`episodes_ratings\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`episodes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`season_id\` integer,
  	\`episode_number\` numeric,
  	\`runtime_minutes\` numeric,
  	\`video_id\` integer,
  	\`cn_approval_number\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`video_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`episodes_season_idx\` ON \`episodes\` (\`season_id\`);`)
  await db.run(sql`CREATE INDEX \`episodes_video_idx\` ON \`episodes\` (\`video_id\`);`)
  await db.run(sql`CREATE INDEX \`episodes_updated_at_idx\` ON \`episodes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`episodes_created_at_idx\` ON \`episodes\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`episodes__status_idx\` ON \`episodes\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`season_episodeNumber_idx\` ON \`episodes\` (\`season_id\`,\`episode_number\`);`)
  await db.run(sql`CREATE TABLE \`episodes_locales\` (
  	\`title\` text,
  	\`synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`episodes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`episodes_locales_locale_parent_id_unique\` ON \`episodes_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`episodes_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`images_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`episodes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`images_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`episodes_rels_order_idx\` ON \`episodes_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`episodes_rels_parent_idx\` ON \`episodes_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`episodes_rels_path_idx\` ON \`episodes_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`episodes_rels_images_id_idx\` ON \`episodes_rels\` (\`images_id\`);`)
  await db.run(sql`CREATE TABLE \`_episodes_v_version_ratings\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`territory\` text,
  	\`system\` text,
  	\`value\` text,
  	\`min_age\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_episodes_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_ratings_order_idx\` ON \`_episodes_v_version_ratings\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_ratings_parent_id_idx\` ON \`_episodes_v_version_ratings\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_episodes_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_season_id\` integer,
  	\`version_episode_number\` numeric,
  	\`version_runtime_minutes\` numeric,
  	\`version_video_id\` integer,
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`episodes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_video_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_episodes_v_parent_idx\` ON \`_episodes_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version_season_idx\` ON \`_episodes_v\` (\`version_season_id\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version_video_idx\` ON \`_episodes_v\` (\`version_video_id\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version_updated_at_idx\` ON \`_episodes_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version_created_at_idx\` ON \`_episodes_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_version_version__status_idx\` ON \`_episodes_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_created_at_idx\` ON \`_episodes_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_updated_at_idx\` ON \`_episodes_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_snapshot_idx\` ON \`_episodes_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_published_locale_idx\` ON \`_episodes_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_latest_idx\` ON \`_episodes_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_autosave_idx\` ON \`_episodes_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version_season_version_episodeNumber_idx\` ON \`_episodes_v\` (\`version_season_id\`,\`version_episode_number\`);`)
  await db.run(sql`CREATE TABLE \`_episodes_v_locales\` (
  	\`version_title\` text,
  	\`version_synopsis\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_episodes_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_episodes_v_locales_locale_parent_id_unique\` ON \`_episodes_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_episodes_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`images_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_episodes_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`images_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_episodes_v_rels_order_idx\` ON \`_episodes_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_rels_parent_idx\` ON \`_episodes_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_rels_path_idx\` ON \`_episodes_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_rels_images_id_idx\` ON \`_episodes_v_rels\` (\`images_id\`);`)
  await db.run(sql`CREATE TABLE \`people\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`photo_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`people_name_idx\` ON \`people\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`people_photo_idx\` ON \`people\` (\`photo_id\`);`)
  await db.run(sql`CREATE INDEX \`people_updated_at_idx\` ON \`people\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`people_created_at_idx\` ON \`people\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`people_locales\` (
  	\`bio\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`people_locales_locale_parent_id_unique\` ON \`people_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`genres\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`genres_slug_idx\` ON \`genres\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`genres_updated_at_idx\` ON \`genres\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`genres_created_at_idx\` ON \`genres\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`genres_locales\` (
  	\`name\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`genres\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`genres_locales_locale_parent_id_unique\` ON \`genres_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`images\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`credit\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_poster_url\` text,
  	\`sizes_poster_width\` numeric,
  	\`sizes_poster_height\` numeric,
  	\`sizes_poster_mime_type\` text,
  	\`sizes_poster_filesize\` numeric,
  	\`sizes_poster_filename\` text,
  	\`sizes_backdrop_url\` text,
  	\`sizes_backdrop_width\` numeric,
  	\`sizes_backdrop_height\` numeric,
  	\`sizes_backdrop_mime_type\` text,
  	\`sizes_backdrop_filesize\` numeric,
  	\`sizes_backdrop_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`images_updated_at_idx\` ON \`images\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`images_created_at_idx\` ON \`images\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`images_filename_idx\` ON \`images\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`images\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_poster_sizes_poster_filename_idx\` ON \`images\` (\`sizes_poster_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_backdrop_sizes_backdrop_filename_idx\` ON \`images\` (\`sizes_backdrop_filename\`);`)
  await db.run(sql`CREATE TABLE \`images_locales\` (
  	\`alt\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`images_locales_locale_parent_id_unique\` ON \`images_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`videos_playback_ids\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`playback_id\` text NOT NULL,
  	\`policy\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`videos_playback_ids_order_idx\` ON \`videos_playback_ids\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`videos_playback_ids_parent_id_idx\` ON \`videos_playback_ids\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`videos_tracks\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`language_code\` text,
  	\`name\` text,
  	\`closed_captions\` integer,
  	\`status\` text,
  	\`mux_track_id\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`videos_tracks_order_idx\` ON \`videos_tracks\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`videos_tracks_parent_id_idx\` ON \`videos_tracks\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`videos\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`status\` text DEFAULT 'pending',
  	\`playback_policy\` text DEFAULT 'signed',
  	\`source_url\` text,
  	\`mux_upload_id\` text,
  	\`mux_asset_id\` text,
  	\`duration\` numeric,
  	\`aspect_ratio\` text,
  	\`max_resolution\` text,
  	\`error_type\` text,
  	\`last_mux_event_at\` text,
  	\`mux_sync\` text,
  	\`mux_awaiting\` integer,
  	\`mux_checked_at\` text,
  	\`ingest_source\` text,
  	\`ingest_state\` text,
  	\`ingest_nonce\` text,
  	\`ingest_spool_file\` text,
  	\`ingest_spool_bytes\` numeric,
  	\`ingest_upload_id\` text,
  	\`ingest_requested_at\` text,
  	\`ingest_heartbeat_at\` text,
  	\`ingest_message\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric
  );
  `)
  await db.run(sql`CREATE INDEX \`videos_status_idx\` ON \`videos\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`videos_mux_upload_id_idx\` ON \`videos\` (\`mux_upload_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_mux_asset_id_idx\` ON \`videos\` (\`mux_asset_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_mux_awaiting_idx\` ON \`videos\` (\`mux_awaiting\`);`)
  await db.run(sql`CREATE INDEX \`videos_mux_checked_at_idx\` ON \`videos\` (\`mux_checked_at\`);`)
  await db.run(sql`CREATE INDEX \`videos_ingest_ingest_source_idx\` ON \`videos\` (\`ingest_source\`);`)
  await db.run(sql`CREATE INDEX \`videos_ingest_ingest_spool_file_idx\` ON \`videos\` (\`ingest_spool_file\`);`)
  await db.run(sql`CREATE INDEX \`videos_updated_at_idx\` ON \`videos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`videos_created_at_idx\` ON \`videos\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`videos_filename_idx\` ON \`videos\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`videos_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`videos_texts_order_parent\` ON \`videos_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_texts_text_idx\` ON \`videos_texts\` (\`text\`);`)
  await db.run(sql`CREATE TABLE \`licences_formats\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`licences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`licences_formats_order_idx\` ON \`licences_formats\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`licences_formats_parent_idx\` ON \`licences_formats\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`licences_resolved_windows\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`territory\` text NOT NULL,
  	\`start\` text NOT NULL,
  	\`end\` text,
  	\`time_zone\` text,
  	\`start_rule\` text,
  	\`end_rule\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`licences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`licences_resolved_windows_order_idx\` ON \`licences_resolved_windows\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`licences_resolved_windows_parent_id_idx\` ON \`licences_resolved_windows\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`licences_conflicts\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`other_licence_id\` integer,
  	\`territory\` text,
  	\`licence_type\` text,
  	\`titles\` text,
  	\`overlap_start\` text,
  	\`overlap_end\` text,
  	FOREIGN KEY (\`other_licence_id\`) REFERENCES \`licences\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`licences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`licences_conflicts_order_idx\` ON \`licences_conflicts\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`licences_conflicts_parent_id_idx\` ON \`licences_conflicts\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`licences_conflicts_other_licence_idx\` ON \`licences_conflicts\` (\`other_licence_id\`);`)
  await db.run(sql`CREATE TABLE \`licences_warnings\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`other_licence_id\` integer,
  	\`territory\` text,
  	\`licence_type\` text,
  	\`titles\` text,
  	\`overlap_start\` text,
  	\`overlap_end\` text,
  	FOREIGN KEY (\`other_licence_id\`) REFERENCES \`licences\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`licences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`licences_warnings_order_idx\` ON \`licences_warnings\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`licences_warnings_parent_id_idx\` ON \`licences_warnings\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`licences_warnings_other_licence_idx\` ON \`licences_warnings\` (\`other_licence_id\`);`)
  await db.run(sql`CREATE TABLE \`licences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`contract_id\` text,
  	\`licensor\` text,
  	\`kind\` text DEFAULT 'grant' NOT NULL,
  	\`holdback_strength\` text DEFAULT 'hard',
  	\`licence_type\` text NOT NULL,
  	\`start\` text NOT NULL,
  	\`end\` text,
  	\`exclusive\` integer DEFAULT false,
  	\`notes\` text,
  	\`group_snapshot\` text,
  	\`has_conflicts\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`licences_contract_id_idx\` ON \`licences\` (\`contract_id\`);`)
  await db.run(sql`CREATE INDEX \`licences_has_conflicts_idx\` ON \`licences\` (\`has_conflicts\`);`)
  await db.run(sql`CREATE INDEX \`licences_updated_at_idx\` ON \`licences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`licences_created_at_idx\` ON \`licences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`licences_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`licences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`licences_texts_order_parent\` ON \`licences_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`licences_texts_text_idx\` ON \`licences_texts\` (\`text\`);`)
  await db.run(sql`CREATE TABLE \`licences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`films_id\` integer,
  	\`series_id\` integer,
  	\`seasons_id\` integer,
  	\`episodes_id\` integer,
  	\`regions_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`licences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`films_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`seasons_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`episodes_id\`) REFERENCES \`episodes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`licences_rels_order_idx\` ON \`licences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`licences_rels_parent_idx\` ON \`licences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`licences_rels_path_idx\` ON \`licences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`licences_rels_films_id_idx\` ON \`licences_rels\` (\`films_id\`);`)
  await db.run(sql`CREATE INDEX \`licences_rels_series_id_idx\` ON \`licences_rels\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`licences_rels_seasons_id_idx\` ON \`licences_rels\` (\`seasons_id\`);`)
  await db.run(sql`CREATE INDEX \`licences_rels_episodes_id_idx\` ON \`licences_rels\` (\`episodes_id\`);`)
  await db.run(sql`CREATE INDEX \`licences_rels_regions_id_idx\` ON \`licences_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE TABLE \`regions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`kind\` text DEFAULT 'country' NOT NULL,
  	\`time_zone\` text,
  	\`requires_approval_number\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`regions_code_idx\` ON \`regions\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`regions_updated_at_idx\` ON \`regions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`regions_created_at_idx\` ON \`regions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`regions_locales\` (
  	\`name\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`regions_locales_locale_parent_id_unique\` ON \`regions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`regions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`regions_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`regions_rels_order_idx\` ON \`regions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`regions_rels_parent_idx\` ON \`regions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`regions_rels_path_idx\` ON \`regions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`regions_rels_regions_id_idx\` ON \`regions_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`enable_a_p_i_key\` integer,
  	\`api_key\` text,
  	\`api_key_index\` text,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`mux_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`event_id\` text NOT NULL,
  	\`type\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`video_id\` text,
  	\`passthrough\` text,
  	\`upload_id\` text,
  	\`asset_id\` text,
  	\`occurred_at\` text,
  	\`applied_at\` text,
  	\`attempts\` numeric DEFAULT 0,
  	\`note\` text,
  	\`payload\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`mux_events_event_id_idx\` ON \`mux_events\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`mux_events_type_idx\` ON \`mux_events\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`mux_events_status_idx\` ON \`mux_events\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`mux_events_video_id_idx\` ON \`mux_events\` (\`video_id\`);`)
  await db.run(sql`CREATE INDEX \`mux_events_upload_id_idx\` ON \`mux_events\` (\`upload_id\`);`)
  await db.run(sql`CREATE INDEX \`mux_events_asset_id_idx\` ON \`mux_events\` (\`asset_id\`);`)
  await db.run(sql`CREATE INDEX \`mux_events_updated_at_idx\` ON \`mux_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`mux_events_created_at_idx\` ON \`mux_events\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`status_occurredAt_idx\` ON \`mux_events\` (\`status\`,\`occurred_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`concurrency_key\` text,
  	\`meta\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_concurrency_key_idx\` ON \`payload_jobs\` (\`concurrency_key\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`availability_windows_id\` integer,
  	\`films_id\` integer,
  	\`series_id\` integer,
  	\`seasons_id\` integer,
  	\`episodes_id\` integer,
  	\`people_id\` integer,
  	\`genres_id\` integer,
  	\`images_id\` integer,
  	\`videos_id\` integer,
  	\`licences_id\` integer,
  	\`regions_id\` integer,
  	\`users_id\` integer,
  	\`mux_events_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`availability_windows_id\`) REFERENCES \`availability_windows\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`films_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`seasons_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`episodes_id\`) REFERENCES \`episodes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`people_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`genres_id\`) REFERENCES \`genres\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`images_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`licences_id\`) REFERENCES \`licences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mux_events_id\`) REFERENCES \`mux_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_availability_windows_id_idx\` ON \`payload_locked_documents_rels\` (\`availability_windows_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_films_id_idx\` ON \`payload_locked_documents_rels\` (\`films_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_series_id_idx\` ON \`payload_locked_documents_rels\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_seasons_id_idx\` ON \`payload_locked_documents_rels\` (\`seasons_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_episodes_id_idx\` ON \`payload_locked_documents_rels\` (\`episodes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_people_id_idx\` ON \`payload_locked_documents_rels\` (\`people_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_genres_id_idx\` ON \`payload_locked_documents_rels\` (\`genres_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_images_id_idx\` ON \`payload_locked_documents_rels\` (\`images_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_videos_id_idx\` ON \`payload_locked_documents_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_licences_id_idx\` ON \`payload_locked_documents_rels\` (\`licences_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_regions_id_idx\` ON \`payload_locked_documents_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mux_events_id_idx\` ON \`payload_locked_documents_rels\` (\`mux_events_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`availability_windows\`;`)
  await db.run(sql`DROP TABLE \`films_credits\`;`)
  await db.run(sql`DROP TABLE \`films_credits_locales\`;`)
  await db.run(sql`DROP TABLE \`films_ratings\`;`)
  await db.run(sql`DROP TABLE \`films\`;`)
  await db.run(sql`DROP TABLE \`films_locales\`;`)
  await db.run(sql`DROP TABLE \`films_rels\`;`)
  await db.run(sql`DROP TABLE \`_films_v_version_credits\`;`)
  await db.run(sql`DROP TABLE \`_films_v_version_credits_locales\`;`)
  await db.run(sql`DROP TABLE \`_films_v_version_ratings\`;`)
  await db.run(sql`DROP TABLE \`_films_v\`;`)
  await db.run(sql`DROP TABLE \`_films_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_films_v_rels\`;`)
  await db.run(sql`DROP TABLE \`series_credits\`;`)
  await db.run(sql`DROP TABLE \`series_credits_locales\`;`)
  await db.run(sql`DROP TABLE \`series_ratings\`;`)
  await db.run(sql`DROP TABLE \`series\`;`)
  await db.run(sql`DROP TABLE \`series_locales\`;`)
  await db.run(sql`DROP TABLE \`series_rels\`;`)
  await db.run(sql`DROP TABLE \`_series_v_version_credits\`;`)
  await db.run(sql`DROP TABLE \`_series_v_version_credits_locales\`;`)
  await db.run(sql`DROP TABLE \`_series_v_version_ratings\`;`)
  await db.run(sql`DROP TABLE \`_series_v\`;`)
  await db.run(sql`DROP TABLE \`_series_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_series_v_rels\`;`)
  await db.run(sql`DROP TABLE \`seasons\`;`)
  await db.run(sql`DROP TABLE \`seasons_locales\`;`)
  await db.run(sql`DROP TABLE \`_seasons_v\`;`)
  await db.run(sql`DROP TABLE \`_seasons_v_locales\`;`)
  await db.run(sql`DROP TABLE \`episodes_ratings\`;`)
  await db.run(sql`DROP TABLE \`episodes\`;`)
  await db.run(sql`DROP TABLE \`episodes_locales\`;`)
  await db.run(sql`DROP TABLE \`episodes_rels\`;`)
  await db.run(sql`DROP TABLE \`_episodes_v_version_ratings\`;`)
  await db.run(sql`DROP TABLE \`_episodes_v\`;`)
  await db.run(sql`DROP TABLE \`_episodes_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_episodes_v_rels\`;`)
  await db.run(sql`DROP TABLE \`people\`;`)
  await db.run(sql`DROP TABLE \`people_locales\`;`)
  await db.run(sql`DROP TABLE \`genres\`;`)
  await db.run(sql`DROP TABLE \`genres_locales\`;`)
  await db.run(sql`DROP TABLE \`images\`;`)
  await db.run(sql`DROP TABLE \`images_locales\`;`)
  await db.run(sql`DROP TABLE \`videos_playback_ids\`;`)
  await db.run(sql`DROP TABLE \`videos_tracks\`;`)
  await db.run(sql`DROP TABLE \`videos\`;`)
  await db.run(sql`DROP TABLE \`videos_texts\`;`)
  await db.run(sql`DROP TABLE \`licences_formats\`;`)
  await db.run(sql`DROP TABLE \`licences_resolved_windows\`;`)
  await db.run(sql`DROP TABLE \`licences_conflicts\`;`)
  await db.run(sql`DROP TABLE \`licences_warnings\`;`)
  await db.run(sql`DROP TABLE \`licences\`;`)
  await db.run(sql`DROP TABLE \`licences_texts\`;`)
  await db.run(sql`DROP TABLE \`licences_rels\`;`)
  await db.run(sql`DROP TABLE \`regions\`;`)
  await db.run(sql`DROP TABLE \`regions_locales\`;`)
  await db.run(sql`DROP TABLE \`regions_rels\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`mux_events\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
}
