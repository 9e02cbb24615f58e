import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'

import {
  availableIntervals,
  intervalCalculator,
  evaluateAvailability,
  evaluateContainer,
  findExclusiveConflicts,
  formatInstant,
  nodeKey,
  resolveWindow,
  type AvailabilityAnswer,
  type AvailabilityInterval,
  type ContentRef,
  type Licence,
  type RightsFilter,
} from '../../../src/availability'
import {
  boundariesOf,
  containers,
  filterArb,
  instantArb,
  leaves,
  licenceArb,
  licencesArb,
  origin,
  scopeNodes,
  territories,
} from './arbitraries'
import { catalogTree, indexOf, window } from './fixtures'

const runs = { numRuns: 300 }

const answerAt = (
  licences: Licence[],
  node: ContentRef,
  territory: string,
  at: number,
  filter: RightsFilter = {},
): AvailabilityAnswer => {
  const index = indexOf(licences)
  const query = { index, node, territory, at, ...filter }
  return containers.includes(node)
    ? evaluateContainer({ ...query, factsOf: () => ({ published: true }) })
    : evaluateAvailability({ ...query, published: true })
}

const anyNode = fc.constantFrom(...leaves, ...containers)
const territory = fc.constantFrom(...territories)

describe('properties: time', () => {
  const zones = [
    'Europe/Berlin',
    'America/New_York',
    'Asia/Shanghai',
    'America/Havana',
    'America/Santiago',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Asia/Kolkata',
  ]
  const dateArb = fc
    .integer({ min: 0, max: 365 * 30 })
    .map((days) => DateTime.fromObject({ year: 2000 }, { zone: 'UTC' }).plus({ days }))

  it('starts a date-only window at the first instant of that local day', () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(...zones), (date, zone) => {
        const { start } = resolveWindow({ start: date.toISODate() ?? '' }, zone)
        const local = DateTime.fromISO(start, { zone })
        expect(local.toISODate()).toBe(date.toISODate())
        expect(local.minus({ seconds: 1 }).toISODate()).not.toBe(date.toISODate())
      }),
      runs,
    )
  })

  it('leaves no gap between back-to-back date-only windows', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(...zones),
        (date, length, zone) => {
          const firstEnd = date.plus({ days: length })
          const first = resolveWindow(
            { start: date.toISODate() ?? '', end: firstEnd.toISODate() },
            zone,
          )
          const second = resolveWindow(
            { start: firstEnd.plus({ days: 1 }).toISODate() ?? '' },
            zone,
          )
          expect(first.end).toBe(second.start)
        },
      ),
      runs,
    )
  })

  it('keeps a title available across back-to-back grants', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (firstHours, secondHours, position) => {
          const hour = 3_600_000
          const [start, middle, end] = [
            origin,
            origin + firstHours * hour,
            origin + (firstHours + secondHours) * hour,
          ]
          const licences: Licence[] = [
            {
              id: 'a',
              content: [leaves[3]],
              licenceType: 'svod',
              formats: [],
              kind: 'grant',
              exclusive: true,
              windows: [window('DE', formatInstant(start), formatInstant(middle))],
            },
            {
              id: 'b',
              content: [leaves[3]],
              licenceType: 'svod',
              formats: [],
              kind: 'grant',
              exclusive: true,
              windows: [window('DE', formatInstant(middle), formatInstant(end))],
            },
          ]
          const at = start + Math.floor(((end - start) / 1000) * position) * 1000
          const instants = [middle - 1000, middle, Math.min(at, end - 1000)]
          for (const instant of instants) {
            expect(answerAt(licences, leaves[3], 'DE', instant).available).toBe(true)
          }
          expect(findExclusiveConflicts(licences, catalogTree)).toEqual([])
        },
      ),
      runs,
    )
  })
})

