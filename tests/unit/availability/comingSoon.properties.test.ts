import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  announcementRunCalculator,
  evaluateAvailability,
  evaluateContainer,
  formatInstant,
  lineage,
  playableLeaves,
  type AvailabilityAnswer,
  type ContentRef,
  type Licence,
  type RightsFilter,
} from '../../../src/availability'
import {
  boundariesOf,
  containers,
  filterArb,
  hourMs,
  horizonHours,
  instantArb,
  leaves,
  licencesArb,
  origin,
  territories,
} from './arbitraries'
import { catalogTree, indexOf, grant, heat, window } from './fixtures'

const runs = { numRuns: 200 }
/** Generous: the machine these run on is shared, and each run evaluates many instants. */
const propertyTimeoutMs = 60_000

/** An announce instant for some of the licences (possibly after a window's start: no effect). */
const announcedLicencesArb = licencesArb.chain((licences) =>
  fc
    .array(fc.option(fc.integer({ min: -24, max: horizonHours }), { nil: null }), {
      minLength: licences.length,
      maxLength: licences.length,
    })
    .map((hours) =>
      licences.map((licence, position): Licence => ({
        ...licence,
        announceAt:
          hours[position] === null ? null : formatInstant(origin + hours[position] * hourMs),
      })),
    ),
)

const withoutAnnouncements = (licences: readonly Licence[]): Licence[] =>
  licences.map(({ announceAt: _announceAt, ...licence }) => licence)

const answerAt = (
  licences: Licence[],
  node: ContentRef,
  territory: string,
  at: number,
  filter: RightsFilter = {},
  published: (node: ContentRef) => boolean = () => true,
): AvailabilityAnswer => {
  const query = { index: indexOf(licences), node, territory, at, ...filter }
  return containers.includes(node)
    ? evaluateContainer({ ...query, factsOf: (title) => ({ published: published(title) }) })
    : evaluateAvailability({ ...query, published: published(node) })
}

const announceBoundaries = (licences: readonly Licence[]): number[] =>
  licences.flatMap((licence) => (licence.announceAt ? [Date.parse(licence.announceAt)] : []))

const instantsFor = (licences: readonly Licence[], randomInstants: readonly number[]) => [
  ...randomInstants,
  ...[...boundariesOf(licences), ...announceBoundaries(licences)].flatMap((boundary) => [
    boundary - 1000,
    boundary,
  ]),
]

const anyNode = fc.constantFrom(...leaves, ...containers)
const territory = fc.constantFrom(...territories)

/** Does a grant covering `node` (or one of its episodes) in `territory` announce it at `at`? */
const someGrantAnnounces = (
  licences: readonly Licence[],
  node: ContentRef,
  territory: string,
  at: number,
  filter: RightsFilter,
): boolean =>
  playableLeaves(node, catalogTree).some((leaf) => {
    const scopes = lineage(leaf, catalogTree).map((scope) => `${scope.collection}/${scope.id}`)
    return licences.some(
      (licence) =>
        licence.kind === 'grant' &&
        licence.announceAt &&
        (!filter.licenceType || licence.licenceType === filter.licenceType) &&
        (!filter.format ||
          licence.formats.length === 0 ||
          licence.formats.includes(filter.format)) &&
        licence.content.some((scope) => scopes.includes(`${scope.collection}/${scope.id}`)) &&
        licence.windows.some(
          (candidate) =>
            candidate.territory === territory &&
            Date.parse(licence.announceAt ?? '') <= at &&
            at < Date.parse(candidate.start),
        ),
    )
  })

