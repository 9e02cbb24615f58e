import { type PostgresAdapter, sql as postgresSql } from '@payloadcms/db-postgres'
import { type SQLiteAdapter, sql as sqliteSql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import {
  type ContentCollection,
  contentRefFromKey,
  type Licence,
  type LicenceType,
  type VideoFormat,
} from '../availability'
import { idOf } from './ids'
import { relationOf, type RowRecord } from './rowDifferences'

/**
 * Reads the rights engine and the audit make in bulk, straight from the SQL tables with the
 * adapter's own drizzle instance (and its transaction, when the request has one). Payload's
 * generic read path runs a relational query and then transforms every field of every row; for
 * the flat availability rows and the few licence fields the engine needs, that cost 35 µs per
 * row and 250 µs per licence, the largest part of a full audit. On MongoDB, Payload's
 * adapter reads them (see the callers).
 */

type SqlAdapter = SQLiteAdapter | PostgresAdapter
type Req = Partial<PayloadRequest> | undefined

/**
 * The SQL adapter behind `payload.db`, or null on MongoDB. (`payload.db` is typed as the
 * MongoDB adapter, which @payloadcms/db-mongodb declares for every project that installs it.)
 */
export const sqlAdapterOf = (payload: Payload): SqlAdapter | null => {
  const db: { name: string } = payload.db
  return db.name === 'sqlite' || db.name === 'postgres' ? (db as SqlAdapter) : null
}

const isSqlite = (adapter: SqlAdapter): adapter is SQLiteAdapter => adapter.name === 'sqlite'

/** The request's transaction on this adapter (its drizzle session), if it has one. */
export const transactionOf = async (adapter: SqlAdapter, req: Req) => {
  const transactionID = req?.transactionID ? await req.transactionID : undefined
  return transactionID === undefined ? undefined : adapter.sessions[transactionID]?.db
}

/**
 * What a statement needs of either dialect, to be written once for both (each adapter
 * installs its own drizzle-orm, so the two `sql` tags are different types).
 */
type Dialect<Statement> = {
  sql: (strings: TemplateStringsArray, ...params: unknown[]) => Statement
  /** `(the texts)` for `column in ...`, bound as one parameter however many there are. */
  list: (values: readonly string[]) => Statement
  /** A JSON array of `value` over the group, in `order` (an empty array for no rows). */
  jsonAgg: (value: unknown, order: unknown) => Statement
  /** A JSON array of these values. */
  tuple: (...values: unknown[]) => Statement
  /** The group's texts sorted bytewise and joined by newlines (null for no rows). */
  linesAgg: (line: unknown) => Statement
  /** A timestamp column as `toISOString` writes it. */
  isoText: (column: unknown) => Statement
  /** A JSON column as the database prints it (PostgreSQL's jsonb normalises it). */
  jsonText: (column: unknown) => Statement
}

type Build = <Statement>(dialect: Dialect<Statement>) => Statement

const joined = <Statement>(sql: Dialect<Statement>['sql'], values: unknown[]) =>
  values.slice(1).reduce<Statement>((all, value) => sql`${all}, ${value}`, sql`${values[0]}`)

/**
 * Runs a statement built for the adapter's dialect and returns its rows as objects. The
 * statements here return one row per title or licence with its details aggregated as JSON:
 * libsql builds each result row with a property definition per column (about 15 µs a row),
 * while parsing JSON is native.
 */
const rowsOf = async <Row>(adapter: SqlAdapter, req: Req, build: Build): Promise<Row[]> => {
  const transaction = await transactionOf(adapter, req)
  if (isSqlite(adapter)) {
    const db = (transaction as SQLiteAdapter['drizzle'] | undefined) ?? adapter.drizzle
    const sql = sqliteSql
    return db.all<Row>(
      build({
        sql,
        list: (values) => sql`(select value from json_each(${JSON.stringify(values)}))`,
        jsonAgg: (value, order) => sql`json_group_array(${value} order by ${order})`,
        tuple: (...values) => sql`json_array(${joined(sql, values)})`,
        linesAgg: (line) => sql`group_concat(${line}, char(10) order by ${line})`,
        isoText: (column) => sql`${column}`,
        jsonText: (column) => sql`${column}`,
      }),
    )
  }
  const db = (transaction as PostgresAdapter['drizzle'] | undefined) ?? adapter.drizzle
  const sql = postgresSql
  const result = await db.execute(
    build({
      sql,
      list: (values) => sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`,
      jsonAgg: (value, order) => sql`coalesce(json_agg(${value} order by ${order}), '[]'::json)`,
      tuple: (...values) => sql`json_build_array(${joined(sql, values)})`,
      linesAgg: (line) => sql`string_agg(${line}, E'\n' order by ${line} collate "C")`,
      isoText: (column) =>
        sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      jsonText: (column) => sql`${column}::text`,
    }),
  )
  return result.rows as Row[]
}

/** SQLite answers JSON as text, PostgreSQL (node-postgres) as parsed values. */
const jsonOf = <T>(value: unknown): T =>
  (typeof value === 'string' ? JSON.parse(value) : value) as T

/** A stored `availability-windows` row with the fields the audit compares. */
export type StoredRowRecord = RowRecord & { id: string | number }

/**
 * id, collection, film, series, season, episode, territory, start, end, offers, state,
 * availableFrom, availableUntil
 */
type StoredRowTuple = [
  number,
  RowRecord['titleCollection'],
  number | null,
  number | null,
  number | null,
  number | null,
  string,
  string,
  string,
  unknown,
  RowRecord['state'],
  string | null,
  string | null,
]

/** The stored availability rows of these titles (by content key), in no particular order. */
export const readStoredRows = async (
  payload: Payload,
  keys: readonly string[],
  req?: Req,
): Promise<StoredRowRecord[]> => {
  if (keys.length === 0) return []
  const adapter = sqlAdapterOf(payload)
  if (!adapter) {
    const { docs } = await payload.db.find<StoredRowRecord>({
      collection: 'availability-windows',
      where: { contentKey: { in: [...keys] } },
      limit: 0,
      pagination: false,
      select: {
        contentKey: true,
        titleCollection: true,
        film: true,
        series: true,
        season: true,
        episode: true,
        territory: true,
        start: true,
        end: true,
        offers: true,
        state: true,
        availableFrom: true,
        availableUntil: true,
      },
      req,
    })
    return docs
  }
  const table = adapter.tables.availability_windows
  const titles = await rowsOf<{ content_key: string; rows: unknown }>(
    adapter,
    req,
    ({ sql, list, jsonAgg, tuple }) => sql`select ${table.contentKey} as content_key, ${jsonAgg(
      tuple(
        table.id,
        table.titleCollection,
        table.film,
        table.series,
        table.season,
        table.episode,
        table.territory,
        table.start,
        table.end,
        table.offers,
        table.state,
        table.availableFrom,
        table.availableUntil,
      ),
      table.id,
    )} as rows from ${table} where ${table.contentKey} in ${list(keys)}
      group by ${table.contentKey}`,
  )
  return titles.flatMap(({ content_key: contentKey, rows }) =>
    jsonOf<StoredRowTuple[]>(rows).map(
      ([
        id,
        titleCollection,
        film,
        series,
        season,
        episode,
        territory,
        start,
        end,
        offers,
        state,
        availableFrom,
        availableUntil,
      ]) => ({
        id,
        contentKey,
        titleCollection,
        film,
        series,
        season,
        episode,
        territory,
        start,
        end,
        offers: jsonOf<unknown>(offers),
        state,
        availableFrom,
        availableUntil,
      }),
    ),
  )
}

/**
 * JSON as PostgreSQL prints a jsonb value: object keys ordered by length, then bytewise, and a
 * space after every `:` and `,`.
 */
const jsonbText = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort((a, b) =>
      a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0,
    )
    const entries = Object.entries(value)
    const of = new Map(entries)
    return `{${keys.map((key) => `${JSON.stringify(key)}: ${jsonbText(of.get(key))}`).join(', ')}}`
  }
  return JSON.stringify(value)
}

/** The fields of a row its digest line says (all the audit compares). */
type DigestRow = RowRecord & { titleCollection: ContentCollection }

const digestLine = (row: DigestRow, offersText: (offers: unknown) => string): string =>
  `${row.titleCollection}|${idOf(row[relationOf[row.titleCollection]]) ?? ''}|${row.territory}|${row.start}|${row.end}|${offersText(row.offers)}|${row.state ?? 'available'}|${row.availableFrom ?? ''}|${row.availableUntil ?? ''}`

const digestsFrom = (
  rows: readonly DigestRow[],
  offersText: (offers: unknown) => string,
): Map<string, string> => {
  const lines = new Map<string, string[]>()
  for (const row of rows) {
    const list = lines.get(row.contentKey)
    const line = digestLine(row, offersText)
    if (list) list.push(line)
    else lines.set(row.contentKey, [line])
  }
  return new Map([...lines].map(([key, list]) => [key, list.sort().join('\n')]))
}

/**
 * Per title (by content key), one text that says everything about its stored rows (each row
 * as a line, sorted), computed in the database, and the same text for rows a recomputation
 * gives: equal texts mean equal rows, so the audit reads and compares rows one by one only for
 * the titles whose texts differ. Null on MongoDB. Titles without rows have no entry.
 */
export type RowDigests = {
  stored: Map<string, string>
  expected: (rows: readonly DigestRow[]) => Map<string, string>
}

export const readRowDigests = async (
  payload: Payload,
  keys: readonly string[],
  req?: Req,
): Promise<RowDigests | null> => {
  const adapter = sqlAdapterOf(payload)
  if (!adapter) return null
  const offersText = isSqlite(adapter)
    ? (offers: unknown) => JSON.stringify(offers)
    : (offers: unknown) => jsonbText(offers)
  const expected = (rows: readonly DigestRow[]) => digestsFrom(rows, offersText)
  if (keys.length === 0) return { stored: new Map(), expected }
  const table = adapter.tables.availability_windows
  const titles = await rowsOf<{ content_key: string; digest: string }>(
    adapter,
    req,
    ({ sql, list, linesAgg, isoText, jsonText }) => {
      const titleId = sql`coalesce(cast(case ${table.titleCollection}
        when 'films' then ${table.film} when 'series' then ${table.series}
        when 'seasons' then ${table.season} when 'episodes' then ${table.episode} end as text), '')`
      const line = sql`${table.titleCollection} || '|' || ${titleId} || '|' || ${table.territory}
        || '|' || ${isoText(table.start)} || '|' || ${isoText(table.end)}
        || '|' || ${jsonText(table.offers)} || '|' || coalesce(${table.state}, 'available')
        || '|' || coalesce(${isoText(table.availableFrom)}, '')
        || '|' || coalesce(${isoText(table.availableUntil)}, '')`
      return sql`select ${table.contentKey} as content_key, ${linesAgg(line)} as digest
        from ${table} where ${table.contentKey} in ${list(keys)} group by ${table.contentKey}`
    },
  )
  return {
    stored: new Map(titles.map((title) => [title.content_key, title.digest])),
    expected,
  }
}

type LicenceColumns = {
  id: number
  licence_type: string
  kind: Licence['kind']
  holdback_strength: Licence['holdbackStrength'] | null
  exclusive: number | boolean | null
  announce_at: string | null
  content_keys: unknown
  formats: unknown
  windows: unknown
}

/**
 * The licences naming any of these titles (by content key), as the engine sees them, in one
 * statement; null on MongoDB (the caller reads them through Payload's adapter).
 */
export const readEngineLicences = async (
  payload: Payload,
  keys: readonly string[],
  req?: Req,
): Promise<Licence[] | null> => {
  const adapter = sqlAdapterOf(payload)
  if (!adapter) return null
  if (keys.length === 0) return []
  const { licences, licences_texts: texts, licences_formats: formats } = adapter.tables
  const windows = adapter.tables.licences_resolved_windows
  const rows = await rowsOf<LicenceColumns>(
    adapter,
    req,
    ({ sql, list, jsonAgg, tuple }) => sql`select ${licences.id} as id,
      ${licences.licenceType} as licence_type, ${licences.kind} as kind,
      ${licences.holdbackStrength} as holdback_strength, ${licences.exclusive} as exclusive,
      ${licences.announceAt} as announce_at,
      (select ${jsonAgg(texts.text, texts.order)} from ${texts}
        where ${texts.parent} = ${licences.id} and ${texts.path} = 'contentKeys') as content_keys,
      (select ${jsonAgg(formats.value, formats.order)} from ${formats}
        where ${formats.parent} = ${licences.id}) as formats,
      (select ${jsonAgg(tuple(windows.territory, windows.start, windows.end), windows._order)}
        from ${windows} where ${windows._parentID} = ${licences.id}) as windows
      from ${licences} where ${licences.id} in (select ${texts.parent} from ${texts}
        where ${texts.path} = 'contentKeys' and ${texts.text} in ${list(keys)})
      order by ${licences.id}`,
  )
  return rows.map((row) => ({
    id: String(row.id),
    content: jsonOf<string[]>(row.content_keys).map(contentRefFromKey),
    licenceType: row.licence_type as LicenceType,
    formats: jsonOf<VideoFormat[]>(row.formats),
    kind: row.kind,
    holdbackStrength: row.holdback_strength ?? undefined,
    exclusive: Boolean(row.exclusive),
    announceAt: row.announce_at ? new Date(row.announce_at).toISOString() : null,
    windows: jsonOf<[string, string, string | null][]>(row.windows).map(
      ([territory, start, end]) => ({
        territory,
        start: new Date(start).toISOString(),
        end: end === null ? null : new Date(end).toISOString(),
      }),
    ),
  }))
}
