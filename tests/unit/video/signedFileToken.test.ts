import { describe, expect, it } from 'vitest'

import { checkFileToken, signFileToken } from '../../../src/video'

const secret = 'payload-secret'

describe('signed file tokens', () => {
  it('accepts its own token for the file it names until it expires', () => {
    const expiresAt = new Date(Date.now() + 60_000)
    const token = signFileToken({ name: 'a1.vtt', secret, expiresAt })
    expect(checkFileToken({ name: 'a1.vtt', secret, token })).toBe('valid')
    expect(checkFileToken({ name: 'a1.vtt', secret, token, now: expiresAt.getTime() + 1000 })).toBe(
      'expired',
    )
  })

  it('refuses other files, other secrets, edited expiries and garbage', () => {
    const token = signFileToken({
      name: 'a1.vtt',
      secret,
      expiresAt: new Date(Date.now() + 60_000),
    })
    expect(checkFileToken({ name: 'a2.vtt', secret, token })).toBe('mismatch')
    expect(checkFileToken({ name: 'a1.vtt', secret: 'other', token })).toBe('mismatch')
    const [expiry, mac] = token.split('.')
    expect(
      checkFileToken({ name: 'a1.vtt', secret, token: `${Number(expiry) + 3600}.${mac}` }),
    ).toBe('mismatch')
    for (const bad of [null, undefined, '', 'abc', `${expiry}.xyz`, `${expiry}.${mac}0`]) {
      expect(checkFileToken({ name: 'a1.vtt', secret, token: bad })).toBe('malformed')
    }
  })
})
