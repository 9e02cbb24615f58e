import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`images_sizes_poster_sizes_poster_filename_idx\`;`)
  await db.run(sql`DROP INDEX \`images_sizes_backdrop_sizes_backdrop_filename_idx\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`sizes_poster_url\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`sizes_poster_width\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`sizes_poster_height\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`sizes_poster_mime_type\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`sizes_poster_filesize\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`sizes_poster_filename\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`sizes_backdrop_url\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`sizes_backdrop_width\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`sizes_backdrop_height\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`sizes_backdrop_mime_type\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`sizes_backdrop_filesize\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`sizes_backdrop_filename\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`images\` ADD \`sizes_poster_url\` text;`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`sizes_poster_width\` numeric;`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`sizes_poster_height\` numeric;`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`sizes_poster_mime_type\` text;`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`sizes_poster_filesize\` numeric;`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`sizes_poster_filename\` text;`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`sizes_backdrop_url\` text;`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`sizes_backdrop_width\` numeric;`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`sizes_backdrop_height\` numeric;`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`sizes_backdrop_mime_type\` text;`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`sizes_backdrop_filesize\` numeric;`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`sizes_backdrop_filename\` text;`)
  await db.run(sql`CREATE INDEX \`images_sizes_poster_sizes_poster_filename_idx\` ON \`images\` (\`sizes_poster_filename\`);`)
  await db.run(sql`CREATE INDEX \`images_sizes_backdrop_sizes_backdrop_filename_idx\` ON \`images\` (\`sizes_backdrop_filename\`);`)
}
