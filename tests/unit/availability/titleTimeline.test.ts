import { describe, expect, it } from 'vitest'

import {
  defaultTimelineRange,
  resolveTimelineRange,
  type TimelineLicence,
  titleTimeline,
} from '../../../src/availability'

const now = new Date('2026-12-04T12:00:00Z')
const range = { from: new Date('2026-01-01T00:00:00Z'), until: new Date('2027-01-01T00:00:00Z') }
const span = range.until.getTime() - range.from.getTime()
const fraction = (iso: string) => (Date.parse(iso) - range.from.getTime()) / span

const licence = (id: string, overrides: Partial<TimelineLicence> = {}): TimelineLicence => ({
  id,
  contractId: `C-${id}`,
  kind: 'grant',
  holdbackStrength: null,
  licenceType: 'svod',
  formats: ['hd'],
  exclusive: false,
  via: null,
  windows: [],
  conflicts: [],
  ...overrides,
})

// 2026-03-01 local midnight in Berlin (CET) to the end of 2026-08-31 (CEST).
const berlinSpring = {
  territory: 'DE',
  start: '2026-02-28T23:00:00.000Z',
  end: '2026-08-31T22:00:00.000Z',
  timeZone: 'Europe/Berlin',
}

describe('titleTimeline', () => {
  it('puts each window in its territory and licence type lane, positioned in the range', () => {
    const timeline = titleTimeline(
      [
        licence('1', { windows: [berlinSpring] }),
        licence('2', {
          licenceType: 'avod',
          windows: [
            {
              territory: 'US',
              start: '2026-06-01T04:00:00.000Z',
              end: null,
              timeZone: 'America/New_York',
            },
          ],
        }),
      ],
      range,
      now,
    )
    expect(timeline.lanes.map((lane) => [lane.territory, lane.licenceType])).toEqual([
      ['DE', 'svod'],
      ['US', 'avod'],
    ])
    const [de, us] = timeline.lanes
    expect(de?.bars).toHaveLength(1)
    expect(de?.bars[0]).toMatchObject({
      licenceId: '1',
      contractId: 'C-1',
      kind: 'grant',
      firstLocalDay: '2026-03-01',
      lastLocalDay: '2026-08-31',
      clippedStart: false,
      clippedEnd: false,
      inConflict: false,
    })
    expect(de?.bars[0]?.left).toBeCloseTo(fraction(berlinSpring.start), 9)
    expect(de?.bars[0]?.width).toBeCloseTo(
      fraction(berlinSpring.end) - fraction(berlinSpring.start),
      9,
    )
    // Open-ended: runs to the end of the range, its last day unknown.
    expect(us?.bars[0]).toMatchObject({
      firstLocalDay: '2026-06-01',
      lastLocalDay: null,
      clippedEnd: true,
      timeZone: 'America/New_York',
    })
    expect((us?.bars[0]?.left ?? 0) + (us?.bars[0]?.width ?? 0)).toBeCloseTo(1, 9)
  })

  it('clips windows to the range and leaves out those entirely outside it', () => {
    const timeline = titleTimeline(
      [
        licence('1', {
          windows: [{ ...berlinSpring, start: '2025-06-01T00:00:00.000Z' }],
        }),
        licence('2', {
          windows: [
            { ...berlinSpring, start: '2024-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
          ],
        }),
      ],
      range,
      now,
    )
    expect(timeline.lanes[0]?.bars.map((bar) => bar.licenceId)).toEqual(['1'])
    expect(timeline.lanes[0]?.bars[0]).toMatchObject({ left: 0, clippedStart: true })
  })

  it('shades holdbacks in the lane of their licence type, with their strength', () => {
    const timeline = titleTimeline(
      [
        licence('1', { windows: [berlinSpring] }),
        licence('2', {
          kind: 'holdback',
          holdbackStrength: 'hard',
          windows: [
            { ...berlinSpring, start: '2026-04-01T00:00:00Z', end: '2026-05-01T00:00:00Z' },
          ],
        }),
      ],
      range,
      now,
    )
    expect(timeline.lanes).toHaveLength(1)
    expect(
      timeline.lanes[0]?.bars.map((bar) => [bar.licenceId, bar.kind, bar.holdbackStrength]),
    ).toEqual([
      ['1', 'grant', null],
      ['2', 'holdback', 'hard'],
    ])
  })

  it('marks a conflict recorded on both licences once, and the bars involved', () => {
    const overlap = {
      territory: 'DE',
      licenceType: 'svod',
      overlapStart: '2026-05-01T00:00:00.000Z',
      overlapEnd: '2026-08-31T22:00:00.000Z',
    }
    const timeline = titleTimeline(
      [
        licence('1', {
          exclusive: true,
          windows: [berlinSpring],
          conflicts: [{ ...overlap, otherLicence: '2' }],
        }),
        licence('2', {
          exclusive: true,
          windows: [{ ...berlinSpring, start: overlap.overlapStart }],
          conflicts: [{ ...overlap, otherLicence: '1' }],
        }),
        licence('3', { licenceType: 'tvod', windows: [berlinSpring] }),
      ],
      range,
      now,
    )
    const svod = timeline.lanes.find((lane) => lane.licenceType === 'svod')
    expect(svod?.conflicts).toHaveLength(1)
    expect(svod?.conflicts[0]).toMatchObject({
      licenceIds: ['1', '2'],
      overlapStart: overlap.overlapStart,
    })
    expect(svod?.conflicts[0]?.left).toBeCloseTo(fraction(overlap.overlapStart), 9)
    expect(svod?.bars.map((bar) => bar.inConflict)).toEqual([true, true])
    const tvod = timeline.lanes.find((lane) => lane.licenceType === 'tvod')
    expect(tvod?.bars[0]?.inConflict).toBe(false)
    expect(tvod?.conflicts).toEqual([])
  })

  it('gives overlapping windows of a lane different rows, back-to-back ones the same', () => {
    const timeline = titleTimeline(
      [
        licence('1', { windows: [berlinSpring] }),
        licence('2', {
          kind: 'holdback',
          holdbackStrength: 'soft',
          windows: [
            { ...berlinSpring, start: '2026-04-01T00:00:00Z', end: '2026-05-01T00:00:00Z' },
          ],
        }),
        licence('3', { windows: [{ ...berlinSpring, start: berlinSpring.end, end: null }] }),
      ],
      range,
      now,
    )
    const [lane] = timeline.lanes
    expect(lane?.rows).toBe(2)
    expect(lane?.bars.map((bar) => [bar.licenceId, bar.row])).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 0],
    ])
  })

  it('describes each bar for hovering: contract, type, formats, local days and UTC', () => {
    const [lane] = titleTimeline(
      [
        licence('7', {
          contractId: 'ACME-2026-01',
          formats: ['hd', 'uhd'],
          exclusive: true,
          via: 'series/3',
          windows: [berlinSpring],
        }),
      ],
      range,
      now,
    ).lanes
    expect(lane?.bars[0]?.description.split('\n')).toEqual([
      'Contract ACME-2026-01 (licence 7)',
      'SVOD grant, exclusive',
      'Formats: HD, UHD',
      'DE from 2026-03-01 (Europe/Berlin), 2026-02-28T23:00Z',
      'through 2026-08-31 (Europe/Berlin), until 2026-08-31T22:00Z',
      'Licensed on series/3',
    ])
  })

  it('marks today and the start of each month', () => {
    const timeline = titleTimeline([], range, now)
    expect(timeline.today?.left).toBeCloseTo(fraction(now.toISOString()), 9)
    expect(timeline.months).toHaveLength(12)
    expect(timeline.months[0]).toEqual({
      start: '2026-01-01T00:00:00.000Z',
      label: '2026-01',
      left: 0,
    })
    expect(timeline.months[11]?.label).toBe('2026-12')
    expect(titleTimeline([], range, new Date('2028-01-01T00:00:00Z')).today).toBeNull()
  })
})

