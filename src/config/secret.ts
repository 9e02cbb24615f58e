import type { Environment } from './environment'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * PAYLOAD_SECRET signs sessions. Production must set it (src/server.ts refuses to start
 * without it); for development a random one is kept beside the dev database so that logins
 * survive restarts without a secret ever living in the repository.
 */
export const resolvePayloadSecret = (env: Environment, dataDir: string): string => {
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  if (env.NODE_ENV === 'production') return crypto.randomBytes(32).toString('hex')
  const file = path.join(dataDir, '.dev-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    const secret = crypto.randomBytes(32).toString('hex')
    fs.mkdirSync(dataDir, { recursive: true })
    fs.writeFileSync(file, secret, { mode: 0o600 })
    return secret
  }
}
