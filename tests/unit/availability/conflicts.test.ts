import { describe, expect, it } from 'vitest'

import {
  expiringSoon,
  findExclusiveConflicts,
  findSoftHoldbackWarnings,
  type Licence,
} from '../../../src/availability'
import {
  catalogTree,
  dark,
  darkE1,
  darkE3,
  darkS1,
  darkS2,
  grant,
  heat,
  holdback,
  series,
  window,
} from './fixtures'

const exclusive = (id: string, overrides: Partial<Licence> = {}) =>
  grant(id, { exclusive: true, ...overrides })

const de = (start: string, end: string | null = null) => [window('DE', start, end)]

describe('findExclusiveConflicts', () => {
  it('reports two exclusive grants on one title, territory and type with the overlap', () => {
    const licences = [
      exclusive('b', { windows: de('2025-06-01T00:00:00Z') }),
      exclusive('a', { windows: de('2025-01-01T00:00:00Z', '2025-07-01T00:00:00Z') }),
    ]
    expect(findExclusiveConflicts(licences, catalogTree)).toEqual([
      {
        licenceIds: ['a', 'b'],
        territory: 'DE',
        licenceType: 'svod',
        nodes: [heat],
        overlap: { start: '2025-06-01T00:00:00Z', end: '2025-07-01T00:00:00Z' },
      },
    ])
  })

  it('reports an open-ended overlap as open-ended', () => {
    const licences = [
      exclusive('a', { windows: de('2025-01-01T00:00:00Z') }),
      exclusive('b', { windows: de('2025-06-01T00:00:00Z') }),
    ]
    expect(findExclusiveConflicts(licences, catalogTree)[0].overlap).toEqual({
      start: '2025-06-01T00:00:00Z',
      end: null,
    })
  })

  it('does not flag back-to-back windows', () => {
    const licences = [
      exclusive('a', { windows: de('2025-01-01T00:00:00Z', '2025-06-01T00:00:00Z') }),
      exclusive('b', { windows: de('2025-06-01T00:00:00Z') }),
    ]
    expect(findExclusiveConflicts(licences, catalogTree)).toEqual([])
  })

  it('ignores non-exclusive grants, holdbacks and other territories or types', () => {
    const licences = [
      exclusive('a'),
      grant('b'),
      holdback('c', { exclusive: true }),
      exclusive('d', { windows: [window('FR', '2025-01-01T00:00:00Z')] }),
      exclusive('e', { licenceType: 'tvod' }),
    ]
    expect(findExclusiveConflicts(licences, catalogTree)).toEqual([])
  })

  it('finds a series licence colliding with one on its episode, at the episode', () => {
    const licences = [exclusive('a', { content: [dark] }), exclusive('b', { content: [darkE1] })]
    expect(findExclusiveConflicts(licences, catalogTree)).toMatchObject([
      { licenceIds: ['a', 'b'], nodes: [darkE1] },
    ])
  })

  it('keeps sibling seasons and unrelated titles apart', () => {
    const licences = [
      exclusive('a', { content: [darkS1] }),
      exclusive('b', { content: [darkS2] }),
      exclusive('c', { content: [series('other')] }),
      exclusive('d', { content: [darkE3, heat] }),
    ]
    expect(findExclusiveConflicts(licences, catalogTree)).toMatchObject([
      { licenceIds: ['b', 'd'], nodes: [darkE3] },
    ])
  })

  it('never reports a licence against itself', () => {
    const licences = [
      exclusive('a', {
        content: [dark, darkE1],
        windows: de('2025-01-01T00:00:00Z', '2025-06-01T00:00:00Z'),
      }),
    ]
    expect(findExclusiveConflicts(licences, catalogTree)).toEqual([])
  })
})

describe('findSoftHoldbackWarnings', () => {
  it('pairs a soft holdback with the grants it overlaps', () => {
    const licences = [
      grant('g1', { content: [dark] }),
      holdback('s1', {
        content: [darkS1],
        holdbackStrength: 'soft',
        windows: de('2025-12-01T00:00:00Z', '2026-02-01T00:00:00Z'),
      }),
      holdback('h1', { content: [dark] }),
      grant('g2', { content: [darkS2] }),
    ]
    expect(findSoftHoldbackWarnings(licences, catalogTree)).toEqual([
      {
        holdbackId: 's1',
        grantId: 'g1',
        territory: 'DE',
        licenceType: 'svod',
        nodes: [darkS1],
        overlap: { start: '2025-12-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
      },
    ])
  })

  it('does not warn when the windows only touch', () => {
    const licences = [
      grant('g1'),
      holdback('s1', { holdbackStrength: 'soft', windows: de('2026-01-01T00:00:00Z') }),
    ]
    expect(findSoftHoldbackWarnings(licences, catalogTree)).toEqual([])
  })
})

describe('expiringSoon', () => {
  const licences = [
    grant('a', { windows: [window('DE', '2025-01-01T00:00:00Z', '2025-07-01T00:00:00Z')] }),
    grant('b', {
      windows: [
        window('FR', '2025-01-01T00:00:00Z', '2025-06-10T00:00:00Z'),
        window('DE', '2025-01-01T00:00:00Z'),
      ],
    }),
    grant('c', { windows: [window('DE', '2025-01-01T00:00:00Z', '2025-06-01T00:00:00Z')] }),
  ]

  it('lists windows ending within 30 days by default, soonest first', () => {
    const now = '2025-06-01T00:00:00Z'
    expect(expiringSoon(licences, { now })).toEqual([
      {
        licenceId: 'b',
        kind: 'grant',
        licenceType: 'svod',
        content: [heat],
        territory: 'FR',
        start: '2025-01-01T00:00:00Z',
        end: '2025-06-10T00:00:00Z',
      },
      expect.objectContaining({ licenceId: 'a', end: '2025-07-01T00:00:00Z' }),
    ])
  })

  it('respects the horizon, including a window ending exactly at it', () => {
    const now = new Date('2025-06-01T00:00:00Z')
    expect(expiringSoon(licences, { now, withinDays: 9 }).map((entry) => entry.licenceId)).toEqual([
      'b',
    ])
    expect(expiringSoon(licences, { now, withinDays: 8.99 })).toEqual([])
  })

  it('leaves out windows that have already ended, even at this very instant', () => {
    const ids = (now: string) =>
      expiringSoon(licences, { now, withinDays: 31 }).map((entry) => entry.licenceId)
    expect(ids('2025-05-31T23:59:59Z')).toEqual(['c', 'b', 'a'])
    expect(ids('2025-06-01T00:00:00Z')).toEqual(['b', 'a'])
  })
})
