import crypto from 'node:crypto'

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import {
  commitTransaction,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { runsWriteTransactions } from './sqliteClient'

/** The writes made with one request, committed or rolled back together where the database can. */
export type WriteTransaction = {
  /** Whether the request's writes are one transaction (false: each write stands alone). */
  transactional: boolean
  /** Makes the writes visible to everyone; throws when the database did not commit them. */
  commit: () => Promise<void>
  /** Discards the writes (a failed Payload operation may have rolled them back already). */
  rollback: () => Promise<void>
}

type Session = SQLiteAdapter['sessions'][string]

const sqliteAdapterOf = (payload: Payload): SQLiteAdapter | null => {
  const db: { name: string } = payload.db
  return db.name === 'sqlite' ? (db as SQLiteAdapter) : null
}

/**
 * A session in the adapter's registry, where Payload's operations find it by
 * `req.transactionID`, made as @payloadcms/drizzle's own beginTransaction makes them, except
 * that a failed COMMIT reaches the caller of `resolve` instead of being dropped.
 */
const beginSqliteSession = async (adapter: SQLiteAdapter): Promise<Session> => {
  await adapter.initializing
  const rolledBack = new Error('rolled back')
  let decide: (commit: boolean) => void = () => {}
  const decided = new Promise<boolean>((resolve) => (decide = resolve))
  let done: Promise<void> = Promise.resolve()
  const db = await new Promise<Session['db']>((resolve, reject) => {
    done = adapter.drizzle.transaction(async (tx) => {
      // The same object: the registry types it with a generic schema, drizzle with ours.
      resolve(tx as unknown as Session['db'])
      if (!(await decided)) throw rolledBack
    })
    // Before the callback runs, a failure is the BEGIN's (another process holds the lock).
    done.catch(reject)
  })
  return {
    db,
    resolve: async () => {
      decide(true)
      await done
    },
    reject: async () => {
      decide(false)
      await done.catch((error: unknown) => {
        if (error !== rolledBack) throw error
      })
    },
  }
}

/**
 * Starts one transaction for the writes made with `req`, for a bulk write that must be all or
 * nothing and invisible to readers until it commits. PostgreSQL: Payload's own (the adapter
 * has transactions). SQLite runs without transactions for single operations (Payload's
 * default: concurrent transactions of one process would wait for each other's lock inside
 * libsql, synchronously); on a file database (`runsWriteTransactions`) this still opens one,
 * on a connection of its own, while other requests read the committed state (WAL) and other
 * writes of the process wait for it (see `WriteGate` in sqliteClient.ts). In-memory SQLite
 * (tests) and MongoDB without a replica set answer `transactional: false`.
 */
export const beginWriteTransaction = async (req: PayloadRequest): Promise<WriteTransaction> => {
  const { payload } = req
  if (req.transactionID) {
    // The caller's transaction: it commits or rolls back.
    return { transactional: true, commit: async () => {}, rollback: async () => {} }
  }
  if (await initTransaction(req)) {
    return {
      transactional: true,
      commit: () => commitTransaction(req),
      rollback: () => killTransaction(req),
    }
  }
  const adapter = sqliteAdapterOf(payload)
  if (!adapter || !runsWriteTransactions(adapter.client)) {
    return { transactional: false, commit: async () => {}, rollback: async () => {} }
  }
  const id = crypto.randomUUID()
  const session = await beginSqliteSession(adapter)
  adapter.sessions[id] = session
  req.transactionID = id
  return {
    transactional: true,
    commit: async () => {
      // Payload's operations roll the request's transaction back when one of them fails.
      const open = adapter.sessions[id] === session
      delete adapter.sessions[id]
      delete req.transactionID
      if (!open) throw new Error('the transaction was rolled back before it could be committed')
      await session.resolve()
    },
    rollback: async () => {
      const open = adapter.sessions[id] === session
      delete adapter.sessions[id]
      delete req.transactionID
      if (open) await session.reject()
    },
  }
}
