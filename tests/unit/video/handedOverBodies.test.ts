import { describe, expect, it } from 'vitest'

import { handOverBody, takeHandedOverBody } from '../../../src/plugins/mux/handedOverBodies'

describe('bodies handed from Express to Payload', () => {
  const body = (async function* () {
    yield new Uint8Array([1])
  })()

  it('gives a registered body once, under its key only', () => {
    const { key } = handOverBody(body)
    expect(key).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(takeHandedOverBody('guessed-key')).toBeNull()
    expect(takeHandedOverBody(null)).toBeNull()
    expect(takeHandedOverBody(key)).toBe(body)
    expect(takeHandedOverBody(key)).toBeNull()
  })

  it('forgets a body released before anyone took it', () => {
    const handed = handOverBody(body)
    handed.release()
    expect(takeHandedOverBody(handed.key)).toBeNull()
  })
})
