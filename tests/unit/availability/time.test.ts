import { describe, expect, it } from 'vitest'

import {
  AvailabilityInputError,
  contains,
  parseBoundary,
  resolveLocalDateTime,
  resolveWindow,
} from '../../../src/availability'

const hoursBetween = (start: string, end: string | null): number =>
  (Date.parse(end ?? '') - Date.parse(start)) / 3_600_000

describe('parseBoundary', () => {
  it('reads a date-only value as a local day', () => {
    expect(parseBoundary('2025-06-01')).toMatchObject({
      kind: 'date',
      date: { year: 2025, month: 6, day: 1 },
    })
  })

  it('reads Z and explicit offsets as absolute instants', () => {
    expect(parseBoundary('2025-06-01T12:00:00Z')).toMatchObject({
      kind: 'instant',
      instantMs: Date.UTC(2025, 5, 1, 12),
    })
    expect(parseBoundary('2025-06-01T14:00:00+02:00')).toMatchObject({
      instantMs: Date.UTC(2025, 5, 1, 12),
    })
    expect(parseBoundary('2025-06-01T07:00-0500')).toMatchObject({
      instantMs: Date.UTC(2025, 5, 1, 12),
    })
    expect(parseBoundary('2025-06-01T12:00:00.000Z')).toMatchObject({
      instantMs: Date.UTC(2025, 5, 1, 12),
    })
  })

  it('rejects a date-time without offset, naming the field and the fix', () => {
    const attempt = () => parseBoundary('2025-06-01T12:00:00', 'start')
    expect(attempt).toThrow(AvailabilityInputError)
    expect(attempt).toThrow(/start: .*has no UTC offset; add Z or ±HH:MM/)
    try {
      attempt()
    } catch (error) {
      expect(error).toMatchObject({ field: 'start', reason: expect.stringContaining('offset') })
    }
  })

  it.each(['2025-02-30', '2025-13-01', '2024-02-30T00:00:00Z', '2025-06-01T24:00:00Z'])(
    'rejects the impossible date %s',
    (raw) => {
      expect(() => parseBoundary(raw)).toThrow(AvailabilityInputError)
    },
  )

  it('accepts 29 February only in leap years', () => {
    expect(parseBoundary('2024-02-29').kind).toBe('date')
    expect(() => parseBoundary('2025-02-29')).toThrow(/not a calendar date/)
  })

  it.each(['01.06.2025', '2025-6-1', 'tomorrow', '', '2025-06-01T12:00:00+25:00'])(
    'rejects the malformed value %j',
    (raw) => {
      expect(() => parseBoundary(raw)).toThrow(AvailabilityInputError)
    },
  )

  it('refuses sub-second boundaries', () => {
    expect(() => parseBoundary('2025-06-01T12:00:00.500Z')).toThrow(/exact to the second/)
  })
})

