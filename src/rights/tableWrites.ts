import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import type { AvailabilityRow } from './materialize'
import { sqlAdapterOf, transactionOf } from './tableReads'

const isSqlite = (adapter: SQLiteAdapter | PostgresAdapter): adapter is SQLiteAdapter =>
  adapter.name === 'sqlite'

/**
 * Rows per INSERT: 14 columns each stays far below SQLite's 32,766 and PostgreSQL's 65,535
 * bound parameters, and one statement is still small.
 */
const rowsPerInsert = 500

/**
 * Inserts availability rows in multi-row INSERTs on the adapter's drizzle instance (and the
 * request's transaction): the collection has no hooks, and `payload.db.create` is one
 * statement and one result read-back per row. False on MongoDB (the caller writes them one by
 * one through Payload's adapter).
 */
export const insertAvailabilityRows = async (
  payload: Payload,
  rows: readonly AvailabilityRow[],
  req?: Partial<PayloadRequest>,
): Promise<boolean> => {
  const adapter = sqlAdapterOf(payload)
  if (!adapter) return false
  if (rows.length === 0) return true
  const now = new Date().toISOString()
  const table = adapter.tables.availability_windows
  const transaction = await transactionOf(adapter, req)
  for (let offset = 0; offset < rows.length; offset += rowsPerInsert) {
    const values = rows
      .slice(offset, offset + rowsPerInsert)
      .map((row) => ({ ...row, createdAt: now, updatedAt: now }))
    if (isSqlite(adapter)) {
      const db = (transaction as SQLiteAdapter['drizzle'] | undefined) ?? adapter.drizzle
      await db.insert(table).values(values)
    } else {
      const db = (transaction as PostgresAdapter['drizzle'] | undefined) ?? adapter.drizzle
      await db.insert(table).values(values)
    }
  }
  return true
}
