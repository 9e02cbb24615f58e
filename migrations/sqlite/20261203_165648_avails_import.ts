import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`films_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`films_texts_order_parent\` ON \`films_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_films_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_films_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_films_v_texts_order_parent\` ON \`_films_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`series_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`series_texts_order_parent\` ON \`series_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_series_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_series_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_series_v_texts_order_parent\` ON \`_series_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`seasons_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`seasons_texts_order_parent\` ON \`seasons_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_seasons_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_seasons_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_seasons_v_texts_order_parent\` ON \`_seasons_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`episodes_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`episodes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`episodes_texts_order_parent\` ON \`episodes_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_episodes_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_episodes_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_episodes_v_texts_order_parent\` ON \`_episodes_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`avails_imports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`file_name\` text NOT NULL,
  	\`file_size\` numeric,
  	\`file_sha256\` text,
  	\`file_data\` text,
  	\`format\` text,
  	\`version\` text,
  	\`status\` text DEFAULT 'dryRun' NOT NULL,
  	\`imported_by_id\` integer,
  	\`applied_by_id\` integer,
  	\`applied_at\` text,
  	\`zone_convention\` text,
  	\`create_missing_titles\` integer DEFAULT false,
  	\`counts\` text,
  	\`diff\` text,
  	\`row_errors\` text,
  	\`audit\` text,
  	\`failure\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`imported_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`applied_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`avails_imports_file_sha256_idx\` ON \`avails_imports\` (\`file_sha256\`);`)
  await db.run(sql`CREATE INDEX \`avails_imports_status_idx\` ON \`avails_imports\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`avails_imports_imported_by_idx\` ON \`avails_imports\` (\`imported_by_id\`);`)
  await db.run(sql`CREATE INDEX \`avails_imports_applied_by_idx\` ON \`avails_imports\` (\`applied_by_id\`);`)
  await db.run(sql`CREATE INDEX \`avails_imports_updated_at_idx\` ON \`avails_imports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`avails_imports_created_at_idx\` ON \`avails_imports\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`seasons\` ADD \`external_ids_eidr\` text;`)
  await db.run(sql`ALTER TABLE \`seasons\` ADD \`external_ids_imdb\` text;`)
  await db.run(sql`ALTER TABLE \`_seasons_v\` ADD \`version_external_ids_eidr\` text;`)
  await db.run(sql`ALTER TABLE \`_seasons_v\` ADD \`version_external_ids_imdb\` text;`)
  await db.run(sql`ALTER TABLE \`episodes\` ADD \`external_ids_eidr\` text;`)
  await db.run(sql`ALTER TABLE \`episodes\` ADD \`external_ids_imdb\` text;`)
  await db.run(sql`ALTER TABLE \`_episodes_v\` ADD \`version_external_ids_eidr\` text;`)
  await db.run(sql`ALTER TABLE \`_episodes_v\` ADD \`version_external_ids_imdb\` text;`)
  await db.run(sql`ALTER TABLE \`licences\` ADD \`avails_key\` text;`)
  await db.run(sql`ALTER TABLE \`licences\` ADD \`avails_source\` text;`)
  await db.run(sql`ALTER TABLE \`licences\` ADD \`avails_import_id\` integer REFERENCES avails_imports(id);`)
  await db.run(sql`CREATE INDEX \`licences_avails_key_idx\` ON \`licences\` (\`avails_key\`);`)
  await db.run(sql`CREATE INDEX \`licences_avails_import_idx\` ON \`licences\` (\`avails_import_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`avails_imports_id\` integer REFERENCES avails_imports(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_avails_imports_id_idx\` ON \`payload_locked_documents_rels\` (\`avails_imports_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`films_texts\`;`)
  await db.run(sql`DROP TABLE \`_films_v_texts\`;`)
  await db.run(sql`DROP TABLE \`series_texts\`;`)
  await db.run(sql`DROP TABLE \`_series_v_texts\`;`)
  await db.run(sql`DROP TABLE \`seasons_texts\`;`)
  await db.run(sql`DROP TABLE \`_seasons_v_texts\`;`)
  await db.run(sql`DROP TABLE \`episodes_texts\`;`)
  await db.run(sql`DROP TABLE \`_episodes_v_texts\`;`)
  await db.run(sql`DROP TABLE \`avails_imports\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_licences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`contract_id\` text,
  	\`licensor\` text,
  	\`kind\` text DEFAULT 'grant' NOT NULL,
  	\`holdback_strength\` text DEFAULT 'hard',
  	\`licence_type\` text NOT NULL,
  	\`start\` text NOT NULL,
  	\`end\` text,
  	\`announce_at\` text,
  	\`exclusive\` integer DEFAULT false,
  	\`notes\` text,
  	\`group_snapshot\` text,
  	\`tz_version\` text,
  	\`has_conflicts\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_licences\`("id", "contract_id", "licensor", "kind", "holdback_strength", "licence_type", "start", "end", "announce_at", "exclusive", "notes", "group_snapshot", "tz_version", "has_conflicts", "updated_at", "created_at") SELECT "id", "contract_id", "licensor", "kind", "holdback_strength", "licence_type", "start", "end", "announce_at", "exclusive", "notes", "group_snapshot", "tz_version", "has_conflicts", "updated_at", "created_at" FROM \`licences\`;`)
  await db.run(sql`DROP TABLE \`licences\`;`)
  await db.run(sql`ALTER TABLE \`__new_licences\` RENAME TO \`licences\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`licences_contract_id_idx\` ON \`licences\` (\`contract_id\`);`)
  await db.run(sql`CREATE INDEX \`licences_tz_version_idx\` ON \`licences\` (\`tz_version\`);`)
  await db.run(sql`CREATE INDEX \`licences_has_conflicts_idx\` ON \`licences\` (\`has_conflicts\`);`)
  await db.run(sql`CREATE INDEX \`licences_updated_at_idx\` ON \`licences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`licences_created_at_idx\` ON \`licences\` (\`created_at\`);`)
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
  	\`reference_data_id\` integer,
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
  	FOREIGN KEY (\`reference_data_id\`) REFERENCES \`reference_data\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rights_audits_id\`) REFERENCES \`rights_audits\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mux_events_id\`) REFERENCES \`mux_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "availability_windows_id", "films_id", "series_id", "seasons_id", "episodes_id", "people_id", "genres_id", "images_id", "videos_id", "licences_id", "regions_id", "reference_data_id", "rights_audits_id", "users_id", "mux_events_id") SELECT "id", "order", "parent_id", "path", "availability_windows_id", "films_id", "series_id", "seasons_id", "episodes_id", "people_id", "genres_id", "images_id", "videos_id", "licences_id", "regions_id", "reference_data_id", "rights_audits_id", "users_id", "mux_events_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reference_data_id_idx\` ON \`payload_locked_documents_rels\` (\`reference_data_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rights_audits_id_idx\` ON \`payload_locked_documents_rels\` (\`rights_audits_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mux_events_id_idx\` ON \`payload_locked_documents_rels\` (\`mux_events_id\`);`)
  await db.run(sql`ALTER TABLE \`seasons\` DROP COLUMN \`external_ids_eidr\`;`)
  await db.run(sql`ALTER TABLE \`seasons\` DROP COLUMN \`external_ids_imdb\`;`)
  await db.run(sql`ALTER TABLE \`_seasons_v\` DROP COLUMN \`version_external_ids_eidr\`;`)
  await db.run(sql`ALTER TABLE \`_seasons_v\` DROP COLUMN \`version_external_ids_imdb\`;`)
  await db.run(sql`ALTER TABLE \`episodes\` DROP COLUMN \`external_ids_eidr\`;`)
  await db.run(sql`ALTER TABLE \`episodes\` DROP COLUMN \`external_ids_imdb\`;`)
  await db.run(sql`ALTER TABLE \`_episodes_v\` DROP COLUMN \`version_external_ids_eidr\`;`)
  await db.run(sql`ALTER TABLE \`_episodes_v\` DROP COLUMN \`version_external_ids_imdb\`;`)
}