describe('properties: evaluate', () => {
  it('gives the same answer everywhere between two consecutive boundaries', () => {
    fc.assert(
      fc.property(
        licencesArb,
        anyNode,
        territory,
        filterArb,
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (licences, node, where, filter, pick, fraction) => {
          const boundaries = boundariesOf(licences)
          const edges = [
            origin - 7_200_000,
            ...boundaries,
            (boundaries.at(-1) ?? origin) + 7_200_000,
          ]
          const segment = pick % (edges.length - 1)
          const [low, high] = [edges[segment], edges[segment + 1]]
          const inside = low + Math.floor(((high - low) / 1000) * fraction) * 1000
          expect(answerAt(licences, node, where, inside, filter)).toEqual(
            answerAt(licences, node, where, low, filter),
          )
        },
      ),
      runs,
    )
  })

  it('keeps the answer unchanged until validUntil', () => {
    fc.assert(
      fc.property(
        licencesArb,
        anyNode,
        territory,
        filterArb,
        instantArb,
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (licences, node, where, filter, at, fraction) => {
          const answer = answerAt(licences, node, where, at, filter)
          const until = answer.validUntil ? Date.parse(answer.validUntil) : at + 1e11
          expect(until).toBeGreaterThan(at)
          const later = at + Math.floor(((until - at) / 1000) * fraction) * 1000
          expect(answerAt(licences, node, where, later, filter)).toEqual(answer)
        },
      ),
      runs,
    )
  })

  it('never makes anything more available by adding a hard holdback', () => {
    fc.assert(
      fc.property(
        licencesArb,
        licenceArb('extra', 'holdback', 'hard'),
        anyNode,
        territory,
        filterArb,
        instantArb,
        (licences, extra, node, where, filter, at) => {
          const before = answerAt(licences, node, where, at, filter)
          const after = answerAt([...licences, extra], node, where, at, filter)
          if (after.available) expect(before.available).toBe(true)
          for (const type of after.licenceTypes) expect(before.licenceTypes).toContain(type)
          for (const format of after.formats) expect(before.formats).toContain(format)
        },
      ),
      runs,
    )
  })

  it('never makes anything less available by adding a grant', () => {
    fc.assert(
      fc.property(
        licencesArb,
        licenceArb('extra', 'grant'),
        anyNode,
        territory,
        filterArb,
        instantArb,
        (licences, extra, node, where, filter, at) => {
          const before = answerAt(licences, node, where, at, filter)
          const after = answerAt([...licences, extra], node, where, at, filter)
          if (before.available) expect(after.available).toBe(true)
          for (const type of before.licenceTypes) expect(after.licenceTypes).toContain(type)
          for (const format of before.formats) expect(after.formats).toContain(format)
        },
      ),
      runs,
    )
  })

  it('never changes availability through a soft holdback', () => {
    fc.assert(
      fc.property(
        licencesArb,
        licenceArb('extra', 'holdback', 'soft'),
        anyNode,
        territory,
        instantArb,
        (licences, extra, node, where, at) => {
          const {
            warnings: _before,
            validUntil: _u1,
            ...before
          } = answerAt(licences, node, where, at)
          const {
            warnings: _after,
            validUntil: _u2,
            ...after
          } = answerAt([...licences, extra], node, where, at)
          expect(after).toEqual(before)
        },
      ),
      runs,
    )
  })
})

const intervalAt = (intervals: AvailabilityInterval[], at: number) => {
  const matching = intervals.filter(
    ({ start, end }) => Date.parse(start) <= at && (end === null || at < Date.parse(end)),
  )
  expect(matching.length).toBeLessThanOrEqual(1)
  return matching[0]
}

