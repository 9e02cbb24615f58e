import { describe, expect, it } from 'vitest'

import {
  buildAvailabilityIndex,
  createTitleTree,
  evaluateAvailability,
  resolveTerritoryWindows,
  type AvailabilityQuery,
  type Licence,
} from '../../../src/availability'
import {
  catalogLinks,
  dark,
  darkE1,
  darkE2,
  darkE3,
  darkS1,
  episode,
  grant,
  heat,
  holdback,
  indexOf,
  regions,
  secondsAfter,
  window,
} from './fixtures'

const ask = (
  licences: Licence[],
  at: AvailabilityQuery['at'],
  query: Partial<Omit<AvailabilityQuery, 'index' | 'at'>> = {},
) =>
  evaluateAvailability({
    index: indexOf(licences),
    node: heat,
    territory: 'DE',
    published: true,
    at,
    ...query,
  })

const july = [window('DE', '2025-07-01T00:00:00Z', '2025-08-01T00:00:00Z')]

describe('evaluateAvailability: time boundaries', () => {
  const licences = [grant('g1', { windows: july })]

  it('is available exactly at start and not one second before', () => {
    expect(ask(licences, '2025-07-01T00:00:00Z')).toMatchObject({
      available: true,
      reasons: [],
      licences: ['g1'],
    })
    expect(ask(licences, '2025-06-30T23:59:59Z')).toMatchObject({
      available: false,
      reasons: ['NO_GRANT'],
      licences: [],
    })
  })

  it('is available one second before end and not at end', () => {
    expect(ask(licences, '2025-07-31T23:59:59Z').available).toBe(true)
    expect(ask(licences, '2025-08-01T00:00:00Z')).toMatchObject({
      available: false,
      reasons: ['NO_GRANT'],
      validUntil: null,
    })
  })

  it('stays available for ever in an open-ended window and says the answer never changes', () => {
    const open = [grant('g1', { windows: [window('DE', '2025-07-01T00:00:00Z')] })]
    expect(ask(open, '2999-12-31T23:59:59Z')).toMatchObject({ available: true, validUntil: null })
  })

  it('accepts Date and epoch instants and refuses one without offset', () => {
    expect(ask(licences, new Date('2025-07-02T00:00:00Z')).available).toBe(true)
    expect(ask(licences, Date.UTC(2025, 6, 2)).available).toBe(true)
    expect(() => ask(licences, '2025-07-02T00:00:00')).toThrow(/no UTC offset/)
  })
})

describe('evaluateAvailability: date-only windows per territory', () => {
  const windows = resolveTerritoryWindows(
    { start: '2025-03-30', end: '2025-10-26' },
    ['CN', 'DE', 'US'],
    regions,
  )
  const licences = [grant('g1', { windows })]
  const at = (territory: string, instant: string) =>
    ask(licences, instant, { territory, cnApprovalNumber: 'NRTA-1' }).available

  it('opens at local midnight of the start day, on a DST day in Berlin', () => {
    expect(at('DE', '2025-03-29T22:59:59Z')).toBe(false)
    expect(at('DE', '2025-03-29T23:00:00Z')).toBe(true)
  })

  it('closes after the whole local end day, the 25-hour fall-back day in Berlin', () => {
    expect(at('DE', '2025-10-26T22:59:59Z')).toBe(true)
    expect(at('DE', '2025-10-26T23:00:00Z')).toBe(false)
  })

  it('uses New York midnights (EDT on both ends here)', () => {
    expect(at('US', '2025-03-30T03:59:59Z')).toBe(false)
    expect(at('US', '2025-03-30T04:00:00Z')).toBe(true)
    expect(at('US', '2025-10-27T03:59:59Z')).toBe(true)
    expect(at('US', '2025-10-27T04:00:00Z')).toBe(false)
  })

  it('uses Shanghai midnights', () => {
    expect(at('CN', '2025-03-29T15:59:59Z')).toBe(false)
    expect(at('CN', '2025-03-29T16:00:00Z')).toBe(true)
    expect(at('CN', '2025-10-26T15:59:59Z')).toBe(true)
    expect(at('CN', '2025-10-26T16:00:00Z')).toBe(false)
  })

  it('handles the New York DST days', () => {
    const nyWindows = resolveTerritoryWindows(
      { start: '2025-03-09', end: '2025-11-02' },
      ['US'],
      regions,
    )
    const ny = [grant('g1', { windows: nyWindows })]
    const usAt = (instant: string) => ask(ny, instant, { territory: 'US' }).available
    expect(usAt('2025-03-09T04:59:59Z')).toBe(false)
    expect(usAt('2025-03-09T05:00:00Z')).toBe(true)
    expect(usAt('2025-11-03T04:59:59Z')).toBe(true)
    expect(usAt('2025-11-03T05:00:00Z')).toBe(false)
  })

  it('does not leak a window into another territory', () => {
    expect(at('FR', '2025-06-01T00:00:00Z')).toBe(false)
  })
})

