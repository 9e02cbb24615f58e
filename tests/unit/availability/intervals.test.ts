import { describe, expect, it } from 'vitest'

import {
  availableIntervals,
  nodeKey,
  type ContentRef,
  type IntervalOptions,
  type Licence,
} from '../../../src/availability'
import {
  dark,
  darkE1,
  darkE2,
  darkE3,
  darkS1,
  grant,
  heat,
  holdback,
  indexOf,
  window,
} from './fixtures'

const intervals = (licences: Licence[], options: IntervalOptions = {}, node = heat) =>
  availableIntervals(indexOf(licences), node, 'DE', options)

const spans = (licences: Licence[], options: IntervalOptions = {}, node = heat) =>
  intervals(licences, options, node).map(({ start, end }) => [start, end])

const de = (start: string, end: string | null = null) => [window('DE', start, end)]

describe('availableIntervals', () => {
  it('is empty without grants', () => {
    expect(intervals([])).toEqual([])
    expect(intervals([holdback('h1')])).toEqual([])
  })

  it('returns a grant window with what it offers', () => {
    expect(intervals([grant('g1', { formats: ['hd'] })])).toEqual([
      {
        start: '2025-01-01T00:00:00Z',
        end: '2026-01-01T00:00:00Z',
        licenceTypes: ['svod'],
        formats: ['hd'],
        offers: [{ licenceType: 'svod', formats: ['hd'] }],
      },
    ])
  })

  it('cuts hard holdbacks out and ignores soft ones', () => {
    const licences = [
      grant('g1'),
      holdback('h1', { windows: de('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z') }),
      holdback('h2', { windows: de('2025-06-01T00:00:00Z'), holdbackStrength: 'soft' }),
    ]
    expect(spans(licences)).toEqual([
      ['2025-01-01T00:00:00Z', '2025-03-01T00:00:00Z'],
      ['2025-04-01T00:00:00Z', '2026-01-01T00:00:00Z'],
    ])
  })

  it('merges back-to-back and overlapping grants that offer the same', () => {
    const licences = [
      grant('g1', { windows: de('2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z') }),
      grant('g2', { windows: de('2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z') }),
      grant('g3', { windows: de('2025-02-15T00:00:00Z') }),
    ]
    expect(spans(licences)).toEqual([['2025-01-01T00:00:00Z', null]])
  })

  it('starts a new interval where the offers change, without overlaps', () => {
    const licences = [
      grant('g1', { formats: ['hd'], windows: de('2025-01-01T00:00:00Z', '2025-03-01T00:00:00Z') }),
      grant('g2', {
        formats: ['uhd'],
        windows: de('2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z'),
      }),
      grant('g3', {
        licenceType: 'avod',
        windows: de('2025-02-01T00:00:00Z', '2025-02-02T00:00:00Z'),
      }),
    ]
    expect(intervals(licences)).toEqual([
      {
        start: '2025-01-01T00:00:00Z',
        end: '2025-02-01T00:00:00Z',
        licenceTypes: ['svod'],
        formats: ['hd'],
        offers: [{ licenceType: 'svod', formats: ['hd'] }],
      },
      {
        start: '2025-02-01T00:00:00Z',
        end: '2025-02-02T00:00:00Z',
        licenceTypes: ['svod', 'avod'],
        formats: ['sd', 'hd', 'uhd'],
        offers: [
          { licenceType: 'svod', formats: ['hd', 'uhd'] },
          { licenceType: 'avod', formats: ['sd', 'hd', 'uhd'] },
        ],
      },
      {
        start: '2025-02-02T00:00:00Z',
        end: '2025-03-01T00:00:00Z',
        licenceTypes: ['svod'],
        formats: ['hd', 'uhd'],
        offers: [{ licenceType: 'svod', formats: ['hd', 'uhd'] }],
      },
    ])
  })

  it('honours licence type and format filters', () => {
    const licences = [grant('g1', { formats: ['hd'] }), grant('g2', { licenceType: 'tvod' })]
    expect(intervals(licences, { licenceType: 'tvod' })[0].licenceTypes).toEqual(['tvod'])
    expect(intervals(licences, { format: 'uhd' })).toEqual([
      {
        start: '2025-01-01T00:00:00Z',
        end: '2026-01-01T00:00:00Z',
        licenceTypes: ['tvod'],
        formats: ['uhd'],
        offers: [{ licenceType: 'tvod', formats: ['uhd'] }],
      },
    ])
  })

  it('unions the episodes of a container and can leave some out', () => {
    const licences = [
      grant('g1', {
        content: [darkE1],
        windows: de('2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z'),
      }),
      grant('g2', {
        content: [darkE3],
        windows: de('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z'),
      }),
    ]
    expect(spans(licences, {}, dark)).toEqual([
      ['2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z'],
      ['2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z'],
    ])
    const withoutFirst = { includeLeaf: (leaf: ContentRef) => nodeKey(leaf) !== nodeKey(darkE1) }
    expect(spans(licences, withoutFirst, dark)).toEqual([
      ['2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z'],
    ])
    expect(spans(licences, {}, darkS1)).toEqual([['2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z']])
  })

  it('follows scope: a series grant minus an episode holdback', () => {
    const licences = [grant('g1', { content: [dark] }), holdback('h1', { content: [darkE2] })]
    expect(intervals(licences, {}, darkE2)).toEqual([])
    expect(intervals(licences, {}, darkE1)).toHaveLength(1)
    expect(intervals(licences, {}, darkS1)).toHaveLength(1)
  })
})
