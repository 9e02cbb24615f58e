import fc from 'fast-check'

import {
  formatInstant,
  type ContentRef,
  type Licence,
  type LicenceType,
  type VideoFormat,
} from '../../../src/availability'
import { dark, darkE1, darkE2, darkE3, darkS1, darkS2, heat } from './fixtures'

/** A small world so that generated licences collide often. */
export const hourMs = 3_600_000
export const origin = Date.UTC(2025, 0, 1)
export const horizonHours = 48

export const scopeNodes: ContentRef[] = [dark, darkS1, darkS2, darkE1, darkE2, darkE3, heat]
export const leaves: ContentRef[] = [darkE1, darkE2, darkE3, heat]
export const containers: ContentRef[] = [dark, darkS1, darkS2]
export const territories = ['DE', 'FR']
export const types: LicenceType[] = ['svod', 'tvod', 'avod']
export const formats: VideoFormat[] = ['sd', 'hd', 'uhd']

const hourInstant = (hour: number): string => formatInstant(origin + hour * hourMs)

const windowArb = fc
  .record({
    territory: fc.constantFrom(...territories),
    startHour: fc.integer({ min: 0, max: horizonHours }),
    length: fc.option(fc.integer({ min: 1, max: 24 }), { nil: null }),
  })
  .map(({ territory, startHour, length }) => ({
    territory,
    start: hourInstant(startHour),
    end: length === null ? null : hourInstant(startHour + length),
  }))

const licenceWithoutId = fc.record({
  content: fc.subarray(scopeNodes, { minLength: 1, maxLength: 2 }),
  licenceType: fc.constantFrom(...types),
  formats: fc.subarray(formats),
  kind: fc.constantFrom('grant' as const, 'grant' as const, 'holdback' as const),
  holdbackStrength: fc.constantFrom('hard' as const, 'soft' as const),
  exclusive: fc.boolean(),
  windows: fc.array(windowArb, { minLength: 1, maxLength: 2 }),
})

export const licenceArb = (id: string, kind?: Licence['kind'], strength?: 'hard' | 'soft') =>
  licenceWithoutId.map((licence): Licence => ({
    ...licence,
    id,
    kind: kind ?? licence.kind,
    holdbackStrength: strength ?? licence.holdbackStrength,
  }))

export const licencesArb = fc
  .array(licenceWithoutId, { maxLength: 8 })
  .map((licences) => licences.map((licence, index): Licence => ({ ...licence, id: `L${index}` })))

/** An instant anywhere around the generated windows, to the second. */
export const instantArb = fc
  .integer({ min: -3600, max: (horizonHours + 30) * 3600 })
  .map((seconds) => origin + seconds * 1000)

export const filterArb = fc.record(
  {
    licenceType: fc.constantFrom(...types),
    format: fc.constantFrom(...formats),
  },
  { requiredKeys: [] },
)

export const boundariesOf = (licences: readonly Licence[]): number[] =>
  [
    ...new Set(
      licences.flatMap((licence) =>
        licence.windows.flatMap((window) => [
          Date.parse(window.start),
          ...(window.end ? [Date.parse(window.end)] : []),
        ]),
      ),
    ),
  ].sort((a, b) => a - b)
