import { describe, expect, it } from 'vitest'

import { parseRailSpec } from '../../../src/rails/railKinds'

describe('parseRailSpec', () => {
  it('gives each kind its defaults', () => {
    expect(parseRailSpec('new', {}, 100)).toEqual({ kind: 'new', days: 30, limit: 20 })
    expect(parseRailSpec('leaving-soon', {}, 100)).toEqual({
      kind: 'leaving-soon',
      days: 14,
      limit: 20,
    })
    expect(parseRailSpec('coming-soon', {}, 100)).toEqual({ kind: 'coming-soon', limit: 20 })
    expect(parseRailSpec('genre:science-fiction', { limit: '5' }, 100)).toEqual({
      kind: 'genre',
      genre: 'science-fiction',
      limit: 5,
    })
    expect(parseRailSpec('new', {}, 10)).toEqual({ kind: 'new', days: 30, limit: 10 })
  })

  it('names the field and the reason for bad input', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['popular', {}, 'kind'],
      ['genre:', {}, 'kind'],
      ['genre:Drama', {}, 'kind'],
      ['new:x', {}, 'kind'],
      ['new', { days: '0' }, 'days'],
      ['new', { days: '1.5' }, 'days'],
      ['leaving-soon', { days: '366' }, 'days'],
      ['coming-soon', { days: '3' }, 'days'],
      ['new', { limit: '101' }, 'limit'],
      ['new', { limit: '-1' }, 'limit'],
    ]
    for (const [kind, params, field] of cases) {
      expect(parseRailSpec(kind, params, 100), `${kind} ${JSON.stringify(params)}`).toMatchObject({
        field,
      })
    }
  })
})
