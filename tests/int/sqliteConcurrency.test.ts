import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Client } from '@libsql/client'
import { sql, type SQLiteAdapter } from '@payloadcms/db-sqlite'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { buildConfig, getPayload, type Payload, type SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePayload } from '../../src/config/closeDatabase'
import { isDatabaseBusy } from '../../src/config/databaseBusy'
import { openSqliteClient, runsWriteTransactions } from '../../src/config/sqliteClient'
import { reelhouseConfig } from '../../reelhouseConfig'
import { type PayloadHttpServer, servePayloadOverHttp } from '../fakes/payloadHttp'

// Issue "rights integrity", item 6: the audit command, the seed and a second server process
// write to the SQLite file of a running server. Here the other writer is a real second OS
// process (tests/int/support/holdSqliteWriteLock.ts) holding SQLite's write lock.

const holderScript = path.join(import.meta.dirname, 'support/holdSqliteWriteLock.ts')

type LockHolder = {
  /** Ends a hold without a time limit. */
  release: () => void
  /** When the other process committed (epoch ms). */
  released: Promise<number>
}

/**
 * Resolves once another process holds the file's write lock, for `holdMs` or, when none is
 * given, until `release()`.
 */
const holdWriteLock = async (file: string, holdMs?: number): Promise<LockHolder> => {
  const hold = holdMs === undefined ? 'stdin' : String(holdMs)
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, file, hold], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => output.includes('locked\n') && resolve())
    void exited.then((code) => reject(new Error(`lock holder exited (${code}): ${output}`)))
  })
  return {
    release: () => child.stdin.end(),
    released: exited.then((code) => {
      const releasedAt = /released (\d+)/.exec(output)?.[1]
      if (code !== 0 || !releasedAt) throw new Error(`lock holder failed (${code}): ${output}`)
      return Number(releasedAt)
    }),
  }
}

const isSqliteAdapter = (db: unknown): db is SQLiteAdapter =>
  typeof db === 'object' && db !== null && 'name' in db && db.name === 'sqlite'

/** Read through the adapter's drizzle instance: the connection Payload's queries run on. */
const pragma = async (payload: Payload, name: 'journal_mode' | 'busy_timeout') => {
  if (!isSqliteAdapter(payload.db)) throw new Error(`not SQLite: ${payload.db.name}`)
  const rows = await payload.db.drizzle.all<Record<string, string | number>>(
    sql.raw(`PRAGMA ${name}`),
  )
  return Object.values(rows[0] ?? {})[0]
}

