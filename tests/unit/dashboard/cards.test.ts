import { describe, expect, it } from 'vitest'

import type { Report, ReportRow } from '../../../src/availability'
import { reportInstant } from '../../../src/availability'
import {
  cardFromReport,
  newestItems,
  plainInstant,
  soonestItems,
} from '../../../src/dashboard/cards'

const row = (id: number, territory: string, end: string): ReportRow => ({
  key: `films/${id}|${territory}`,
  cells: {
    titles: {
      type: 'titles',
      value: [{ key: `films/${id}`, collection: 'films', id: String(id), name: `Film ${id}` }],
    },
    territory: { type: 'text', value: territory },
    end: { type: 'instant', value: reportInstant(end, territory, 'Europe/Berlin', 'end') },
  },
})

const report: Report = {
  kind: 'endingSoon',
  columns: [],
  rows: [1, 2, 3, 4, 5, 6, 7].map((id) => row(id, 'DE', `2026-12-${10 + id}T23:00:00Z`)),
  sortedBy: 'end',
}

describe('dashboard cards', () => {
  it('counts every row of a report and lists the first five, linked to the titles', () => {
    const card = cardFromReport('endingSoon', report, '/admin/rights#endingSoon', 'end')
    expect(card.count).toBe(7)
    expect(card.href).toBe('/admin/rights#endingSoon')
    expect(card.items.map((item) => item.label)).toEqual([
      'Film 1',
      'Film 2',
      'Film 3',
      'Film 4',
      'Film 5',
    ])
    expect(card.items[0]).toMatchObject({
      href: '/admin/collections/films/1',
      territory: 'DE',
      instant: { utc: '2026-12-11T23:00:00.000Z', localDate: '2026-12-11' },
    })
  })

  it('merges lists from several collections by their instants', () => {
    const item = (key: string, utc: string) => ({
      key,
      label: key,
      href: `/${key}`,
      instant: plainInstant(utc),
    })
    const films = [item('films/1', '2026-12-03T10:00:00Z'), item('films/2', '2026-11-01T10:00:00Z')]
    const episodes = [item('episodes/7', '2026-12-04T09:00:00Z')]
    expect(newestItems([films, episodes], 2).map((entry) => entry.key)).toEqual([
      'episodes/7',
      'films/1',
    ])
    expect(soonestItems([films, episodes]).map((entry) => entry.key)).toEqual([
      'films/2',
      'films/1',
      'episodes/7',
    ])
  })
})
