import crypto from 'node:crypto'

import type { PayloadRequest } from 'payload'

import type { Environment } from '../config/environment'
import type { StaffRole } from '../roles'
import { existingIds } from './documentIds'

export type Credentials = { email: string; password: string }

type DemoUser = { email: string; name: string; roles: StaffRole[] }

const defaultAdminEmail = 'admin@reelhouse.local'

/** Payload stores e-mail addresses in lower case. */
export const adminEmailFrom = (env: Environment): string =>
  (env.ADMIN_EMAIL || defaultAdminEmail).trim().toLowerCase()

const demoUsers = (env: Environment): DemoUser[] => [
  { email: adminEmailFrom(env), name: 'Administrator', roles: ['admin'] },
  { email: 'editor@reelhouse.local', name: 'Demo Editor', roles: ['editor'] },
  { email: 'licensing@reelhouse.local', name: 'Demo Licensing Manager', roles: ['licensing'] },
]

/** 18 random characters from the URL-safe base64 alphabet (108 bits). */
const randomPassword = (): string => crypto.randomBytes(27).toString('base64url').slice(0, 18)

/**
 * The demo staff accounts, with ADMIN_PASSWORD or else a random password each. Accounts that
 * exist are left alone. Returns the logins whose passwords are known: the ones created now, and
 * the administrator that ADMIN_EMAIL / ADMIN_PASSWORD created at start-up.
 */
export const seedUsers = async (
  req: PayloadRequest,
  env: Environment = process.env,
): Promise<{ created: number; credentials: Credentials[] }> => {
  const users = demoUsers(env)
  const existing = await existingIds(
    req,
    'users',
    'email',
    users.map(({ email }) => email),
  )
  const credentials: Credentials[] = []
  let created = 0
  for (const user of users) {
    if (existing.has(user.email)) {
      if (user.roles.includes('admin') && env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
        credentials.push({ email: user.email, password: env.ADMIN_PASSWORD })
      }
      continue
    }
    const password = env.ADMIN_PASSWORD || randomPassword()
    await req.payload.create({
      collection: 'users',
      locale: 'en',
      data: { ...user, password },
      depth: 0,
      req,
    })
    credentials.push({ email: user.email, password })
    created++
  }
  return { created, credentials }
}
