import type { Environment } from '../config/environment'
import type { Payload } from 'payload'

export type AdminCredentials = { email: string; password: string }

export const adminCredentialsFromEnv = (env: Environment): AdminCredentials | null =>
  env.ADMIN_EMAIL && env.ADMIN_PASSWORD
    ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }
    : null

/** Creates the administrator named by ADMIN_EMAIL / ADMIN_PASSWORD when no account exists yet. */
export const ensureAdminFromEnv = async (
  payload: Payload,
  credentials: AdminCredentials | null,
): Promise<boolean> => {
  if (!credentials) return false
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return false
  await payload.create({
    collection: 'users',
    data: { ...credentials, name: 'Administrator', roles: ['admin'] },
    overrideAccess: true,
  })
  payload.logger.info(`Created the administrator ${credentials.email} from ADMIN_EMAIL.`)
  return true
}
