import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * A short-lived capability for one file, e.g. a subtitle file Mux downloads from us: the
 * token is `<expiry unix seconds>.<hex HMAC-SHA256 of "name.expiry">`.
 */
export const signFileToken = ({
  name,
  secret,
  expiresAt,
}: {
  name: string
  secret: string
  expiresAt: Date
}): string => {
  const expiry = Math.floor(expiresAt.getTime() / 1000)
  return `${expiry}.${mac(secret, name, expiry)}`
}

const mac = (secret: string, name: string, expiry: number) =>
  createHmac('sha256', secret).update(`${name}.${expiry}`).digest('hex')

export type FileTokenCheck = 'valid' | 'malformed' | 'expired' | 'mismatch'

export const checkFileToken = ({
  name,
  secret,
  token,
  now = Date.now(),
}: {
  name: string
  secret: string
  token: string | null | undefined
  now?: number
}): FileTokenCheck => {
  const match = token ? /^(\d{1,12})\.([0-9a-f]{64})$/.exec(token) : null
  if (!match) return 'malformed'
  const expiry = Number(match[1])
  const expected = Buffer.from(mac(secret, name, expiry))
  const given = Buffer.from(match[2])
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'mismatch'
  return expiry * 1000 < now ? 'expired' : 'valid'
}
