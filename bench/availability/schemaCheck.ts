/**
 * Compares a database with the schema the current source needs, in a fresh process: the config
 * is read from disk now, as the server about to start will read it (other people may be
 * editing collections while the benchmark runs). With `--push`, pushes the missing schema.
 * Env: DATABASE_URL, PAYLOAD_SECRET, BENCH_BACKEND. Prints one JSON line.
 */
import { pushDevSchema } from '@payloadcms/drizzle'

import { type Backend, openDatabase, type SchemaDrift, hasDrift, schemaDrift } from './database'

/** Payload logs to stdout too: the result line starts with this. */
export const schemaCheckMarker = 'BENCH_SCHEMA_CHECK '

export type SchemaCheckResult = { before: SchemaDrift; pushed: boolean; after: SchemaDrift }

const backend = process.env.BENCH_BACKEND as Backend
const db = await openDatabase(backend, process.env.DATABASE_URL ?? '', {
  secret: process.env.PAYLOAD_SECRET ?? '',
  runMigrations: false,
  // Only the schema: onInit would re-resolve (and write) every licence of another tz version.
  disableOnInit: true,
})
const before = await schemaDrift(db)
let after = before
let pushed = false
if (process.argv.includes('--push') && hasDrift(before)) {
  await pushDevSchema(db.payload.db as unknown as Parameters<typeof pushDevSchema>[0])
  // The push records itself as a dev migration; production would then prompt at start.
  await db.query('DELETE FROM payload_migrations WHERE batch = -1')
  pushed = true
  after = await schemaDrift(db)
}
await db.close()
const result: SchemaCheckResult = { before, pushed, after }
console.log(`${schemaCheckMarker}${JSON.stringify(result)}`)
process.exit(0)
