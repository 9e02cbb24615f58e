import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`avails_imports\` ADD \`progress_phase\` text;`)
  await db.run(sql`ALTER TABLE \`avails_imports\` ADD \`progress_done\` numeric;`)
  await db.run(sql`ALTER TABLE \`avails_imports\` ADD \`progress_total\` numeric;`)
  await db.run(sql`ALTER TABLE \`avails_imports\` ADD \`progress_job\` text;`)
  await db.run(sql`ALTER TABLE \`avails_imports\` ADD \`progress_updated_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`avails_imports\` DROP COLUMN \`progress_phase\`;`)
  await db.run(sql`ALTER TABLE \`avails_imports\` DROP COLUMN \`progress_done\`;`)
  await db.run(sql`ALTER TABLE \`avails_imports\` DROP COLUMN \`progress_total\`;`)
  await db.run(sql`ALTER TABLE \`avails_imports\` DROP COLUMN \`progress_job\`;`)
  await db.run(sql`ALTER TABLE \`avails_imports\` DROP COLUMN \`progress_updated_at\`;`)
}
