import type { Payload } from 'payload'

type PgClientLike = { release?: (destroy?: boolean) => void }

type PgPoolLike = {
  end: () => Promise<void>
  /** pg-pool internals: every open client, and the idle ones among them. */
  _clients?: PgClientLike[]
  _idle?: { client: PgClientLike }[]
}

type ClosableConnections = {
  pool?: PgPoolLike
  client?: { close?: () => void }
  connection?: { close?: () => Promise<void> }
}

/**
 * Stops Payload's job crons and really closes the database connections: the SQL adapters'
 * `destroy()` forgets the schema but leaves the libsql client open, and the Postgres adapter
 * checks one client out of its pool at connect and never releases it, so `pool.end()` alone
 * would wait forever.
 */
export const closePayload = async (payload: Payload): Promise<void> => {
  // Each adapter keeps its handle under its own name; Payload's DatabaseAdapter type has none.
  const connections = payload.db as ClosableConnections
  await payload.destroy()
  if (connections.pool) {
    const { pool } = connections
    const idle = new Set((pool._idle ?? []).map(({ client }) => client))
    for (const client of pool._clients ?? []) {
      if (!idle.has(client)) client.release?.(true)
    }
    await pool.end()
  }
  connections.client?.close?.()
  await connections.connection?.close?.()
}
