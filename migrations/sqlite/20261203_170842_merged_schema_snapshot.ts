import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

/**
 * No statements: the schema snapshot (the .json beside this file) after merging branches whose
 * migrations were generated side by side (availability_row_state, sort_titles_search, rails,
 * avails_import). Each of those adds its own tables and columns; their snapshots did not know
 * of each other, so the next `npm run migrate:create` diffs against this one instead.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
