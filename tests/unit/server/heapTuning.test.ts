import { describe, expect, it } from 'vitest'

import { heapGrowingPercent } from '../../../src/server/heapTuning'

describe('heapGrowingPercent', () => {
  it('lets the heap double between full collections unless told otherwise', () => {
    expect(heapGrowingPercent({})).toBe(100)
    expect(heapGrowingPercent({ V8_HEAP_GROWING_PERCENT: '50' })).toBe(50)
    expect(heapGrowingPercent({ V8_HEAP_GROWING_PERCENT: '0' })).toBe(0)
  })

  it('falls back to 100 for a value that is not a whole, non-negative number', () => {
    for (const value of ['', 'lots', '-5', '12.5']) {
      expect(heapGrowingPercent({ V8_HEAP_GROWING_PERCENT: value })).toBe(100)
    }
  })
})
