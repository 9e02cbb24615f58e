import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`availability_windows\` ADD \`state\` text DEFAULT 'available' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`availability_windows\` ADD \`available_from\` text;`)
  await db.run(sql`ALTER TABLE \`availability_windows\` ADD \`available_until\` text;`)
  // Existing rows: each row as its own stretch. The rights audit (scheduled, or
  // `npm run rights:audit -- --repair`) rewrites them with the engine's stretches.
  await db.run(sql`UPDATE \`availability_windows\` SET \`available_from\` = \`start\`, \`available_until\` = \`end\`;`)
  await db.run(sql`CREATE INDEX \`availability_windows_state_idx\` ON \`availability_windows\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`territory_state_availableFrom_idx\` ON \`availability_windows\` (\`territory\`,\`state\`,\`available_from\`);`)
  await db.run(sql`CREATE INDEX \`territory_state_availableUntil_idx\` ON \`availability_windows\` (\`territory\`,\`state\`,\`available_until\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`availability_windows_state_idx\`;`)
  await db.run(sql`DROP INDEX \`territory_state_availableFrom_idx\`;`)
  await db.run(sql`DROP INDEX \`territory_state_availableUntil_idx\`;`)
  await db.run(sql`ALTER TABLE \`availability_windows\` DROP COLUMN \`state\`;`)
  await db.run(sql`ALTER TABLE \`availability_windows\` DROP COLUMN \`available_from\`;`)
  await db.run(sql`ALTER TABLE \`availability_windows\` DROP COLUMN \`available_until\`;`)
}
