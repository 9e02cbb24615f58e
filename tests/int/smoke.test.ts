import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'

describe.each(testBackends)('smoke on $kind', (backend) => {
  let ctx: TestPayload
  beforeAll(async () => {
    if (backend.serverUrl) ctx = await payloadFor(backend)
  })
  afterAll(async () => ctx?.destroy())

  it.skipIf(!backend.serverUrl)('creates and reads a film', async () => {
    const film = await ctx.payload.create({
      collection: 'films',
      data: { title: 'Smoke', _status: 'published' },
    })
    expect(film.slug).toBe('smoke')
  })
})
