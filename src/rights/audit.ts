import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  type Where,
} from 'payload'

import {
  allContentCollections,
  type ContentCollection,
  type ContentRef,
  contentRefFromKey,
  nodeKey,
} from '../availability'
import { documentId } from './ids'
import {
  type AvailabilityRow,
  computeAvailabilityRows,
  replaceAvailabilityRows,
} from './materialize'
import { loadRightsContext, type RightsContext } from './rightsContext'
import { readRowDigests, readStoredRows, type RowDigests, type StoredRowRecord } from './tableReads'
import {
  type AuditRow,
  compareRows,
  normalRow,
  relationOf,
  type RowRecord,
  type TitleDifference,
} from './rowDifferences'

export type AuditExample = {
  contentKey: string
  title: string | null
  missing: number
  extra: number
  different: number
  /** A few of the rows concerned, for the report. */
  rows: { kind: 'missing' | 'extra' | 'different'; territory: string; start: string; end: string }[]
}

export type AuditTotals = {
  /** Titles checked. */
  checked: number
  /** Titles whose stored rows differ from a recomputation. */
  differing: number
  /** Titles whose rows were rewritten. */
  repaired: number
  rows: { missing: number; extra: number; different: number }
  /** The first differing titles (at most `exampleLimit`), with their names. */
  examples: AuditExample[]
}

const emptyTotals = (): AuditTotals => ({
  checked: 0,
  differing: 0,
  repaired: 0,
  rows: { missing: 0, extra: 0, different: 0 },
  examples: [],
})

const exampleLimit = 10

const titleNames = async (
  payload: Payload,
  keys: readonly string[],
  req: Partial<PayloadRequest> | undefined,
): Promise<Map<string, string>> => {
  const names = new Map<string, string>()
  for (const collection of allContentCollections) {
    const ids = keys
      .map(contentRefFromKey)
      .filter((node) => node.collection === collection)
      .map((node) => node.id)
    if (ids.length === 0) continue
    const { docs } = await payload.find({
      collection,
      where: { id: { in: ids } },
      pagination: false,
      depth: 0,
      locale: 'en',
      overrideAccess: true,
      select: { title: true },
      req,
    })
    for (const doc of docs) {
      if (doc.title) names.set(nodeKey({ collection, id: String(doc.id) }), doc.title)
    }
  }
  return names
}

const addDifferences = async (
  payload: Payload,
  totals: AuditTotals,
  differences: readonly TitleDifference[],
  req: Partial<PayloadRequest> | undefined,
) => {
  totals.differing += differences.length
  for (const difference of differences) {
    totals.rows.missing += difference.missing.length
    totals.rows.extra += difference.extra.length
    totals.rows.different += difference.different.length
  }
  const room = exampleLimit - totals.examples.length
  if (room <= 0 || differences.length === 0) return
  const shown = differences.slice(0, room)
  const names = await titleNames(
    payload,
    shown.map((difference) => difference.contentKey),
    req,
  )
  for (const difference of shown) {
    const rows = [
      ...difference.missing.map((row) => ({ kind: 'missing' as const, ...row })),
      ...difference.extra.map((row) => ({ kind: 'extra' as const, ...row })),
      ...difference.different.map(({ stored }) => ({ kind: 'different' as const, ...stored })),
    ]
    totals.examples.push({
      contentKey: difference.contentKey,
      title: names.get(difference.contentKey) ?? null,
      missing: difference.missing.length,
      extra: difference.extra.length,
      different: difference.different.length,
      rows: rows
        .slice(0, 5)
        .map(({ kind, territory, start, end }) => ({ kind, territory, start, end })),
    })
  }
}