describe('evaluateAvailability: holdbacks', () => {
  const base = grant('g1')
  const mid = '2025-06-15T00:00:00Z'
  const summer = [window('DE', '2025-06-01T00:00:00Z', '2025-07-01T00:00:00Z')]

  it('hides a title under a hard holdback', () => {
    expect(ask([base, holdback('h1', { windows: summer })], mid)).toMatchObject({
      available: false,
      reasons: ['HOLDBACK'],
      licences: [],
      validUntil: '2025-07-01T00:00:00Z',
    })
  })

  it('treats a holdback without strength as hard', () => {
    const unspecified = holdback('h1', { windows: summer, holdbackStrength: undefined })
    expect(ask([base, unspecified], mid).reasons).toEqual(['HOLDBACK'])
  })

  it('does not hide under a soft holdback but warns', () => {
    const soft = holdback('h1', { windows: summer, holdbackStrength: 'soft' })
    expect(ask([base, soft], mid)).toMatchObject({
      available: true,
      warnings: [{ code: 'SOFT_HOLDBACK', licenceId: 'h1', licenceType: 'svod' }],
    })
    expect(ask([base, soft], '2025-07-01T00:00:00Z').warnings).toEqual([])
  })

  it('only blocks its own licence type', () => {
    const tvod = grant('g2', { licenceType: 'tvod' })
    const answer = ask([base, tvod, holdback('h1', { windows: summer })], mid)
    expect(answer).toMatchObject({ available: true, licenceTypes: ['tvod'], licences: ['g2'] })
    expect(ask([base, tvod, holdback('h1')], mid, { licenceType: 'svod' }).reasons).toEqual([
      'HOLDBACK',
    ])
  })

  it('only blocks its own territory and time', () => {
    const elsewhere = holdback('h1', { windows: [window('FR', '2025-01-01T00:00:00Z')] })
    expect(ask([base, elsewhere], mid).available).toBe(true)
    const held = [base, holdback('h1', { windows: summer })]
    expect(ask(held, '2025-05-31T23:59:59Z').available).toBe(true)
    expect(ask(held, '2025-06-01T00:00:00Z').available).toBe(false)
    expect(ask(held, '2025-07-01T00:00:00Z').available).toBe(true)
  })

  it('ignores formats on holdbacks', () => {
    const uhdOnly = holdback('h1', { formats: ['uhd'] })
    expect(ask([base, uhdOnly], mid, { format: 'hd' }).reasons).toEqual(['HOLDBACK'])
  })
})

