import {
  type Client,
  type Config,
  createClient,
  type InStatement,
  LibsqlError,
  type Transaction,
} from '@libsql/client'

import { isDatabaseBusy } from './databaseBusy'

export type SqliteClientOptions = {
  /** How long a statement waits for another connection's lock before SQLITE_BUSY (ms). */
  busyTimeoutMs: number
  /**
   * How long a write waits for a write transaction of this process (ms) before it fails as
   * busy: such a transaction is work under way (an avails apply), not a stuck process, so
   * writes wait for it to end rather than fail (default 120 s; a limit in case it never does).
   */
  transactionWaitMs?: number
}

const defaultTransactionWaitMs = 120_000

/** What the SQLite adapter would set with `wal: true`: journal at most 64 MiB, fsync per commit. */
const walJournalSizeLimit = 64 * 1024 * 1024

/** Settings SQLite keeps per connection (the journal mode is kept in the file). */
const configureConnection = async (client: Client, { busyTimeoutMs }: SqliteClientOptions) => {
  await client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
  await client.execute(`PRAGMA journal_size_limit = ${walJournalSizeLimit}`)
  await client.execute('PRAGMA synchronous = FULL')
}

/**
 * libsql (0.4, and upstream still: tursodatabase/libsql-client-ts#352) leaves a statement that
 * failed with SQLITE_BUSY in progress until the garbage collector finalises it. Meanwhile the
 * connection never commits again: its next writes stay in an open transaction that holds the
 * write lock, so every other process waits and fails, and this one's writes are not durable.
 * The connection is therefore retired after a busy error: `transaction()` takes it away from
 * the client (which opens a fresh one for its next statement) and the hand-off is rolled back,
 * leaving the old connection nothing but a read snapshot until it is collected.
 */
const retireConnection = async (client: Client, options: SqliteClientOptions) => {
  const handOff = await client.transaction('deferred').catch(async () => {
    // The failed statement was inside an explicit transaction (a batch): end it first.
    await client.execute('ROLLBACK').catch(() => {})
    return client.transaction('deferred')
  })
  handOff.close()
  await configureConnection(client, options)
}

const guardedMethods = new Set<PropertyKey>([
  'execute',
  'batch',
  'migrate',
  'executeMultiple',
  'transaction',
])

/** Statements that never write: they read the last committed state (WAL), lock or no lock. */
const readOnlyStatement = /^\s*(select|pragma|explain|values)\b/i

const sqlOf = (statement: InStatement): string =>
  typeof statement === 'string' ? statement : statement.sql

/** Whether a call of the client's method may write (and so needs SQLite's write lock). */
const mayWrite = (method: PropertyKey, args: readonly unknown[]): boolean => {
  if (method === 'execute') return !readOnlyStatement.test(sqlOf(args[0] as InStatement))
  if (method === 'batch') {
    return (args[0] as InStatement[]).some((statement) => !readOnlyStatement.test(sqlOf(statement)))
  }
  return true
}

/**
 * One write transaction of this process at a time (`client.transaction()`, which takes the
 * connection away from the client; Payload's SQLite adapter runs one only where a caller asks,
 * see src/config/writeTransaction.ts). While it is open it holds SQLite's write lock, and a
 * write on the client's own connection would wait for that lock inside libsql, synchronously:
 * the event loop, and so the transaction itself, would stand still for the whole busy timeout.
 * Writes of this process therefore wait here instead, asynchronously, until it has ended (up to
 * `transactionWaitMs`, then they fail as busy: 503); reads never wait.
 */
class WriteGate {
  private open: { closed: Promise<void>; close: () => void } | null = null

  get held(): boolean {
    return this.open !== null
  }