describe('resolveWindow', () => {
  it('resolves a date-only window in Berlin summer time to local midnights', () => {
    expect(resolveWindow({ start: '2025-06-01', end: '2025-06-30' }, 'Europe/Berlin')).toEqual({
      start: '2025-05-31T22:00:00Z',
      end: '2025-06-30T22:00:00Z',
      basis: {
        timeZone: 'Europe/Berlin',
        start: { raw: '2025-06-01', rule: 'local-day-start' },
        end: { raw: '2025-06-30', rule: 'local-day-end' },
      },
    })
  })

  it('resolves the same dates differently in New York and Shanghai', () => {
    const dates = { start: '2025-06-01', end: '2025-06-30' }
    expect(resolveWindow(dates, 'America/New_York')).toMatchObject({
      start: '2025-06-01T04:00:00Z',
      end: '2025-07-01T04:00:00Z',
    })
    expect(resolveWindow(dates, 'Asia/Shanghai')).toMatchObject({
      start: '2025-05-31T16:00:00Z',
      end: '2025-06-30T16:00:00Z',
    })
  })

  it('uses winter offsets in winter', () => {
    expect(resolveWindow({ start: '2025-01-15' }, 'Europe/Berlin').start).toBe(
      '2025-01-14T23:00:00Z',
    )
    expect(resolveWindow({ start: '2025-01-15' }, 'America/New_York').start).toBe(
      '2025-01-15T05:00:00Z',
    )
  })

  it('makes the Berlin spring-forward day 23 hours and the fall-back day 25 hours long', () => {
    const spring = resolveWindow({ start: '2025-03-30', end: '2025-03-30' }, 'Europe/Berlin')
    expect(spring).toMatchObject({ start: '2025-03-29T23:00:00Z', end: '2025-03-30T22:00:00Z' })
    expect(hoursBetween(spring.start, spring.end)).toBe(23)

    const autumn = resolveWindow({ start: '2025-10-26', end: '2025-10-26' }, 'Europe/Berlin')
    expect(autumn).toMatchObject({ start: '2025-10-25T22:00:00Z', end: '2025-10-26T23:00:00Z' })
    expect(hoursBetween(autumn.start, autumn.end)).toBe(25)
  })

  it('handles the New York DST days the same way', () => {
    const spring = resolveWindow({ start: '2025-03-09', end: '2025-03-09' }, 'America/New_York')
    expect(spring).toMatchObject({ start: '2025-03-09T05:00:00Z', end: '2025-03-10T04:00:00Z' })
    expect(hoursBetween(spring.start, spring.end)).toBe(23)

    const autumn = resolveWindow({ start: '2025-11-02', end: '2025-11-02' }, 'America/New_York')
    expect(autumn).toMatchObject({ start: '2025-11-02T04:00:00Z', end: '2025-11-03T05:00:00Z' })
    expect(hoursBetween(autumn.start, autumn.end)).toBe(25)
  })

  it('starts a day whose midnight does not exist at its first existing instant', () => {
    // Havana springs forward at 00:00 -> 01:00: the day begins at 01:00 local (UTC-4).
    const havana = resolveWindow({ start: '2025-03-09', end: '2025-03-09' }, 'America/Havana')
    expect(havana).toMatchObject({ start: '2025-03-09T05:00:00Z', end: '2025-03-10T04:00:00Z' })
    // Santiago springs forward at 00:00 -> 01:00 in September.
    const santiago = resolveWindow({ start: '2024-09-08' }, 'America/Santiago')
    expect(santiago.start).toBe('2024-09-08T04:00:00Z')
  })

  it('keeps absolute values as given and ignores the zone for them', () => {
    const input = { start: '2025-06-01T08:00:00+02:00', end: '2025-06-02T00:00:00Z' }
    expect(resolveWindow(input, 'Asia/Shanghai')).toMatchObject({
      start: '2025-06-01T06:00:00Z',
      end: '2025-06-02T00:00:00Z',
      basis: { start: { rule: 'absolute' }, end: { rule: 'absolute' } },
    })
  })

  it('mixes a date-only start with an absolute end', () => {
    expect(
      resolveWindow({ start: '2025-06-01', end: '2025-06-01T12:00:00Z' }, 'Europe/Berlin'),
    ).toMatchObject({ start: '2025-05-31T22:00:00Z', end: '2025-06-01T12:00:00Z' })
  })

  it.each([null, undefined, '', '  '])('treats an end of %j as open-ended', (end) => {
    expect(resolveWindow({ start: '2025-06-01', end }, 'Europe/Berlin')).toMatchObject({
      end: null,
      basis: { end: { raw: null, rule: 'open' } },
    })
  })

  it('requires the end to be after the start', () => {
    expect(() =>
      resolveWindow({ start: '2025-06-02', end: '2025-06-01' }, 'Europe/Berlin'),
    ).toThrow('end must be after start')
    expect(() =>
      resolveWindow(
        { start: '2025-06-01T00:00:00Z', end: '2025-06-01T00:00:00Z' },
        'Europe/Berlin',
      ),
    ).toThrow('end must be after start')
  })

  it('accepts a one-day window (start and end on the same date)', () => {
    expect(resolveWindow({ start: '2025-06-01', end: '2025-06-01' }, 'UTC')).toMatchObject({
      start: '2025-06-01T00:00:00Z',
      end: '2025-06-02T00:00:00Z',
    })
  })

  it('requires a start', () => {
    expect(() => resolveWindow({ start: '' }, 'Europe/Berlin')).toThrow('start is required')
  })

  it('rejects a local date-time without offset in either position', () => {
    expect(() => resolveWindow({ start: '2025-06-01T00:00' }, 'Europe/Berlin')).toThrow(
      /start: .*no UTC offset/,
    )
    expect(() =>
      resolveWindow({ start: '2025-06-01', end: '2025-06-30T23:59:59' }, 'Europe/Berlin'),
    ).toThrow(/end: .*no UTC offset/)
  })

  it.each(['Mars/Olympus', '+02:00', 'UTC+2', 'Etc/GMT-2', ''])(
    'rejects the time zone %j',
    (zone) => {
      expect(() => resolveWindow({ start: '2025-06-01' }, zone)).toThrow(/unknown IANA time zone/)
    },
  )

  it('records the canonical zone name', () => {
    expect(resolveWindow({ start: '2025-06-01' }, 'europe/berlin').basis.timeZone).toBe(
      'Europe/Berlin',
    )
  })
})

