import type { Environment } from './environment'

const listFrom = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)

/** `https://cms.example.com/` and `https://cms.example.com` are one origin (browsers send the latter). */
const originOf = (url: string): string => {
  try {
    return new URL(url).origin
  } catch {
    return url.replace(/\/+$/, '')
  }
}

/**
 * The server's public URL, which absolute URLs in answers (image files) start with:
 * `SERVER_URL`, else `http://localhost:<PORT>` outside production. Production without it has
 * none (the server refuses to start; commands such as the seed keep relative URLs).
 */
export const publicServerUrl = (env: Environment): string | undefined => {
  if (env.SERVER_URL) return originOf(env.SERVER_URL)
  if (env.NODE_ENV === 'production') return undefined
  return `http://localhost:${env.PORT ?? 3000}`
}

/** Browser origins allowed to call the API with CORS (`CORS_ORIGINS`). */
export const corsOrigins = (env: Environment): string[] => listFrom(env.CORS_ORIGINS).map(originOf)

/**
 * Origins whose requests may carry the session cookie: the server's own (`SERVER_URL`, or its
 * loopback addresses when that is unset, as in development) plus the CORS origins. Never empty:
 * Payload checks nothing at all when its `csrf` list is empty.
 */
export const csrfOrigins = (env: Environment): string[] => {
  const own = env.SERVER_URL
    ? [originOf(env.SERVER_URL)]
    : [`http://localhost:${env.PORT ?? 3000}`, `http://127.0.0.1:${env.PORT ?? 3000}`]
  return [...new Set([...own, ...corsOrigins(env)])]
}
