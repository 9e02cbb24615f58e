import express, { Router, type Request, type Response } from 'express'
import { rateLimit, type Options } from 'express-rate-limit'
import type { Payload } from 'payload'

import type { Environment } from '../config/environment'
import { answerWithPayloadRest } from './payloadRest'
import type { RateLimitStores } from './rateLimitStores'

export type LoginLimits = {
  windowMs: number
  /** Failed logins per client IP and window. */
  perIp: number
  /** Failed logins per submitted email (existing account or not) and window. */
  perAccount: number
}

const positiveInteger = (env: Environment, name: string, fallback: number): number => {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of at least 1 (got "${raw}").`)
  }
  return value
}

export const loginLimitsFromEnv = (env: Environment = process.env): LoginLimits => ({
  windowMs: positiveInteger(env, 'LOGIN_RATE_LIMIT_WINDOW_SECONDS', 15 * 60) * 1000,
  perIp: positiveInteger(env, 'LOGIN_RATE_LIMIT_PER_IP', 20),
  perAccount: positiveInteger(env, 'LOGIN_RATE_LIMIT_PER_ACCOUNT', 5),
})

type LoginBody = { body?: Buffer }

/** The email a login names, as Payload compares it (lower case, trimmed). */
const submittedEmail = (req: Request): string | undefined => {
  const body = (req as LoginBody).body
  if (!Buffer.isBuffer(body) || body.length === 0) return undefined
  try {
    const email = (JSON.parse(body.toString('utf8')) as { email?: unknown }).email
    return typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : undefined
  } catch {
    return undefined
  }
}

const tooManyAttempts = (windowMs: number): Options['handler'] => {
  const minutes = Math.ceil(windowMs / 60_000)
  return (_req, res) => {
    res
      .status(429)
      .set('Cache-Control', 'no-store')
      .json({
        errors: [
          {
            message: `Too many login attempts. Try again in up to ${minutes} minute${minutes === 1 ? '' : 's'}.`,
          },
        ],
      })
  }
}

/**
 * `POST /api/users/login` behind two limits on FAILED attempts (successful logins are not
 * counted): per client IP (`req.ip`, so `TRUST_PROXY` must name the proxies in front), and per
 * submitted email, whether an account has it or not, so the answer never tells which exist.
 * A limited request gets 429 without reaching Payload, even with the right password. Express
 * reads the (small, JSON) body to know the email, so the request is answered by Payload's REST
 * handler from here instead of through Next. The counters live in this process's memory, or in
 * Redis (`REDIS_URL`) for all processes; if Redis fails, logins go on without these limits
 * (Payload's lockout still applies) rather than failing.
 */
export const loginRateLimitRoutes = (
  payload: Payload,
  limits: LoginLimits = loginLimitsFromEnv(),
  stores?: RateLimitStores,
): Router => {
  const common: Partial<Options> = {
    windowMs: limits.windowMs,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    passOnStoreError: stores?.shared ?? false,
    handler: tooManyAttempts(limits.windowMs),
  }
  const perIp = rateLimit({
    ...common,
    limit: limits.perIp,
    identifier: 'login-ip',
    store: stores?.storeFor('login-ip'),
  })
  const perAccount = rateLimit({
    ...common,
    limit: limits.perAccount,
    identifier: 'login-account',
    store: stores?.storeFor('login-account'),
    skip: (req) => submittedEmail(req) === undefined,
    keyGenerator: (req) => `account:${submittedEmail(req) ?? ''}`,
  })
  const forward = async (req: Request, res: Response) => {
    const body = (req as LoginBody).body
    try {
      await answerWithPayloadRest(payload, req, Buffer.isBuffer(body) ? body : Buffer.alloc(0), res)
    } catch (error) {
      payload.logger.error({ err: error }, 'Login failed')
      if (!res.headersSent) res.status(500).json({ errors: [{ message: 'Login failed.' }] })
      else res.destroy()
    }
  }
  const router = Router()
  router.post(
    `${payload.config.routes.api}/users/login`,
    express.raw({ type: () => true, limit: '16kb' }),
    perIp,
    perAccount,
    forward,
  )
  return router
}
