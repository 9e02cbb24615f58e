import { describe, expect, it } from 'vitest'

import {
  AvailabilityInputError,
  expandTerritories,
  membershipDrift,
  resolveTerritoryWindows,
  validateLicence,
} from '../../../src/availability'
import { grant, regions, window } from './fixtures'

describe('expandTerritories', () => {
  it('expands a group to its countries, sorted', () => {
    expect(expandTerritories(['DACH'], [], regions)).toEqual(['AT', 'CH', 'DE'])
  })

  it('expands nested groups and de-duplicates', () => {
    expect(expandTerritories(['EUROPE', 'DE', 'DACH'], [], regions)).toEqual([
      'AT',
      'CH',
      'DE',
      'FR',
    ])
  })

  it('applies exclusions, which may be groups too', () => {
    expect(expandTerritories(['EUROPE'], ['CH'], regions)).toEqual(['AT', 'DE', 'FR'])
    expect(expandTerritories(['EUROPE'], ['DACH'], regions)).toEqual(['FR'])
  })

  it('keeps HK, MO and TW out of CN and PR out of US', () => {
    expect(expandTerritories(['CN', 'US'], [], regions)).toEqual(['CN', 'US'])
    expect(expandTerritories(['GREATER-CHINA'], ['CN'], regions)).toEqual(['HK', 'MO', 'TW'])
  })

  it('lists every unknown code in one error', () => {
    const attempt = () => expandTerritories(['DE', 'XX', 'NOWHERE'], ['ZZ'], regions)
    expect(attempt).toThrow(AvailabilityInputError)
    expect(attempt).toThrow('unknown territory codes: NOWHERE, XX, ZZ')
  })

  it('reports unknown members of a group', () => {
    const broken = [...regions, { code: 'BAD', kind: 'group' as const, members: ['DE', 'QQ'] }]
    expect(() => expandTerritories(['BAD'], [], broken)).toThrow('unknown territory codes: QQ')
  })

  it('rejects a group that contains itself', () => {
    const looped = [
      { code: 'A', kind: 'group' as const, members: ['B'] },
      { code: 'B', kind: 'group' as const, members: ['A'] },
    ]
    expect(() => expandTerritories(['A'], [], looped)).toThrow(/contains itself/)
  })

  it('rejects a licence that ends up with no territory', () => {
    expect(() => expandTerritories(['DACH'], ['DACH'], regions)).toThrow(/no territory/)
    expect(() => expandTerritories([], [], regions)).toThrow(/no territory/)
  })
})

describe('membershipDrift', () => {
  it('shows what the group gained and lost since the licence was saved', () => {
    expect(membershipDrift(['AT', 'CH', 'DE'], ['AT', 'DE', 'LI'])).toEqual({
      added: ['LI'],
      removed: ['CH'],
    })
    expect(membershipDrift(['DE'], ['DE'])).toEqual({ added: [], removed: [] })
  })
})

describe('resolveTerritoryWindows', () => {
  it('resolves one window per country in its own zone', () => {
    const windows = resolveTerritoryWindows(
      { start: '2025-01-01', end: '2025-01-31' },
      ['CN', 'DE', 'US'],
      regions,
    )
    expect(windows.map(({ territory, start, end }) => [territory, start, end])).toEqual([
      ['CN', '2024-12-31T16:00:00Z', '2025-01-31T16:00:00Z'],
      ['DE', '2024-12-31T23:00:00Z', '2025-01-31T23:00:00Z'],
      ['US', '2025-01-01T05:00:00Z', '2025-02-01T05:00:00Z'],
    ])
    expect(windows[0].basis.timeZone).toBe('Asia/Shanghai')
  })

  it('refuses a country without a reference zone', () => {
    expect(() => resolveTerritoryWindows({ start: '2025-01-01' }, ['DACH'], regions)).toThrow(
      'DACH has no reference time zone',
    )
  })
})

describe('validateLicence', () => {
  it('accepts a sound licence', () => {
    expect(validateLicence(grant('g1'))).toEqual([])
  })

  it('names every problem', () => {
    const broken = grant('g1', {
      content: [],
      windows: [
        window('DE', '2025-02-01T00:00:00Z', '2025-01-01T00:00:00Z'),
        window('FR', '2025-02-01T00:00:00'),
      ],
    })
    expect(validateLicence(broken)).toEqual([
      { field: 'content', reason: 'the licence names no title' },
      { field: 'windows.DE', reason: 'end must be after start' },
      { field: 'windows.FR', reason: expect.stringContaining('no UTC offset') },
    ])
    expect(validateLicence(grant('g2', { windows: [] }))).toEqual([
      { field: 'territories', reason: 'the licence covers no territory' },
    ])
  })
})
