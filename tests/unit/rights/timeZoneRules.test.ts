import { describe, expect, it } from 'vitest'

import { reresolveWindows } from '../../../src/rights/timeZoneRules'

describe('reresolveWindows', () => {
  it('moves date-only bounds back to local midnight in the zone the licence was signed with', () => {
    const { windows, shifts } = reresolveWindows({
      start: '2030-03-01',
      end: '2030-10-31',
      resolvedWindows: [
        {
          territory: 'DE',
          start: '2030-03-01T00:00:00Z',
          end: '2030-10-31T23:00:00Z',
          timeZone: 'Europe/Berlin',
          startRule: 'local-day-start',
          endRule: 'local-day-end',
        },
      ],
    })
    expect(windows[0]).toMatchObject({ start: '2030-02-28T23:00:00Z', end: '2030-10-31T23:00:00Z' })
    expect(shifts).toEqual([
      { territory: 'DE', timeZone: 'Europe/Berlin', startSeconds: -3600, endSeconds: 0 },
    ])
  })

  it('never moves absolute bounds, even when the stored instant looks wrong', () => {
    const stored = {
      territory: 'US',
      start: '2031-03-01T01:00:00Z',
      end: null,
      timeZone: 'America/New_York',
      startRule: 'absolute',
      endRule: 'open',
    }
    const { windows, shifts } = reresolveWindows({
      start: '2031-03-01T00:00:00Z',
      end: null,
      resolvedWindows: [stored],
    })
    expect(windows).toEqual([stored])
    expect(shifts).toEqual([])
  })
})