describe('evaluateAvailability: scope through series and season', () => {
  const onEpisode = (licences: Licence[], node = darkE1) =>
    ask(licences, '2025-06-15T00:00:00Z', { node })

  it('covers every episode through a grant on the series', () => {
    const licences = [grant('g1', { content: [dark] })]
    for (const node of [darkE1, darkE2, darkE3]) {
      expect(onEpisode(licences, node)).toMatchObject({ available: true, licences: ['g1'] })
    }
  })

  it('covers only its own episodes through a grant on a season', () => {
    const licences = [grant('g1', { content: [darkS1] })]
    expect(onEpisode(licences, darkE2).available).toBe(true)
    expect(onEpisode(licences, darkE3).reasons).toEqual(['NO_GRANT'])
  })

  it('covers an episode added after the licence was signed', () => {
    const later = episode('dark-s1e9')
    const tree = createTitleTree([...catalogLinks, { child: later, parent: darkS1 }])
    const index = buildAvailabilityIndex([grant('g1', { content: [dark] })], tree, regions)
    expect(
      evaluateAvailability({
        index,
        node: later,
        territory: 'DE',
        at: '2025-06-15T00:00:00Z',
        published: true,
      }).available,
    ).toBe(true)
  })

  it('lets a holdback on an episode win over a grant on the series', () => {
    const licences = [grant('g1', { content: [dark] }), holdback('h1', { content: [darkE1] })]
    expect(onEpisode(licences, darkE1).reasons).toEqual(['HOLDBACK'])
    expect(onEpisode(licences, darkE2).available).toBe(true)
  })

  it('lets a holdback on a season hide its episodes even with an episode-specific grant', () => {
    const licences = [grant('g1', { content: [darkE1] }), holdback('h1', { content: [darkS1] })]
    expect(onEpisode(licences, darkE1).reasons).toEqual(['HOLDBACK'])
  })

  it('does not let a holdback on one episode touch its siblings', () => {
    const licences = [grant('g1', { content: [darkS1] }), holdback('h1', { content: [darkE2] })]
    expect(onEpisode(licences, darkE1).available).toBe(true)
  })

  it('reports a licence naming both a series and its episode once', () => {
    const licences = [grant('g1', { content: [dark, darkE1] })]
    expect(onEpisode(licences).licences).toEqual(['g1'])
  })

  it('refuses to evaluate a container directly', () => {
    expect(() => onEpisode([], dark)).toThrow(/evaluateContainer/)
  })
})

describe('evaluateAvailability: filters', () => {
  const mid = '2025-06-15T00:00:00Z'
  const hdSvod = grant('g1', { formats: ['sd', 'hd'] })
  const uhdTvod = grant('g2', { licenceType: 'tvod', formats: ['uhd'] })

  it('matches any licence type by default and lists what is on offer', () => {
    expect(ask([hdSvod, uhdTvod], mid)).toMatchObject({
      available: true,
      licenceTypes: ['svod', 'tvod'],
      formats: ['sd', 'hd', 'uhd'],
      offers: [
        { licenceType: 'svod', formats: ['sd', 'hd'] },
        { licenceType: 'tvod', formats: ['uhd'] },
      ],
      licences: ['g1', 'g2'],
    })
  })

  it('filters by licence type', () => {
    expect(ask([hdSvod], mid, { licenceType: 'avod' }).reasons).toEqual(['NO_GRANT'])
    expect(ask([hdSvod, uhdTvod], mid, { licenceType: 'tvod' })).toMatchObject({
      licences: ['g2'],
      licenceTypes: ['tvod'],
      formats: ['uhd'],
    })
  })

  it('filters by format', () => {
    expect(ask([hdSvod], mid, { format: 'uhd' }).reasons).toEqual(['NO_GRANT'])
    expect(ask([hdSvod, uhdTvod], mid, { format: 'hd' })).toMatchObject({
      licences: ['g1'],
      formats: ['hd'],
      offers: [{ licenceType: 'svod', formats: ['hd'] }],
    })
  })

  it('reads a grant without formats as covering every format', () => {
    expect(ask([grant('g1')], mid, { format: 'uhd' }).formats).toEqual(['uhd'])
    expect(ask([grant('g1')], mid).formats).toEqual(['sd', 'hd', 'uhd'])
  })

  it('ignores windows of filtered-out types when computing validUntil', () => {
    const tvodEarly = grant('g2', {
      licenceType: 'tvod',
      windows: [window('DE', '2025-01-01T00:00:00Z', '2025-06-20T00:00:00Z')],
    })
    expect(ask([grant('g1'), tvodEarly], mid, { licenceType: 'svod' }).validUntil).toBe(
      '2026-01-01T00:00:00Z',
    )
    expect(ask([grant('g1'), tvodEarly], mid).validUntil).toBe('2025-06-20T00:00:00Z')
  })
})

