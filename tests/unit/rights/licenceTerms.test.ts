import { ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'

import type { Region } from '../../../src/availability'
import { resolveLicenceTerms, resolveLicenceTermsOrRefuse } from '../../../src/rights/licenceTerms'

const regions: Region[] = [
  { code: 'DE', kind: 'country', timeZone: 'Europe/Berlin' },
  { code: 'AT', kind: 'country', timeZone: 'Europe/Vienna' },
  { code: 'CH', kind: 'country', timeZone: 'Europe/Zurich' },
  { code: 'DACH', kind: 'group', members: ['DE', 'AT', 'CH'] },
]

const refusal = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    if (error instanceof ValidationError) return error.data.errors
    throw error
  }
  throw new Error('not refused')
}

describe('resolveLicenceTerms', () => {
  it('expands groups, resolves each country in its zone and keeps the groups it named', () => {
    const terms = resolveLicenceTerms(['DACH'], ['CH'], { start: '2027-01-01', end: null }, regions)
    expect(terms.countries.sort()).toEqual(['AT', 'DE'])
    expect(terms.resolvedWindows.find((window) => window.territory === 'DE')).toMatchObject({
      start: '2026-12-31T23:00:00Z',
      end: null,
      timeZone: 'Europe/Berlin',
    })
    expect(terms.groupSnapshot).toEqual({ DACH: ['AT', 'CH', 'DE'] })
    expect(terms.tzVersion).toBe(process.versions.tz ?? 'unknown')
  })

  it('refuses what a save refuses, naming the field', () => {
    expect(
      refusal(() => resolveLicenceTermsOrRefuse([], [], { start: '2027-01-01' }, regions)),
    ).toEqual([{ path: 'territories', message: 'A licence needs at least one territory.' }])
    expect(
      refusal(() =>
        resolveLicenceTermsOrRefuse(
          ['DE'],
          [],
          { start: '2027-02-01', end: '2027-01-01' },
          regions,
        ),
      )[0]?.path,
    ).toBe('end')
    expect(
      refusal(() => resolveLicenceTermsOrRefuse(['XX'], [], { start: '2027-01-01' }, regions))[0]
        ?.path,
    ).toBe('territories')
  })
})
