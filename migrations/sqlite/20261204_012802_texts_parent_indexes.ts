import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`films_texts_parent_path_idx\` ON \`films_texts\` (\`parent_id\`,\`path\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_texts_parent_path_idx\` ON \`_films_v_texts\` (\`parent_id\`,\`path\`);`)
  await db.run(sql`CREATE INDEX \`series_texts_parent_path_idx\` ON \`series_texts\` (\`parent_id\`,\`path\`);`)
  await db.run(sql`CREATE INDEX \`_series_v_texts_parent_path_idx\` ON \`_series_v_texts\` (\`parent_id\`,\`path\`);`)
  await db.run(sql`CREATE INDEX \`seasons_texts_parent_path_idx\` ON \`seasons_texts\` (\`parent_id\`,\`path\`);`)
  await db.run(sql`CREATE INDEX \`_seasons_v_texts_parent_path_idx\` ON \`_seasons_v_texts\` (\`parent_id\`,\`path\`);`)
  await db.run(sql`CREATE INDEX \`episodes_texts_parent_path_idx\` ON \`episodes_texts\` (\`parent_id\`,\`path\`);`)
  await db.run(sql`CREATE INDEX \`_episodes_v_texts_parent_path_idx\` ON \`_episodes_v_texts\` (\`parent_id\`,\`path\`);`)
  await db.run(sql`CREATE INDEX \`videos_texts_parent_path_idx\` ON \`videos_texts\` (\`parent_id\`,\`path\`);`)
  await db.run(sql`CREATE INDEX \`licences_texts_parent_path_idx\` ON \`licences_texts\` (\`parent_id\`,\`path\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`films_texts_parent_path_idx\`;`)
  await db.run(sql`DROP INDEX \`_films_v_texts_parent_path_idx\`;`)
  await db.run(sql`DROP INDEX \`series_texts_parent_path_idx\`;`)
  await db.run(sql`DROP INDEX \`_series_v_texts_parent_path_idx\`;`)
  await db.run(sql`DROP INDEX \`seasons_texts_parent_path_idx\`;`)
  await db.run(sql`DROP INDEX \`_seasons_v_texts_parent_path_idx\`;`)
  await db.run(sql`DROP INDEX \`episodes_texts_parent_path_idx\`;`)
  await db.run(sql`DROP INDEX \`_episodes_v_texts_parent_path_idx\`;`)
  await db.run(sql`DROP INDEX \`videos_texts_parent_path_idx\`;`)
  await db.run(sql`DROP INDEX \`licences_texts_parent_path_idx\`;`)
}
