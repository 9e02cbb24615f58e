import crypto from 'node:crypto'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import type { ContentCollection, VideoFormat } from '../availability'
import type { Licence as LicenceDoc } from '../payload-types'
import type { ResolvedLicenceTerms } from './licenceTerms'
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

/** A licence as a create stores it: its fields, with what the save hooks resolve. */
export type LicenceInsert = Pick<
  LicenceDoc,
  | 'contractId'
  | 'licensor'
  | 'kind'
  | 'holdbackStrength'
  | 'licenceType'
  | 'start'
  | 'end'
  | 'announceAt'
  | 'exclusive'
  | 'notes'
  | 'availsKey'
  | 'availsSource'
  | 'hasConflicts'
> &
  ResolvedLicenceTerms & {
    content: { relationTo: ContentCollection; value: number | string }[]
    formats: VideoFormat[]
    territories: (number | string)[]
    excludedTerritories: (number | string)[]
    availsImport: number | string | null
    contentKeys: string[]
  }

const relationColumn: Record<ContentCollection, string> = {
  films: 'filmsID',
  series: 'seriesID',
  seasons: 'seasonsID',
  episodes: 'episodesID',
}

/** An id as array rows carry them (24 hex digits, as Payload's ObjectID-like ids). */
const arrayRowId = () => crypto.randomBytes(12).toString('hex')

type Row = Record<string, unknown>

/**
 * Inserts new licences in multi-row INSERTs on the adapter's drizzle instance (and the
 * request's transaction), laid out as Payload's create writes them: the main row, then
 * `formats`, the relationships (`content`, `territories`, `excludedTerritories`), the texts
 * (`contentKeys`, `countries`) and `resolvedWindows`. No hooks run: the caller gives what the
 * save hooks would store (`resolveLicenceTerms`) and refreshes availability rows and
 * conflicts itself. Answers the new ids in the order given; null on MongoDB.
 */
export const insertLicences = async (
  payload: Payload,
  licences: readonly LicenceInsert[],
  req?: Partial<PayloadRequest>,
): Promise<(number | string)[] | null> => {
  try {
    return await insertLicenceRows(payload, licences, req)
  } catch (error) {
    throw withDatabaseReason(error)
  }
}

/**
 * The database's own reason for a failed statement (a trigger's message, a constraint), not
 * drizzle's wrapper, whose message is the whole multi-row statement with every parameter.
 */
const withDatabaseReason = (error: unknown): unknown => {
  const cause: unknown = error instanceof Error ? error.cause : undefined
  if (!(cause instanceof Error) || !(error instanceof Error)) return error
  return new Error(`Could not insert the licences: ${cause.message}`, { cause: error })
}

const insertLicenceRows = async (
  payload: Payload,
  licences: readonly LicenceInsert[],
  req?: Partial<PayloadRequest>,
): Promise<(number | string)[] | null> => {
  const adapter = sqlAdapterOf(payload)
  if (!adapter) return null
  if (licences.length === 0) return []
  const now = new Date().toISOString()
  const transaction = await transactionOf(adapter, req)
  const { tables } = adapter
  const insert = async (table: string, rows: readonly Row[]) => {
    for (let offset = 0; offset < rows.length; offset += rowsPerInsert) {
      const values = rows.slice(offset, offset + rowsPerInsert)
      if (isSqlite(adapter)) {
        const db = (transaction as SQLiteAdapter['drizzle'] | undefined) ?? adapter.drizzle
        await db.insert(tables[table]).values(values)
      } else {
        const db = (transaction as PostgresAdapter['drizzle'] | undefined) ?? adapter.drizzle
        await db.insert(tables[table]).values(values)
      }
    }
  }
  const ids: (number | string)[] = []
  const main = tables.licences
  for (let offset = 0; offset < licences.length; offset += rowsPerInsert) {
    const values = licences.slice(offset, offset + rowsPerInsert).map((licence): Row => ({
      contractId: licence.contractId ?? null,
      licensor: licence.licensor ?? null,
      kind: licence.kind,
      holdbackStrength: licence.holdbackStrength ?? null,
      licenceType: licence.licenceType,
      start: licence.start,
      end: licence.end ?? null,
      announceAt: licence.announceAt ?? null,
      exclusive: licence.exclusive ?? null,
      notes: licence.notes ?? null,
      groupSnapshot: licence.groupSnapshot,
      tzVersion: licence.tzVersion,
      availsKey: licence.availsKey ?? null,
      availsSource: licence.availsSource ?? null,
      availsImport: licence.availsImport,
      hasConflicts: licence.hasConflicts ?? false,
      createdAt: now,
      updatedAt: now,
    }))
    let returned: { id: number | string }[]
    if (isSqlite(adapter)) {
      const db = (transaction as SQLiteAdapter['drizzle'] | undefined) ?? adapter.drizzle
      returned = await db.insert(main).values(values).returning({ id: main.id })
    } else {
      const db = (transaction as PostgresAdapter['drizzle'] | undefined) ?? adapter.drizzle
      returned = await db.insert(main).values(values).returning({ id: main.id })
    }
    if (returned.length !== values.length) {
      throw new Error(
        `inserted ${values.length} licences, the database answered ${returned.length}`,
      )
    }
    // One statement numbers its rows in the order of its VALUES (an INTEGER PRIMARY KEY, a
    // serial): ascending ids are the licences in order, whatever order RETURNING gives.
    ids.push(...returned.map((row) => Number(row.id)).sort((a, b) => a - b))
  }
  const each = <T>(rowsOf: (licence: LicenceInsert, parent: number | string) => T[]) =>
    licences.flatMap((licence, index) => rowsOf(licence, ids[index]))
  const ordered = <T>(values: readonly T[], row: (value: T, order: number) => Row) =>
    values.map((value, index) => row(value, index + 1))
  await insert(
    'licences_formats',
    each((licence, parent) =>
      ordered(licence.formats, (value, order) => ({ order, parent, value })),
    ),
  )
  await insert(
    'licences_rels',
    each((licence, parent) => [
      ...ordered(licence.content, (relation, order) => ({
        order,
        parent,
        path: 'content',
        [relationColumn[relation.relationTo]]: relation.value,
      })),
      ...ordered(licence.territories, (regionsID, order) => ({
        order,
        parent,
        path: 'territories',
        regionsID,
      })),
      ...ordered(licence.excludedTerritories, (regionsID, order) => ({
        order,
        parent,
        path: 'excludedTerritories',
        regionsID,
      })),
    ]),
  )
  await insert(
    'licences_texts',
    each((licence, parent) => [
      ...ordered(licence.contentKeys, (text, order) => ({
        order,
        parent,
        path: 'contentKeys',
        text,
      })),
      ...ordered(licence.countries, (text, order) => ({ order, parent, path: 'countries', text })),
    ]),
  )
  await insert(
    'licences_resolved_windows',
    each((licence, parent) =>
      ordered(licence.resolvedWindows, (window, order) => ({
        _order: order,
        _parentID: parent,
        id: arrayRowId(),
        ...window,
      })),
    ),
  )
  return ids
}