const storedRowsOf = async (
  payload: Payload,
  where: Where,
  req: Partial<PayloadRequest> | undefined,
): Promise<(AuditRow & { rowId: string | number })[]> => {
  const { docs } = await payload.db.find<RowRecord & { id: string | number }>({
    collection: 'availability-windows',
    where,
    limit: 0,
    pagination: false,
    // Not the default (createdAt): SQLite then walks the whole table in created_at order
    // instead of looking the keys up in the content_key index.
    sort: 'contentKey',
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
  return docs.map((doc) => ({ ...normalRow(doc), rowId: doc.id }))
}

/** What checking one batch of titles reads: the rights context around them and their rows' digests. */
type BatchReads = {
  context: RightsContext
  keys: string[]
  /** Null where the database cannot build digests (MongoDB). */
  digests: RowDigests | null
}

const readBatch = async (
  payload: Payload,
  roots: readonly ContentRef[],
  req: Partial<PayloadRequest> | undefined,
): Promise<BatchReads> => {
  const context = await loadRightsContext(payload, roots, req)
  const keys = context.nodes.map(nodeKey)
  return { context, keys, digests: await readRowDigests(payload, keys, req) }
}

/**
 * How the stored rows of these titles differ from `expectedRows`. Where the database said it
 * in one text per title (SQL backends), only the titles whose texts differ are read and
 * compared row by row.
 */
const differencesOf = async (
  payload: Payload,
  { keys, digests }: BatchReads,
  expectedRows: readonly AvailabilityRow[],
  req: Partial<PayloadRequest> | undefined,
): Promise<TitleDifference[]> => {
  let suspects = keys
  let expected = expectedRows
  if (digests) {
    const expectedDigests = digests.expected(expectedRows)
    suspects = keys.filter((key) => digests.stored.get(key) !== expectedDigests.get(key))
    if (suspects.length === 0) return []
    const suspect = new Set(suspects)
    expected = expectedRows.filter((row) => suspect.has(row.contentKey))
  }
  const stored = (await readStoredRows(payload, suspects, req)).map((row: StoredRowRecord) => ({
    ...normalRow(row),
    rowId: row.id,
  }))
  return compareRows(expected.map(normalRow), stored)
}

export type AuditOptions = {
  /** Rewrite the rows of titles that differ (in one transaction per batch). */
  repair?: boolean
  /** Called once per repaired title, e.g. to log it as one structured line. */
  onRepair?: (difference: TitleDifference, title: string | null) => void
  req?: Partial<PayloadRequest>
}

/**
 * Recomputes a batch's rows from what `readBatch` read, compares them with the stored rows
 * and, with `repair`, gives the titles that differ the recomputed rows in one transaction
 * (the caller's, when `req` is given).
 */
const checkBatch = async (
  payload: Payload,
  reads: BatchReads,
  { repair = false, onRepair, req }: AuditOptions,
): Promise<AuditTotals> => {
  const totals = emptyTotals()
  totals.checked = reads.keys.length
  const expectedRows = computeAvailabilityRows((id) => documentId(payload, id), reads.context)
  const differences = await differencesOf(payload, reads, expectedRows, req)
  await addDifferences(payload, totals, differences, req)
  if (!repair || differences.length === 0) return totals
  const ownRequest = req ? undefined : await createLocalReq({}, payload)
  const request = req ?? ownRequest
  const ownsTransaction = ownRequest ? await initTransaction(ownRequest) : false
  try {
    const differing = new Set(differences.map((difference) => difference.contentKey))
    await replaceAvailabilityRows(
      payload,
      [...differing],
      expectedRows.filter((row) => differing.has(row.contentKey)),
      request,
    )
    totals.repaired = differing.size
    if (onRepair) {
      const names = await titleNames(payload, [...differing], request)
      for (const difference of differences) {
        onRepair(difference, names.get(difference.contentKey) ?? null)
      }
    }
    if (ownsTransaction && ownRequest) await commitTransaction(ownRequest)
    return totals
  } catch (error) {
    if (ownsTransaction && ownRequest) await killTransaction(ownRequest)
    throw error
  }
}

/**
 * Recomputes the rows of these titles (and of everything around them: their ancestors and
 * descendants) from the licences and compares them with the stored rows; with `repair`, the
 * titles that differ get the recomputed rows, in one transaction.
 */
export const auditTitles = async (
  payload: Payload,
  roots: readonly ContentRef[],
  options: AuditOptions = {},
): Promise<AuditTotals> =>
  roots.length === 0
    ? emptyTotals()
    : checkBatch(payload, await readBatch(payload, roots, options.req), options)

/**
 * Stored rows whose title no longer exists (its relation was cleared when it was deleted, and
 * no title has its content key): nothing recomputes them, so the walk over titles cannot see
 * them. Repair deletes exactly these rows.
 */
const auditOrphanRows = async (
  payload: Payload,
  { repair = false, onRepair, req }: AuditOptions = {},
): Promise<AuditTotals> => {
  const totals = emptyTotals()
  const orphans: (AuditRow & { rowId: string | number })[] = []
  for (const collection of allContentCollections) {
    const rows = await storedRowsOf(
      payload,
      {
        and: [
          { titleCollection: { equals: collection } },
          { [relationOf[collection]]: { exists: false } },
        ],
      },
      req,
    )
    if (rows.length === 0) continue
    const ids = [...new Set(rows.map((row) => contentRefFromKey(row.contentKey).id))]
    const { docs: existing } = await payload.find({
      collection,
      where: { id: { in: ids } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: {},
      req,
    })
    const alive = new Set(existing.map((doc) => nodeKey({ collection, id: String(doc.id) })))
    orphans.push(...rows.filter((row) => !alive.has(row.contentKey)))
  }
  const differences = compareRows([], orphans)
  await addDifferences(payload, totals, differences, req)
  if (repair && orphans.length > 0) {
    await payload.db.deleteMany({
      collection: 'availability-windows',
      where: { id: { in: orphans.map((row) => row.rowId) } },
      req,
    })
    totals.repaired = differences.length
    for (const difference of differences) onRepair?.(difference, null)
  }
  return totals
}

/** Where a walk over the whole catalog stands: the next batch starts after `afterId`. */
export type AuditCursor = {
  step: 'films' | 'series' | 'seasons' | 'episodes' | 'orphans'
  afterId: string | null
}

const auditStart: AuditCursor = { step: 'films', afterId: null }

const steps: AuditCursor['step'][] = ['films', 'series', 'seasons', 'episodes', 'orphans']

/**
 * The roots each step walks: every film and every series (each with all its seasons and
 * episodes), then seasons without a series and episodes without a season.
 */
const rootsWhere: Record<ContentCollection, Where | undefined> = {
  films: undefined,
  series: undefined,
  seasons: { series: { exists: false } },
  episodes: { season: { exists: false } },
}

const mergeTotals = (into: AuditTotals, more: AuditTotals): AuditTotals => {
  into.checked += more.checked
  into.differing += more.differing
  into.repaired += more.repaired
  into.rows.missing += more.rows.missing
  into.rows.extra += more.rows.extra
  into.rows.different += more.rows.different
  into.examples.push(...more.examples.slice(0, exampleLimit - into.examples.length))
  return into
}

/** See `CatalogAuditOptions.batchSize`. */
const seriesShare = 50

export type CatalogAuditOptions = AuditOptions & {
  /** Where to start (a previous run's `next`); the whole catalog by default. */
  from?: AuditCursor
  /** Stop after about this many titles (the next run goes on from `next`). */
  maxTitles?: number
  /**
   * Films (or seasons, episodes) per batch. A series brings all its seasons and episodes along
   * (tens of titles, each with its rows in every territory), so series are taken a fiftieth as
   * many at a time: a batch of series then holds about as many titles as a batch of films.
   */
  batchSize?: number
  onBatch?: (totals: AuditTotals) => void
}

export type CatalogAuditResult = AuditTotals & {
  /** Where the next run goes on; null when this run reached the end of the catalog. */
  next: AuditCursor | null
}

/** A batch of roots and the reads its check needs, or the end of the walk over titles. */
type CatalogBatch = { kind: 'titles'; reads: BatchReads; after: AuditCursor } | { kind: 'orphans' }

/**
 * The next batch of roots from `cursor` on (at most `room` titles' worth of roots), with its
 * reads, moving on to the next step when a step has no roots left.
 */
const nextCatalogBatch = async (
  payload: Payload,
  cursor: AuditCursor,
  room: number,
  batchSize: number,
  req: Partial<PayloadRequest> | undefined,
): Promise<CatalogBatch> => {
  for (let at = cursor; ;) {
    if (at.step === 'orphans') return { kind: 'orphans' }
    const collection = at.step
    const perBatch =
      collection === 'series' ? Math.max(1, Math.ceil(batchSize / seriesShare)) : batchSize
    // Never more roots than the titles left in this run (a series brings its episodes along).
    const limit = Math.max(1, Math.min(perBatch, room))
    const conditions = [
      rootsWhere[collection],
      at.afterId === null ? undefined : { id: { greater_than: documentId(payload, at.afterId) } },
    ].filter((condition): condition is Where => Boolean(condition))
    const { docs } = await payload.find({
      collection,
      where: conditions.length ? { and: conditions } : undefined,
      sort: 'id',
      limit,
      depth: 0,
      overrideAccess: true,
      select: {},
      req,
    })
    if (docs.length === 0) {
      at = { step: steps[steps.indexOf(at.step) + 1], afterId: null }
      continue
    }
    const roots = docs.map((doc) => ({ collection, id: String(doc.id) }))
    return {
      kind: 'titles',
      reads: await readBatch(payload, roots, req),
      after: { step: collection, afterId: String(docs[docs.length - 1].id) },
    }
  }
}

/**
 * Audits the catalog in bounded batches, from `from` to the end or until `maxTitles` titles
 * were checked. Each batch is recomputed from the licences, compared with the stored rows and,
 * with `repair`, rewritten where it differs (one transaction per batch). The next batch is read
 * while the current one is recomputed (unless the caller's `req` holds a transaction), so
 * that the database (its own process on PostgreSQL) and the engine work side by side; at most
 * two batches are held at a time.
 */
export const auditCatalog = async (
  payload: Payload,
  {
    from = auditStart,
    maxTitles = Infinity,
    batchSize = 100,
    onBatch,
    ...options
  }: CatalogAuditOptions = {},
): Promise<CatalogAuditResult> => {
  const totals = emptyTotals()
  const read = (cursor: AuditCursor, checked: number) => {
    const batch = nextCatalogBatch(payload, cursor, maxTitles - checked, batchSize, options.req)
    // Awaited below; a failure of the batch being checked must not leave this one unhandled.
    batch.catch(() => undefined)
    return batch
  }
  // A caller's transaction is one connection, which must not run two statements at once.
  const readAhead = !options.req?.transactionID
  let cursor: AuditCursor = from
  let checked = 0
  let pending: Promise<CatalogBatch> | null = maxTitles > 0 ? read(cursor, checked) : null
  while (pending) {
    const batch: CatalogBatch = await pending
    if (batch.kind === 'orphans') {
      mergeTotals(totals, await auditOrphanRows(payload, options))
      onBatch?.(totals)
      return { ...totals, next: null }
    }
    checked += batch.reads.keys.length
    cursor = batch.after
    const more = checked < maxTitles
    pending = more && readAhead ? read(cursor, checked) : null
    mergeTotals(totals, await checkBatch(payload, batch.reads, options))
    onBatch?.(totals)
    if (more && !readAhead) pending = read(cursor, checked)
  }
  return { ...totals, next: cursor }
}
