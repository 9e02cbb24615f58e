import { describe, expect, it } from 'vitest'

import { compareRows, normalRow } from '../../../src/rights/rowDifferences'

const row = (overrides: Partial<Parameters<typeof normalRow>[0]> = {}) =>
  normalRow({
    contentKey: 'films/1',
    titleCollection: 'films',
    film: 1,
    territory: 'DE',
    start: '2026-01-01T00:00:00Z',
    end: '2027-01-01T00:00:00.000Z',
    offers: [{ licenceType: 'svod', formats: ['hd', 'sd'] }],
    ...overrides,
  })

describe('compareRows', () => {
  it('finds nothing when the stored rows are the recomputed ones, in any order and notation', () => {
    const expected = [row(), row({ territory: 'AT' })]
    const stored = [
      row({ territory: 'AT', start: '2026-01-01T00:00:00.000Z' }),
      row({ offers: [{ licenceType: 'svod', formats: ['sd', 'hd'] }] }),
    ]
    expect(compareRows(expected, stored)).toEqual([])
  })

  it('tells missing, extra and different rows apart, per title', () => {
    const differences = compareRows(
      [row(), row({ territory: 'AT' }), row({ contentKey: 'films/2', film: 2 })],
      [
        row({ end: '2026-06-01T00:00:00.000Z' }),
        row({ territory: 'US' }),
        row({ contentKey: 'films/2', film: 2 }),
      ],
    )
    expect(differences).toHaveLength(1)
    const [difference] = differences
    expect(difference.contentKey).toBe('films/1')
    expect(difference.missing.map((entry) => entry.territory)).toEqual(['AT'])
    expect(difference.extra.map((entry) => entry.territory)).toEqual(['US'])
    expect(difference.different).toEqual([
      { expected: row(), stored: row({ end: '2026-06-01T00:00:00.000Z' }) },
    ])
  })

  it('counts a row whose title relation was cleared as wrong, even with the right content key', () => {
    const differences = compareRows([row()], [row({ film: null })])
    expect(differences).toHaveLength(1)
    expect(differences[0].missing).toHaveLength(1)
    expect(differences[0].extra).toHaveLength(1)
  })

  it('counts different offers as a different row', () => {
    const differences = compareRows(
      [row()],
      [row({ offers: [{ licenceType: 'avod', formats: ['hd'] }] })],
    )
    expect(differences[0].different).toHaveLength(1)
  })

  it('counts another state or stretch as a different row; a row without a state is available', () => {
    const announced = row({ state: 'announced', availableFrom: '2027-01-01T00:00:00Z' })
    expect(compareRows([announced], [row()])[0].different).toHaveLength(1)
    const stretch = row({ availableFrom: '2025-06-01T00:00:00.000Z' })
    expect(compareRows([stretch], [row({ availableFrom: '2025-07-01T00:00:00Z' })])).toHaveLength(1)
    expect(compareRows([stretch], [row({ availableFrom: '2025-06-01T00:00:00Z' })])).toEqual([])
    expect(compareRows([row({ state: 'available' })], [row({ state: null })])).toEqual([])
  })
})