describe('several processes on one SQLite file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-sqlite-busy-'))
  const file = path.join(dir, 'reelhouse.db')
  const databaseUrl = `file:${file}`
  const apiKey = crypto.randomBytes(16).toString('hex')
  /** Waits the default busy timeout. */
  let patient: Payload
  /** Same file, a busy timeout shorter than the lock the other process holds. */
  let impatient: Payload
  let impatientConfig: SanitizedConfig
  let http: PayloadHttpServer

  const configFor = (env: Record<string, string>) =>
    buildConfig(
      reelhouseConfig({ env: { ...process.env, JOBS_AUTORUN: 'false', ...env }, databaseUrl }),
    )

  beforeAll(async () => {
    patient = await getPayload({
      config: configFor({ SQLITE_BUSY_TIMEOUT_MS: '' }),
      key: 'patient',
    })
    await patient.create({
      collection: 'users',
      data: {
        email: 'admin@busy.test',
        password: 'a long admin password',
        roles: ['admin'],
        enableAPIKey: true,
        apiKey,
      },
    })
    impatientConfig = await configFor({ SQLITE_BUSY_TIMEOUT_MS: '200' })
    // Under the default key: Payload's GraphQL route handler looks the instance up there.
    impatient = await getPayload({ config: impatientConfig })
    http = await servePayloadOverHttp(impatient)
  })

  afterAll(async () => {
    await http?.close()
    if (impatient) await closePayload(impatient)
    if (patient) await closePayload(patient)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('runs the file in WAL mode with the configured busy timeout, also after writes', async () => {
    await patient.create({ collection: 'genres', data: { name: 'Before the check' } })
    expect(await pragma(patient, 'journal_mode')).toBe('wal')
    expect(await pragma(patient, 'busy_timeout')).toBe(5000)
    expect(await pragma(impatient, 'busy_timeout')).toBe(200)
    // WAL keeps its log beside the database file.
    expect(fs.existsSync(`${file}-wal`)).toBe(true)
  })

  it("waits for another process's short write transaction instead of failing", async () => {
    const holder = await holdWriteLock(file, 1_500)
    const genre = await patient.create({ collection: 'genres', data: { name: 'Waited' } })
    const writtenAt = Date.now()
    const releasedAt = await holder.released
    expect(genre.name).toBe('Waited')
    // The write went through only once the other process had committed.
    expect(writtenAt).toBeGreaterThanOrEqual(releasedAt)
    const stored = await patient.find({
      collection: 'genres',
      where: { name: { equals: 'Waited' } },
    })
    expect(stored.totalDocs).toBe(1)
  })

  it('answers 503 with Retry-After, not 500, over REST and GraphQL when the lock outlasts the timeout', async () => {
    const authorization = `users API-Key ${apiKey}`
    // Payload builds its GraphQL schema on the first request: not while the lock is held.
    await GRAPHQL_POST(Promise.resolve(impatientConfig))(
      new Request(`${http.url}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ Genres { totalDocs } }' }),
      }),
    )
    const holder = await holdWriteLock(file)
    try {
      const rest = await fetch(`${http.url}/api/genres`, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Refused over REST' }),
      })
      expect(rest.status).toBe(503)
      expect(rest.headers.get('retry-after')).toBe('1')
      const restBody = (await rest.json()) as { errors: { message: string }[] }
      expect(restBody.errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/database is busy/i) }),
      ])

      const graphql = await GRAPHQL_POST(Promise.resolve(impatientConfig))(
        new Request(`${http.url}/api/graphql`, {
          method: 'POST',
          headers: { Authorization: authorization, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation { createGenre(data: { name: "Refused over GraphQL" }) { id } }',
          }),
        }),
      )
      expect(graphql.headers.get('retry-after')).toBe('1')
      const graphqlBody = (await graphql.json()) as {
        data: { createGenre: unknown } | null
        errors: { message: string; extensions: { statusCode: number } }[]
      }
      expect(graphqlBody.data?.createGenre ?? null).toBeNull()
      expect(graphqlBody.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/database is busy/i),
          extensions: expect.objectContaining({ statusCode: 503 }),
        }),
      ])
    } finally {
      holder.release()
    }
    await holder.released
    const retried = await fetch(`${http.url}/api/genres`, {
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Retried after the lock' }),
    })
    expect(retried.status).toBe(201)
    const retriedElsewhere = await patient.find({
      collection: 'genres',
      where: { name: { equals: 'Retried after the lock' } },
    })
    expect(retriedElsewhere.totalDocs).toBe(1)
    const refused = await patient.find({
      collection: 'genres',
      where: { name: { like: 'Refused' } },
    })
    expect(refused.totalDocs).toBe(0)
  })

  it('keeps writing, durably and without holding the lock, after a busy error', async () => {
    const holder = await holdWriteLock(file)
    try {
      await expect(
        impatient.create({ collection: 'genres', data: { name: 'Refused locally' } }),
      ).rejects.toMatchObject({ cause: expect.objectContaining({ code: 'SQLITE_BUSY' }) })
    } finally {
      holder.release()
    }
    await holder.released
    // libsql leaves the failed statement open; on that connection this write would never commit
    // and would keep the write lock from every other process.
    await impatient.create({ collection: 'genres', data: { name: 'After the busy error' } })
    const seenElsewhere = await patient.find({
      collection: 'genres',
      where: { name: { equals: 'After the busy error' } },
    })
    expect(seenElsewhere.totalDocs).toBe(1)
    const other = await patient.create({ collection: 'genres', data: { name: 'Not blocked' } })
    expect(other.name).toBe('Not blocked')
    expect(await pragma(impatient, 'busy_timeout')).toBe(200)
  })
})

describe('a write transaction beside the other work of the process (one SQLite file)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-sqlite-tx-'))
  const url = `file:${path.join(dir, 'tx.db')}`
  let client: Client
  const count = async () =>
    Number((await client.execute('SELECT count(*) AS n FROM notes')).rows[0]?.n ?? -1)

  beforeAll(async () => {
    client = await openSqliteClient({ url }, { busyTimeoutMs: 400, transactionWaitMs: 600 })
    await client.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)')
  })
  afterAll(() => {
    client?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('is invisible to readers until it commits; writes wait for it without stopping the event loop', async () => {
    expect(runsWriteTransactions(client)).toBe(true)
    const tx = await client.transaction('write')
    await tx.execute("INSERT INTO notes (text) VALUES ('in the transaction')")
    // Reads of other requests go on, and see only what was committed.
    expect(await count()).toBe(0)
    const order: string[] = []
    const write = client
      .execute("INSERT INTO notes (text) VALUES ('another request')")
      .then(() => order.push('write'))
    // The event loop runs while the write waits (libsql itself would block it synchronously).
    await new Promise((resolve) => setTimeout(resolve, 100))
    order.push('timer')
    expect(await count()).toBe(0)
    await tx.execute("INSERT INTO notes (text) VALUES ('still in the transaction')")
    await tx.commit()
    order.push('commit')
    await write
    expect(order).toEqual(['timer', 'commit', 'write'])
    expect(await count()).toBe(3)
    // The client's next connection (the transaction took its old one) has the settings.
    expect((await client.execute('PRAGMA busy_timeout')).rows[0]?.[0]).toBe(400)
  })

  it('refuses a write as busy once the transaction outlasts the wait limit, and keeps working', async () => {
    const tx = await client.transaction('write')
    await tx.execute("INSERT INTO notes (text) VALUES ('rolled back')")
    const started = Date.now()
    const refused = await client.execute("INSERT INTO notes (text) VALUES ('refused')").then(
      () => null,
      (error: unknown) => error,
    )
    expect(Date.now() - started).toBeGreaterThanOrEqual(580)
    expect(isDatabaseBusy(refused)).toBe(true)
    // A second transaction of the process waits for the first, like any write.
    const second = client.transaction('write').then(
      () => 'began',
      (error: unknown) => (isDatabaseBusy(error) ? 'busy' : String(error)),
    )
    expect(await second).toBe('busy')
    await tx.rollback()
    expect(await count()).toBe(3)
    await client.execute("INSERT INTO notes (text) VALUES ('after the rollback')")
    expect(await count()).toBe(4)
    const next = await client.transaction('write')
    await next.execute("INSERT INTO notes (text) VALUES ('next transaction')")
    await next.commit()
    expect(await count()).toBe(5)
  })
})
