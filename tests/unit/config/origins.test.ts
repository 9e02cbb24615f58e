import { describe, expect, it } from 'vitest'

import { corsOrigins, csrfOrigins } from '../../../src/config/origins'
import { loginLimitsFromEnv } from '../../../src/server/loginRateLimit'

describe('item 12: the origins a session cookie is accepted from', () => {
  it('are the server URL plus the CORS origins, as browsers send them', () => {
    const env = {
      SERVER_URL: 'https://cms.example.com/',
      CORS_ORIGINS: 'https://www.example.com, https://app.example.com/ ,',
    }
    expect(csrfOrigins(env)).toEqual([
      'https://cms.example.com',
      'https://www.example.com',
      'https://app.example.com',
    ])
    expect(corsOrigins(env)).toEqual(['https://www.example.com', 'https://app.example.com'])
  })

  it('are never empty (Payload checks nothing then): the loopback origins without SERVER_URL', () => {
    expect(csrfOrigins({})).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000'])
    expect(csrfOrigins({ PORT: '8080' })).toEqual([
      'http://localhost:8080',
      'http://127.0.0.1:8080',
    ])
  })
})

describe('item 13: login limits from the environment', () => {
  it('default to 20 failures per IP and 5 per account in 15 minutes', () => {
    expect(loginLimitsFromEnv({})).toEqual({ windowMs: 900_000, perIp: 20, perAccount: 5 })
  })

  it('take the variables, and refuse what is not a whole number of at least 1', () => {
    expect(
      loginLimitsFromEnv({
        LOGIN_RATE_LIMIT_WINDOW_SECONDS: '60',
        LOGIN_RATE_LIMIT_PER_IP: '100',
        LOGIN_RATE_LIMIT_PER_ACCOUNT: '3',
      }),
    ).toEqual({ windowMs: 60_000, perIp: 100, perAccount: 3 })
    for (const value of ['0', '-1', '2.5', 'ten']) {
      expect(() => loginLimitsFromEnv({ LOGIN_RATE_LIMIT_PER_IP: value })).toThrow(
        /LOGIN_RATE_LIMIT_PER_IP/,
      )
    }
  })
})
