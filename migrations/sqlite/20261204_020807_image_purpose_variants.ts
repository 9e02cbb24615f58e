import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`images_variants\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`width\` numeric NOT NULL,
  	\`height\` numeric NOT NULL,
  	\`format\` text NOT NULL,
  	\`mime_type\` text NOT NULL,
  	\`filesize\` numeric NOT NULL,
  	\`filename\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`images\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`images_variants_order_idx\` ON \`images_variants\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`images_variants_parent_id_idx\` ON \`images_variants\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`images\` ADD \`purpose\` text DEFAULT 'poster' NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`images_variants\`;`)
  await db.run(sql`ALTER TABLE \`images\` DROP COLUMN \`purpose\`;`)
}
