import type { Payload } from 'payload'

import type { Environment } from '../config/environment'
import { describeCounts } from './catalogCounts'
import { loginBox } from './loginBox'
import { seedDemoCatalog } from './seedDemoCatalog'
import { adminEmailFrom, type Credentials } from './users'

export { seedDemoCatalog } from './seedDemoCatalog'

export type SeedIfEmptyOptions = {
  log: (line: string) => void
  env?: Environment
}

export type SeedIfEmptyResult = { seeded: boolean; credentials?: Credentials[] }

/**
 * No films and no accounts. The administrator that ADMIN_EMAIL / ADMIN_PASSWORD creates in
 * `onInit` does not count: it exists before any caller of this function gets the instance.
 */
export const isEmptyDatabase = async (payload: Payload, env: Environment): Promise<boolean> => {
  const films = await payload.count({ collection: 'films' })
  if (films.totalDocs > 0) return false
  const users = await payload.count({
    collection: 'users',
    where: env.ADMIN_EMAIL ? { email: { not_equals: adminEmailFrom(env) } } : undefined,
  })
  return users.totalDocs === 0
}

const adminUrlOf = (payload: Payload, env: Environment): string =>
  `${payload.config.serverURL || `http://localhost:${env.PORT ?? 3000}`}/admin`

/** First run: seeds the demo catalog into an empty database and logs the logins to use. */
export const seedDemoCatalogIfEmpty = async (
  payload: Payload,
  { log, env = process.env }: SeedIfEmptyOptions,
): Promise<SeedIfEmptyResult> => {
  const started = performance.now()
  // Regions on a database in use are reference data, ensured at every start (referenceData.ts).
  if (!(await isEmptyDatabase(payload, env))) return { seeded: false }
  const report = await seedDemoCatalog(payload, { log, env })
  const box = loginBox({
    durationMs: performance.now() - started,
    summary: describeCounts(report.counts),
    adminUrl: adminUrlOf(payload, env),
    credentials: report.credentials,
  })
  for (const line of box) log(line)
  return { seeded: true, credentials: report.credentials }
}