describe('evaluateAvailability: publishing and policy gates', () => {
  const mid = '2025-06-15T00:00:00Z'
  const worldwide = grant('g1', {
    windows: [window('DE', '2025-01-01T00:00:00Z'), window('CN', '2025-01-01T00:00:00Z')],
  })

  it('hides an unpublished title even with rights', () => {
    expect(ask([worldwide], mid, { published: false })).toMatchObject({
      available: false,
      reasons: ['UNPUBLISHED'],
      licences: [],
      offers: [],
    })
  })

  it('lists every failing rule in order', () => {
    expect(ask([], mid, { published: false, territory: 'CN' }).reasons).toEqual([
      'UNPUBLISHED',
      'NO_GRANT',
      'POLICY_GATE',
    ])
  })

  it('requires an approval number in China only', () => {
    expect(ask([worldwide], mid, { territory: 'CN' }).reasons).toEqual(['POLICY_GATE'])
    expect(ask([worldwide], mid, { territory: 'CN', cnApprovalNumber: '  ' }).available).toBe(false)
    expect(ask([worldwide], mid, { territory: 'CN', cnApprovalNumber: 'NRTA-1' }).available).toBe(
      true,
    )
    expect(ask([worldwide], mid, { territory: 'DE', cnApprovalNumber: null }).available).toBe(true)
  })

  it('applies a gate set on a group to its member countries', () => {
    const gatedDach = [
      ...regions.filter((region) => region.code !== 'DACH'),
      { code: 'DACH', kind: 'group' as const, members: ['DE', 'AT'], requiresApprovalNumber: true },
    ]
    const index = buildAvailabilityIndex([worldwide], createTitleTree([]), gatedDach)
    const query = { index, node: heat, territory: 'DE', at: mid, published: true }
    expect(evaluateAvailability(query).reasons).toEqual(['POLICY_GATE'])
  })
})

describe('evaluateAvailability: validUntil', () => {
  it('is the next start when nothing is in force yet', () => {
    expect(ask([grant('g1', { windows: july })], '2025-06-01T00:00:00Z').validUntil).toBe(
      '2025-07-01T00:00:00Z',
    )
  })

  it('is the earliest upcoming boundary of grants and holdbacks', () => {
    const licences = [
      grant('g1'),
      holdback('h1', { windows: [window('DE', '2025-09-01T00:00:00Z', '2025-09-02T00:00:00Z')] }),
    ]
    expect(ask(licences, '2025-06-01T00:00:00Z').validUntil).toBe('2025-09-01T00:00:00Z')
    expect(ask(licences, '2025-09-01T00:00:00Z').validUntil).toBe('2025-09-02T00:00:00Z')
    expect(ask(licences, '2025-09-02T00:00:00Z').validUntil).toBe('2026-01-01T00:00:00Z')
  })

  it('counts windows on ancestors and skips other territories', () => {
    const licences = [
      grant('g1', { content: [dark] }),
      grant('g2', {
        content: [darkS1],
        windows: [window('DE', '2025-08-01T00:00:00Z'), window('FR', '2025-07-01T00:00:00Z')],
      }),
    ]
    expect(ask(licences, '2025-06-01T00:00:00Z', { node: darkE1 }).validUntil).toBe(
      '2025-08-01T00:00:00Z',
    )
    expect(ask(licences, '2025-06-01T00:00:00Z', { node: darkE3 }).validUntil).toBe(
      '2026-01-01T00:00:00Z',
    )
  })

  it('holds the answer until validUntil', () => {
    const licences = [grant('g1', { windows: july }), holdback('h1', { windows: july })]
    const at = '2025-07-10T12:00:00Z'
    const answer = ask(licences, at)
    expect(answer.validUntil).toBe('2025-08-01T00:00:00Z')
    expect(ask(licences, secondsAfter(answer.validUntil ?? '', -1))).toEqual(answer)
  })
})
