import type { Environment } from '../config/environment'

/** The territories every title's availability is shown for in the admin (CN, US, DE). */
export const launchTerritories = (env: Environment = process.env): string[] =>
  (env.LAUNCH_TERRITORIES ?? 'CN,US,DE')
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean)
