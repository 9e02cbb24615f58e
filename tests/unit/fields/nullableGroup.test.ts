import { describe, expect, it } from 'vitest'

import { nullableGroupValue } from '../../../src/fields/nullableGroup'

const playback = { video: { playbackId: 'abc' }, trailer: null }

describe('what a read answers for a nullable virtual group', () => {
  it('REST and GraphQL answer the hook value as it is, null group and null members included', () => {
    for (const api of ['REST', 'GraphQL'] as const) {
      expect(nullableGroupValue(api, {}, null)).toBeNull()
      expect(nullableGroupValue(api, {}, playback)).toEqual(playback)
    }
  })

  it('the Local API keeps the group Payload read instead of null', () => {
    const read = {}
    expect(nullableGroupValue('local', read, null)).toBe(read)
    expect(nullableGroupValue('local', undefined, null)).toBeUndefined()
  })

  it('the Local API leaves null members out and keeps the others', () => {
    expect(nullableGroupValue('local', {}, playback)).toEqual({ video: { playbackId: 'abc' } })
    expect(nullableGroupValue('local', {}, { video: null, trailer: null })).toEqual({})
  })
})