describe('defaultTimelineRange', () => {
  it('runs from six months back to 18 months ahead, from month starts', () => {
    expect(defaultTimelineRange([], now)).toEqual({
      from: new Date('2026-06-01T00:00:00Z'),
      until: new Date('2028-06-01T00:00:00Z'),
    })
  })

  it('widens to whole months around the windows', () => {
    const wide = licence('1', {
      windows: [
        { ...berlinSpring, start: '2025-02-14T23:00:00Z', end: '2029-03-02T23:00:00Z' },
        { ...berlinSpring, territory: 'US', end: null },
      ],
    })
    expect(defaultTimelineRange([wide], now)).toEqual({
      from: new Date('2025-02-01T00:00:00Z'),
      until: new Date('2029-04-01T00:00:00Z'),
    })
  })
})

describe('resolveTimelineRange', () => {
  const from = new Date('2026-03-15T00:00:00Z')
  const until = new Date('2026-09-15T00:00:00Z')
  it('takes both ends as given, spans 24 months from one end alone, else the default', () => {
    expect(resolveTimelineRange({ from, until }, [], now)).toEqual({ from, until })
    expect(resolveTimelineRange({ from }, [], now)).toEqual({
      from,
      until: new Date('2028-03-15T00:00:00Z'),
    })
    expect(resolveTimelineRange({ until }, [], now)).toEqual({
      from: new Date('2024-09-15T00:00:00Z'),
      until,
    })
    expect(resolveTimelineRange({}, [], now)).toEqual(defaultTimelineRange([], now))
  })
})