describe('resolveLocalDateTime', () => {
  it('resolves an ordinary local time', () => {
    expect(resolveLocalDateTime('2025-06-01T20:15', 'Europe/Berlin')).toEqual({
      instant: '2025-06-01T18:15:00Z',
      ambiguous: false,
      candidates: ['2025-06-01T18:15:00Z'],
    })
  })

  it('rejects times inside the spring-forward gap', () => {
    expect(() => resolveLocalDateTime('2025-03-30T02:30', 'Europe/Berlin')).toThrow(
      /does not exist in Europe\/Berlin/,
    )
    expect(() => resolveLocalDateTime('2025-03-09T02:00:00', 'America/New_York')).toThrow(
      /does not exist/,
    )
    expect(() => resolveLocalDateTime('2025-03-09T00:00', 'America/Havana')).toThrow(
      /does not exist/,
    )
  })

  it('accepts the first instant after the gap', () => {
    expect(resolveLocalDateTime('2025-03-30T03:00', 'Europe/Berlin').instant).toBe(
      '2025-03-30T01:00:00Z',
    )
  })

  it('flags fall-back times that happen twice and resolves them as told', () => {
    expect(resolveLocalDateTime('2025-10-26T02:30', 'Europe/Berlin')).toEqual({
      instant: '2025-10-26T00:30:00Z',
      ambiguous: true,
      candidates: ['2025-10-26T00:30:00Z', '2025-10-26T01:30:00Z'],
    })
    expect(
      resolveLocalDateTime('2025-11-02T01:30', 'America/New_York', { onAmbiguous: 'later' })
        .instant,
    ).toBe('2025-11-02T06:30:00Z')
    expect(() =>
      resolveLocalDateTime('2025-11-02T01:30', 'America/New_York', { onAmbiguous: 'reject' }),
    ).toThrow(/happens twice/)
  })

  it('refuses values that carry an offset or are not date-times', () => {
    expect(() => resolveLocalDateTime('2025-06-01T20:15Z', 'Europe/Berlin')).toThrow(/offset/)
    expect(() => resolveLocalDateTime('2025-06-01', 'Europe/Berlin')).toThrow(/ISO 8601/)
  })
})

describe('contains', () => {
  const window = { start: '2025-06-01T00:00:00Z', end: '2025-07-01T00:00:00Z' }

  it('is half-open: in at start, out one second before, out at end', () => {
    expect(contains(window, '2025-06-01T00:00:00Z')).toBe(true)
    expect(contains(window, '2025-05-31T23:59:59Z')).toBe(false)
    expect(contains(window, '2025-06-30T23:59:59Z')).toBe(true)
    expect(contains(window, '2025-07-01T00:00:00Z')).toBe(false)
  })

  it('treats a missing end as open-ended and accepts Date and epoch values', () => {
    const open = { start: window.start, end: null }
    expect(contains(open, new Date('2999-01-01T00:00:00Z'))).toBe(true)
    expect(contains(open, Date.UTC(2025, 4, 31))).toBe(false)
  })

  it('refuses an instant without offset', () => {
    expect(() => contains(window, '2025-06-15T12:00:00')).toThrow(/no UTC offset/)
  })
})