describe('properties: availableIntervals', () => {
  it('agrees with evaluate at random instants and at every boundary', () => {
    fc.assert(
      fc.property(
        licencesArb,
        anyNode,
        territory,
        filterArb,
        fc.array(instantArb, { maxLength: 10 }),
        (licences, node, where, filter, randomInstants) => {
          const intervals = availableIntervals(indexOf(licences), node, where, filter)
          const instants = [
            ...randomInstants,
            ...boundariesOf(licences).flatMap((boundary) => [boundary - 1000, boundary]),
          ]
          for (const at of instants) {
            const answer = answerAt(licences, node, where, at, filter)
            const interval = intervalAt(intervals, at)
            expect(interval !== undefined).toBe(answer.available)
            expect(interval?.offers ?? []).toEqual(answer.offers)
            expect(interval?.licenceTypes ?? []).toEqual(answer.licenceTypes)
            expect(interval?.formats ?? []).toEqual(answer.formats)
          }
        },
      ),
      runs,
    )
  })

  it('one calculator shared by every title, leaving some episodes out, agrees with evaluate', () => {
    fc.assert(
      fc.property(
        licencesArb,
        territory,
        fc.subarray(leaves),
        fc.array(instantArb, { maxLength: 6 }),
        (licences, where, leftOut, randomInstants) => {
          const index = indexOf(licences)
          const included = (leaf: ContentRef) => !leftOut.includes(leaf)
          const intervalsOf = intervalCalculator(index, where, { includeLeaf: included })
          const instants = [
            ...randomInstants,
            ...boundariesOf(licences).flatMap((boundary) => [boundary - 1000, boundary]),
          ]
          for (const node of [...containers, ...leaves]) {
            const intervals = intervalsOf(node)
            for (const at of instants) {
              const query = { index, node, territory: where, at }
              const answer = containers.includes(node)
                ? evaluateContainer({
                    ...query,
                    factsOf: (leaf) => ({ published: included(leaf) }),
                  })
                : evaluateAvailability({ ...query, published: true })
              const interval = intervalAt(intervals, at)
              const expected =
                containers.includes(node) || included(node) ? answer.available : false
              expect(interval !== undefined).toBe(expected)
              if (expected) expect(interval?.offers).toEqual(answer.offers)
            }
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it('returns sorted, non-overlapping and fully merged intervals', () => {
    fc.assert(
      fc.property(licencesArb, anyNode, territory, (licences, node, where) => {
        const intervals = availableIntervals(indexOf(licences), node, where)
        intervals.slice(1).forEach((interval, position) => {
          const previous = intervals[position]
          expect(previous.end).not.toBeNull()
          const gap = Date.parse(interval.start) - Date.parse(previous.end ?? '')
          expect(gap).toBeGreaterThanOrEqual(0)
          if (gap === 0) expect(interval.offers).not.toEqual(previous.offers)
        })
      }),
      runs,
    )
  })
})

describe('properties: conflicts', () => {
  const ancestors: Record<string, string[]> = {
    'series/dark': [],
    'seasons/dark-s1': ['series/dark'],
    'seasons/dark-s2': ['series/dark'],
    'episodes/dark-s1e1': ['seasons/dark-s1', 'series/dark'],
    'episodes/dark-s1e2': ['seasons/dark-s1', 'series/dark'],
    'episodes/dark-s2e1': ['seasons/dark-s2', 'series/dark'],
    'films/heat': [],
  }
  const scopesMeet = (a: ContentRef, b: ContentRef): boolean =>
    nodeKey(a) === nodeKey(b) ||
    ancestors[nodeKey(a)].includes(nodeKey(b)) ||
    ancestors[nodeKey(b)].includes(nodeKey(a))
  const endMs = (value: string | null) => (value ? Date.parse(value) : Infinity)

  it('flags two exclusive grants exactly when scope, territory, type and time meet', () => {
    fc.assert(
      fc.property(
        licenceArb('a', 'grant'),
        licenceArb('b', 'grant'),
        fc.constantFrom(...scopeNodes),
        fc.constantFrom(...scopeNodes),
        (first, second, firstNode, secondNode) => {
          const a = { ...first, exclusive: true, content: [firstNode], windows: [first.windows[0]] }
          const b = {
            ...second,
            exclusive: true,
            content: [secondNode],
            windows: [second.windows[0]],
          }
          const [wa, wb] = [a.windows[0], b.windows[0]]
          const timesMeet =
            Math.max(Date.parse(wa.start), Date.parse(wb.start)) <
            Math.min(endMs(wa.end), endMs(wb.end))
          const expected =
            timesMeet &&
            scopesMeet(firstNode, secondNode) &&
            wa.territory === wb.territory &&
            a.licenceType === b.licenceType
          expect(findExclusiveConflicts([a, b], catalogTree)).toHaveLength(expected ? 1 : 0)
        },
      ),
      runs,
    )
  })
})
