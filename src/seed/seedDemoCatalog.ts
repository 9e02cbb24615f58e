import type { Payload } from 'payload'

import type { Environment } from '../config/environment'
import { runRecordedAudit } from '../rights/auditRuns'
import { seedCatalog } from './catalog'
import { countCatalog, type CatalogCounts } from './catalogCounts'
import { seedDemoVideos } from './demoVideos'
import { seedLicences } from './licences'
import { seedRegions } from './regions'
import { inSeedingTransaction } from './seedingTransaction'
import { seedUsers, type Credentials } from './users'

export type SeedOptions = {
  log?: (line: string) => void
  /** Where ADMIN_EMAIL and ADMIN_PASSWORD are read from; process.env by default. */
  env?: Environment
}

export type SeedReport = {
  durationMs: number
  /** Milliseconds per stage, in order. */
  stages: Record<'regions' | 'catalog' | 'videos' | 'licences' | 'users' | 'audit', number>
  counts: CatalogCounts
  /** Generated trailers sent to the local fake Mux (none without it or without ffmpeg). */
  videos: { created: number; skipped?: string }
  credentials: Credentials[]
}

/** The seeded catalog's stored availability disagrees with its licences: nothing is kept. */
class SeedAuditError extends Error {
  constructor(differing: number, examples: readonly string[]) {
    super(
      `The demo catalog failed its rights audit: ${differing} titles have availability rows ` +
        `that differ from their licences (${examples.join(', ')}); the seed's transaction is ` +
        'rolled back where the database has transactions.',
    )
    this.name = 'SeedAuditError'
  }
}

/**
 * Writes the demo data set: regions, genres, people, films and series with generated key art,
 * generated trailers (with the local fake Mux only), licences and staff accounts, in one transaction where the database has them. Whatever
 * already exists (matched by code, slug, name, contract id or e-mail) is kept, so running it
 * twice adds nothing.
 */
export const seedDemoCatalog = async (
  payload: Payload,
  { log = () => {}, env = process.env }: SeedOptions = {},
): Promise<SeedReport> => {
  const started = performance.now()
  let lap = started
  const stageTime = () => {
    const now = performance.now()
    const elapsed = Math.round(now - lap)
    lap = now
    return elapsed
  }
  return inSeedingTransaction(payload, async (req) => {
    log('Seeding the demo catalog…')
    const regions = await seedRegions(payload, { log, req })
    const regionsMs = stageTime()
    const catalog = await seedCatalog(req)
    const catalogMs = stageTime()
    const videos = await seedDemoVideos(req, catalog.films, { env, log })
    const videosMs = stageTime()
    await seedLicences(req, catalog, regions.ids)
    const licencesMs = stageTime()
    const { credentials } = await seedUsers(req, env)
    const usersMs = stageTime()
    // The seed checks itself: every stored availability row must be what the licences say.
    const audit = await runRecordedAudit(payload, { trigger: 'seed', req })
    if (audit.differing > 0) {
      throw new SeedAuditError(
        audit.differing,
        audit.examples.map((example) => example.contentKey),
      )
    }
    const auditMs = stageTime()
    return {
      durationMs: Math.round(performance.now() - started),
      stages: {
        regions: regionsMs,
        catalog: catalogMs,
        videos: videosMs,
        licences: licencesMs,
        users: usersMs,
        audit: auditMs,
      },
      counts: await countCatalog(req),
      videos,
      credentials,
    }
  })
}