describe('properties: coming soon', () => {
  it(
    'never changes what is available: adding or removing announce instants',
    () => {
      fc.assert(
        fc.property(
          announcedLicencesArb,
          anyNode,
          territory,
          filterArb,
          fc.array(instantArb, { maxLength: 8 }),
          (announced, node, where, filter, randomInstants) => {
            const plain = withoutAnnouncements(announced)
            for (const at of instantsFor(announced, randomInstants)) {
              const withAnnouncements = answerAt(announced, node, where, at, filter)
              const without = answerAt(plain, node, where, at, filter)
              expect(without.announced).toBeNull()
              expect(withAnnouncements.available).toBe(without.available)
              expect(withAnnouncements.reasons).toEqual(without.reasons)
              expect(withAnnouncements.offers).toEqual(without.offers)
              expect(withAnnouncements.licences).toEqual(without.licences)
            }
          },
        ),
        runs,
      )
    },
    propertyTimeoutMs,
  )

  it(
    'announces only between a grant announce instant and its start, never while available',
    () => {
      let announcedAnswers = 0
      fc.assert(
        fc.property(
          announcedLicencesArb,
          anyNode,
          territory,
          filterArb,
          fc.array(instantArb, { maxLength: 8 }),
          (licences, node, where, filter, randomInstants) => {
            for (const at of instantsFor(licences, randomInstants)) {
              const answer = answerAt(licences, node, where, at, filter)
              if (!answer.announced) continue
              announcedAnswers += 1
              expect(answer.available).toBe(false)
              expect(someGrantAnnounces(licences, node, where, at, filter)).toBe(true)
              expect(Date.parse(answer.announced.announcedAt)).toBeLessThanOrEqual(at)
              const from = Date.parse(answer.announced.availableFrom)
              expect(from).toBeGreaterThan(at)
              // It does become available then, and not before.
              expect(answerAt(licences, node, where, from, filter).available).toBe(true)
              expect(answerAt(licences, node, where, from - 1000, filter).available).toBe(false)
            }
          },
        ),
        runs,
      )
      // The generated licences do announce things: the property is not vacuous.
      expect(announcedAnswers).toBeGreaterThan(50)
    },
    propertyTimeoutMs,
  )

  it(
    'never announces an unpublished title',
    () => {
      fc.assert(
        fc.property(
          announcedLicencesArb,
          anyNode,
          territory,
          instantArb,
          (licences, node, where, at) => {
            expect(answerAt(licences, node, where, at, {}, () => false).announced).toBeNull()
          },
        ),
        runs,
      )
    },
    propertyTimeoutMs,
  )

  it(
    'announcement runs agree with evaluate at random instants and at every boundary',
    () => {
      fc.assert(
        fc.property(
          announcedLicencesArb,
          territory,
          fc.subarray(leaves),
          fc.array(instantArb, { maxLength: 6 }),
          (licences, where, leftOut, randomInstants) => {
            const included = (title: ContentRef) => !leftOut.includes(title)
            const runsOf = announcementRunCalculator(indexOf(licences), where, {
              includeLeaf: included,
            })
            for (const node of [...containers, ...leaves]) {
              const nodeRuns = runsOf(node)
              nodeRuns.forEach((run, position) => {
                expect(run.end).toBeGreaterThan(run.start)
                if (position > 0)
                  expect(run.start).toBeGreaterThanOrEqual(nodeRuns[position - 1].end)
              })
              for (const at of instantsFor(licences, randomInstants)) {
                const answer = answerAt(licences, node, where, at, {}, included)
                const run = nodeRuns.find(
                  (candidate) => candidate.start <= at && at < candidate.end,
                )
                expect(run !== undefined).toBe(answer.announced !== null)
                if (run && answer.announced) {
                  expect(formatInstant(run.availableFrom)).toBe(answer.announced.availableFrom)
                }
              }
            }
          },
        ),
        { numRuns: 150 },
      )
    },
    propertyTimeoutMs,
  )

  it('changes validUntil at the announce instant', () => {
    const licences = [
      grant('L1', {
        content: [heat],
        announceAt: '2025-01-10T00:00:00Z',
        windows: [window('DE', '2025-02-01T00:00:00Z', null)],
      }),
    ]
    const before = answerAt(licences, heat, 'DE', Date.parse('2025-01-05T00:00:00Z'))
    expect(before.announced).toBeNull()
    expect(before.validUntil).toBe('2025-01-10T00:00:00Z')
    const during = answerAt(licences, heat, 'DE', Date.parse('2025-01-10T00:00:00Z'))
    expect(during.announced).toEqual({
      announcedAt: '2025-01-10T00:00:00Z',
      availableFrom: '2025-02-01T00:00:00Z',
    })
    expect(during.available).toBe(false)
    expect(during.validUntil).toBe('2025-02-01T00:00:00Z')
    expect(answerAt(licences, heat, 'FR', Date.parse('2025-01-10T00:00:00Z')).announced).toBeNull()
    const started = answerAt(licences, heat, 'DE', Date.parse('2025-02-01T00:00:00Z'))
    expect(started.available).toBe(true)
    expect(started.announced).toBeNull()
  })
})
