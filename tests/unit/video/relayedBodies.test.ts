import { describe, expect, it } from 'vitest'

import { relayBody, takeRelayedBody } from '../../../src/plugins/mux/relayedBodies'

describe('bodies handed from Express to Payload', () => {
  const body = (async function* () {
    yield new Uint8Array([1])
  })()

  it('gives a registered body once, under its key only', () => {
    const { key } = relayBody(body)
    expect(key).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(takeRelayedBody('guessed-key')).toBeNull()
    expect(takeRelayedBody(null)).toBeNull()
    expect(takeRelayedBody(key)).toBe(body)
    expect(takeRelayedBody(key)).toBeNull()
  })

  it('forgets a body released before anyone took it', () => {
    const handed = relayBody(body)
    handed.release()
    expect(takeRelayedBody(handed.key)).toBeNull()
  })
})
