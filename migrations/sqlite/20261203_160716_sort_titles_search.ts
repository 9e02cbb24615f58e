import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`search_entries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`content_key\` text NOT NULL,
  	\`title_collection\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`title\` text NOT NULL,
  	\`sort_title\` text,
  	\`terms\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`search_entries_content_key_idx\` ON \`search_entries\` (\`content_key\`);`)
  await db.run(sql`CREATE INDEX \`search_entries_updated_at_idx\` ON \`search_entries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`search_entries_created_at_idx\` ON \`search_entries\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`films_locales\` ADD \`sort_title\` text;`)
  await db.run(sql`CREATE INDEX \`films_sort_title_idx\` ON \`films_locales\` (\`sort_title\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`_films_v_locales\` ADD \`version_sort_title\` text;`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_sort_title_idx\` ON \`_films_v_locales\` (\`version_sort_title\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`series_locales\` ADD \`sort_title\` text;`)
  await db.run(sql`CREATE INDEX \`series_sort_title_idx\` ON \`series_locales\` (\`sort_title\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`_series_v_locales\` ADD \`version_sort_title\` text;`)
  await db.run(sql`CREATE INDEX \`_series_v_version_version_sort_title_idx\` ON \`_series_v_locales\` (\`version_sort_title\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`rights_audits\` ADD \`search_index\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`search_entries_id\` integer REFERENCES search_entries(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`search_entries_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`search_entries\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
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
  	\`rights_audits_id\` integer,
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
  	FOREIGN KEY (\`rights_audits_id\`) REFERENCES \`rights_audits\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mux_events_id\`) REFERENCES \`mux_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "availability_windows_id", "films_id", "series_id", "seasons_id", "episodes_id", "people_id", "genres_id", "images_id", "videos_id", "licences_id", "regions_id", "rights_audits_id", "users_id", "mux_events_id") SELECT "id", "order", "parent_id", "path", "availability_windows_id", "films_id", "series_id", "seasons_id", "episodes_id", "people_id", "genres_id", "images_id", "videos_id", "licences_id", "regions_id", "rights_audits_id", "users_id", "mux_events_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rights_audits_id_idx\` ON \`payload_locked_documents_rels\` (\`rights_audits_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mux_events_id_idx\` ON \`payload_locked_documents_rels\` (\`mux_events_id\`);`)
  await db.run(sql`DROP INDEX \`films_sort_title_idx\`;`)
  await db.run(sql`ALTER TABLE \`films_locales\` DROP COLUMN \`sort_title\`;`)
  await db.run(sql`DROP INDEX \`_films_v_version_version_sort_title_idx\`;`)
  await db.run(sql`ALTER TABLE \`_films_v_locales\` DROP COLUMN \`version_sort_title\`;`)
  await db.run(sql`DROP INDEX \`series_sort_title_idx\`;`)
  await db.run(sql`ALTER TABLE \`series_locales\` DROP COLUMN \`sort_title\`;`)
  await db.run(sql`DROP INDEX \`_series_v_version_version_sort_title_idx\`;`)
  await db.run(sql`ALTER TABLE \`_series_v_locales\` DROP COLUMN \`version_sort_title\`;`)
  await db.run(sql`ALTER TABLE \`rights_audits\` DROP COLUMN \`search_index\`;`)
}
