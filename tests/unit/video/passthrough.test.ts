import { describe, expect, it } from 'vitest'

import {
  newIngestNonce,
  parsePassthrough,
  passthroughFor,
  passthroughNamingRecord,
  unsavedPassthroughFor,
} from '../../../src/video'

describe('passthrough', () => {
  it('round-trips the collection, document id and ingest nonce', () => {
    const nonce = newIngestNonce()
    const value = passthroughFor({ collection: 'videos', id: '42', nonce })
    expect(value).toBe(`videos:42:${nonce}`)
    expect(parsePassthrough(value)).toEqual({ collection: 'videos', id: '42', nonce })
    expect(value.length).toBeLessThanOrEqual(255)
  })

  it('marks an upload streamed before its document was saved: no id, the nonce still there', () => {
    const nonce = newIngestNonce()
    const value = unsavedPassthroughFor('videos', nonce)
    expect(value).toBe(`videos:new:${nonce}`)
    expect(parsePassthrough(value)).toEqual({ collection: 'videos', id: null, nonce })
    // A MongoDB ObjectId is hexadecimal and a SQL id a number: neither reads as "new".
    expect(parsePassthrough(`videos:65a1f0c2e4b0a1b2c3d4e5f6:${nonce}`)?.id).toBe(
      '65a1f0c2e4b0a1b2c3d4e5f6',
    )
  })

  it('gives each ingest its own nonce', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => newIngestNonce()))
    expect(nonces.size).toBe(200)
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]+$/)
  })

  it('ignores passthroughs written by others', () => {
    for (const value of [
      null,
      undefined,
      '',
      'videos:42',
      'imported-elsewhere',
      'a:b:c:d',
      'Videos:1:x',
    ]) {
      expect(parsePassthrough(value)).toBeNull()
    }
    expect(parsePassthrough('videos:65f0c2a9e1:abc')).toEqual({
      collection: 'videos',
      id: '65f0c2a9e1',
      nonce: 'abc',
    })
  })

  it('names the saved document in the passthrough of an asset made before it, keeping the ingest', () => {
    const nonce = newIngestNonce()
    const record = { collection: 'videos', id: '42' }
    expect(passthroughNamingRecord(unsavedPassthroughFor('videos', nonce), record)).toBe(
      `videos:42:${nonce}`,
    )
    // Already naming a document (this one or another), or not about this collection: unchanged.
    for (const current of [
      `videos:42:${nonce}`,
      `videos:7:${nonce}`,
      unsavedPassthroughFor('trailers', nonce),
      'imported-elsewhere',
      '',
      null,
      undefined,
    ]) {
      expect(passthroughNamingRecord(current, record)).toBeNull()
    }
  })
})