  /**
   * Resolves once no transaction of this process is open, busy at `deadline` (epoch ms). Another
   * waiter may take the gate first: check `held` again after it resolves.
   */
  async waitUntilFree(deadline: number): Promise<void> {
    while (this.open) {
      const remaining = deadline - Date.now()
      if (remaining <= 0) {
        throw new LibsqlError(
          'database is locked (a write transaction of this process is still open)',
          'SQLITE_BUSY',
          5,
        )
      }
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        this.open.closed,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, remaining))),
      ])
      clearTimeout(timer)
    }
  }

  take(): () => void {
    let close = () => {}
    const closed = new Promise<void>((resolve) => (close = resolve))
    const open = { closed, close }
    this.open = open
    return () => {
      if (this.open === open) this.open = null
      open.close()
    }
  }
}

/** The transaction's own methods, with the gate opened again once it has ended. */
const releasingWhenEnded = (transaction: Transaction, release: () => void): Transaction =>
  new Proxy(transaction, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target)
      if (typeof value !== 'function') return value
      const method = value as (...args: unknown[]) => unknown
      if (property !== 'commit' && property !== 'rollback' && property !== 'close') {
        return method.bind(target)
      }
      return (...args: unknown[]) => {
        const ended = () => {
          if (target.closed) release()
        }
        try {
          const result = method.apply(target, args)
          if (result instanceof Promise) return result.finally(ended)
          ended()
          return result
        } catch (error) {
          ended()
          throw error
        }
      }
    },
  })

/** Clients opened by `openSqliteClient`: they keep write transactions apart from other writes. */
const gatedClients = new WeakSet<Client>()

/**
 * Whether this client can run a write transaction beside other requests: a file database
 * opened by `openSqliteClient` (readers on the client's connection see only what was
 * committed). An in-memory database cannot: libsql would open the client's next connection on
 * a new, empty database.
 */
export const runsWriteTransactions = (client: unknown): boolean =>
  typeof client === 'object' && client !== null && gatedClients.has(client as Client)

/**
 * The libsql client Payload's SQLite adapter uses, for a database file shared by several
 * processes: WAL (readers never wait for the writer), a busy timeout (a writer waits for
 * another's lock), a connection that survives a busy error, and write transactions that other
 * writes of this process wait for (`WriteGate`).
 */
export const openSqliteClient = async (
  config: Config,
  options: SqliteClientOptions,
): Promise<Client> => {
  const client = createClient(config)
  await configureConnection(client, options)
  const { rows } = await client.execute('PRAGMA journal_mode')
  if (rows[0]?.journal_mode !== 'wal') await client.execute('PRAGMA journal_mode = WAL')

  let retiring: Promise<void> | null = null
  const retireOnce = () => {
    retiring ??= retireConnection(client, options).finally(() => (retiring = null))
    return retiring
  }
  const gate = new WriteGate()
  const beginTransaction = async (args: unknown[]): Promise<Transaction> => {
    const release = gate.take()
    try {
      const transaction = await client.transaction(...(args as Parameters<Client['transaction']>))
      // The client opens a fresh connection for its next statement: give it our settings.
      await configureConnection(client, options)
      return releasingWhenEnded(transaction, release)
    } catch (error) {
      release()
      throw error
    }
  }
  const gated = new Proxy(client, {
    get(target, property) {
      // libsql's client keeps its connection in private fields: call its methods on itself.
      const value: unknown = Reflect.get(target, property, target)
      if (typeof value !== 'function') return value
      const method = value as (...args: unknown[]) => unknown
      if (!guardedMethods.has(property)) return method.bind(target)
      return async (...args: unknown[]) => {
        // Waiting here fails as busy without retiring the connection: nothing ran on it. The
        // call below starts in the same turn as the last check, before any other waiter.
        const deadline = Date.now() + (options.transactionWaitMs ?? defaultTransactionWaitMs)
        while (gate.held && mayWrite(property, args)) await gate.waitUntilFree(deadline)
        try {
          if (property === 'transaction') return await beginTransaction(args)
          return await method.apply(target, args)
        } catch (error) {
          // The busy error is what the caller gets (and answers 503 for), retired or not.
          if (isDatabaseBusy(error)) await retireOnce().catch(() => {})
          throw error
        }
      }
    },
  })
  gatedClients.add(gated)
  return gated
}
