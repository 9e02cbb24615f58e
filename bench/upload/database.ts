import {
  checkSchemaInFreshProcess,
  describeDrift,
  hasDrift,
  openDatabase,
} from '../availability/database'

export type SchemaSource = 'migrations' | 'migrations + push (migrations behind the schema)'

/**
 * A SQLite database as production creates it (the committed migrations, run at start). When
 * they lag behind the schema (e.g. before the Mux migrations are written) the run stops, unless
 * BENCH_PUSH_ON_DRIFT=true pushes the missing part on top; the report says which.
 */
export const prepareProductionDatabase = async (
  url: string,
  secret: string,
): Promise<SchemaSource> => {
  const db = await openDatabase('sqlite', url, { secret, runMigrations: true })
  await db.close()
  const push = process.env.BENCH_PUSH_ON_DRIFT === 'true'
  const check = await checkSchemaInFreshProcess('sqlite', url, secret, { push })
  if (!hasDrift(check.before)) return 'migrations'
  if (!check.pushed || hasDrift(check.after)) {
    throw new Error(
      `The committed migrations are behind the schema (${describeDrift(check.before)}): run ` +
        '`npm run migrate:create`, or set BENCH_PUSH_ON_DRIFT=true, or use --dev.',
    )
  }
  return 'migrations + push (migrations behind the schema)'
}
