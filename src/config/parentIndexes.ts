import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { index as postgresIndex } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index as sqliteIndex } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

type PostgresSchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

/**
 * Payload keeps the values of `hasMany` text fields in `<collection>_texts` tables and indexes them
 * by `(order, parent_id)` only, so every read that asks for one document's values (each populated
 * licence, film or version, and the rights context's `contentKeys`) scans the whole table on
 * PostgreSQL. These hooks give every such table an index led by its parent.
 */
const isTextsTable = (name: string): boolean => name.endsWith('_texts')

const parentIndexName = (table: string): string => `${table}_parent_path_idx`

export const postgresParentIndexes: PostgresSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!isTextsTable(name)) continue
    extendTable({
      table,
      extraConfig: (columns) => ({
        [parentIndexName(name)]: postgresIndex(parentIndexName(name)).on(
          columns.parent,
          columns.path,
        ),
      }),
    })
  }
  return schema
}

export const sqliteParentIndexes: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!isTextsTable(name)) continue
    extendTable({
      table,
      extraConfig: (columns) => ({
        [parentIndexName(name)]: sqliteIndex(parentIndexName(name)).on(
          columns.parent,
          columns.path,
        ),
      }),
    })
  }
  return schema
}
