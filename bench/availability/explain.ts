import type { BenchDatabase, Row } from './database'

type Captured = { sql: string; params: unknown[] }

export type ExplainedStatement = {
  sql: string
  /** Median of repeated runs of the statement alone, on the loader's connection. */
  medianMs: number
  plan: string[]
}

export type ReadExplained = {
  statements: ExplainedStatement[]
  totalStatementMs: number
  /** The Local API read end to end, in this process (median of 5). */
  localApiMs: number
  totalDocs: number
}

export type ExplainResults = { filtered: ReadExplained; unfiltered: ReadExplained }

type ExecuteFn = (statement: { sql: string; args: unknown[] }) => Promise<{ rows: Row[] }>
type QueryFn = (query: string | { text: string }, values?: unknown[]) => Promise<{ rows: Row[] }>

/** Records every statement the adapter sends while `run` runs. */
const capture = async (db: BenchDatabase, run: () => Promise<unknown>): Promise<Captured[]> => {
  const captured: Captured[] = []
  const client = db.adapter.client as unknown as { execute: ExecuteFn } | undefined
  const pool = db.adapter.pool as unknown as { query: QueryFn } | undefined
  if (client) {
    const original = client.execute
    client.execute = (statement) => {
      captured.push({ sql: statement.sql, params: statement.args ?? [] })
      return original.call(client, statement)
    }
    try {
      await run()
    } finally {
      client.execute = original
    }
  } else if (pool) {
    const original = pool.query
    pool.query = (query, values) => {
      captured.push({ sql: typeof query === 'string' ? query : query.text, params: values ?? [] })
      return original.call(pool, query, values)
    }
    try {
      await run()
    } finally {
      pool.query = original
    }
  }
  return captured
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

const explainStatement = async (
  db: BenchDatabase,
  statement: Captured,
): Promise<ExplainedStatement> => {
  const times: number[] = []
  for (let run = 0; run < 5; run++) {
    const start = performance.now()
    await db.query(statement.sql, statement.params)
    times.push(performance.now() - start)
  }
  const plan =
    db.backend === 'sqlite'
      ? (await db.query(`EXPLAIN QUERY PLAN ${statement.sql}`, statement.params)).map(
          (row) => `${row.id}<-${row.parent} ${String(row.detail)}`,
        )
      : (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params)).map(
          (row) => String(row['QUERY PLAN']),
        )
  return { sql: statement.sql, medianMs: median(times), plan }
}

const explainRead = async (db: BenchDatabase, read: () => Promise<{ totalDocs: number }>) => {
  await read()
  let totalDocs = 0
  const statements = await capture(db, async () => {
    totalDocs = (await read()).totalDocs
  })
  const localTimes: number[] = []
  for (let run = 0; run < 5; run++) {
    const start = performance.now()
    await read()
    localTimes.push(performance.now() - start)
  }
  const explained: ExplainedStatement[] = []
  for (const statement of statements) explained.push(await explainStatement(db, statement))
  return {
    statements: explained,
    totalStatementMs: explained.reduce((sum, statement) => sum + statement.medianMs, 0),
    localApiMs: median(localTimes),
    totalDocs,
  }
}

/**
 * The SQL behind `GET /api/films?limit=24` for a viewer in `territory` and for a staff user,
 * through the Local API with the same access rules, with each statement's time and plan.
 */
export const explainFilmsPage = async (
  db: BenchDatabase,
  { territory, pageSize, staffEmail }: { territory: string; pageSize: number; staffEmail: string },
): Promise<ExplainResults> => {
  const { payload } = db
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: staffEmail } },
    overrideAccess: true,
    depth: 0,
  })
  const staff = docs[0]
  if (!staff) throw new Error(`no user ${staffEmail}`)
  const filtered = await explainRead(db, () =>
    payload.find({
      collection: 'films',
      limit: pageSize,
      overrideAccess: false,
      context: { viewerTerritory: territory },
    }),
  )
  const unfiltered = await explainRead(db, () =>
    payload.find({
      collection: 'films',
      limit: pageSize,
      overrideAccess: false,
      user: { ...staff, collection: 'users' },
    }),
  )
  return { filtered, unfiltered }
}
