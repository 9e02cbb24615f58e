import { describe, expect, it } from 'vitest'

import { createTitleTree, type Licence } from '../../../src/availability'
import { conflictsIntroduced, diffAvails, type ImportedLicence } from '../../../src/avails/diff'
import { mapRows } from '../../../src/avails/mapRows'
import { catalog, movie, options, regions, storedDrafts } from './fixtures'

const map = (rows: ReturnType<typeof movie>[], now = options.now) =>
  mapRows(rows, catalog, regions, { ...options, now })

/** What an earlier import stored for these rows. */
const stored = (rows: ReturnType<typeof movie>[], now = options.now): ImportedLicence[] =>
  storedDrafts(map(rows, now).drafts)

describe('diffAvails', () => {
  const hd = movie({ AvailID: 'hd' })
  const sd = movie({ AvailID: 'sd', FormatProfile: 'SD' })
  const later = movie({ AvailID: 'later', Start: '2027-01-01' })

  it('the same file again is unchanged', () => {
    const diff = diffAvails(map([hd, sd]), stored([hd, sd]))
    expect(diff).toMatchObject({ create: [], update: [], remove: [], unchanged: [{ id: '1' }] })
  })

  it('a changed term keyed by AvailID is an update of that licence', () => {
    const diff = diffAvails(map([movie({ AvailID: 'hd', End: '2026-12-31' })]), stored([hd]))
    expect(diff.update).toMatchObject([{ id: '1', changes: ['end', 'availsKey'] }])
  })

  it('Full Extract removes windows of its scope it no longer lists, and keeps other scopes', () => {
    const other = movie({ AvailID: 'de', Territory: 'DE' })
    const diff = diffAvails(map([hd]), stored([hd, later, other]))
    expect(diff.remove).toEqual([{ id: '2', reason: 'Full Extract no longer lists it' }])
  })

  it('a row that failed protects its scope from Full Extract removal', () => {
    const broken = movie({ AvailID: 'later', Start: '2027-01-01', FormatProfile: '8K' })
    expect(diffAvails(map([hd, broken]), stored([hd, later])).remove).toEqual([])
  })

  it('Create and Update rows never remove anything', () => {
    const created = movie({ AvailID: 'hd', EntryType: 'Create' })
    expect(diffAvails(map([created]), stored([hd, later])).remove).toEqual([])
  })

  it('Delete by AvailID drops that format, and the licence with its last format', () => {
    const existing = stored([hd, sd])
    const one = diffAvails(map([movie({ EntryType: 'Delete', AvailID: 'sd' })]), existing)
    expect(one.update).toMatchObject([
      { id: '1', changes: ['formats'], write: { formats: ['hd'] } },
    ])
    const both = diffAvails(
      map([
        movie({ EntryType: 'Delete', AvailID: 'sd' }),
        movie({ EntryType: 'Delete', AvailID: 'hd' }),
      ]),
      existing,
    )
    expect(both.remove).toEqual([{ id: '1', reason: 'Delete' }])
  })

  it('Full Delete removes every window of licensor x title x territory x licence type', () => {
    const diff = diffAvails(map([movie({ EntryType: 'Full Delete' })]), stored([hd, later]))
    expect(diff.remove.map((entry) => entry.id)).toEqual(['1', '2'])
  })

  it('Immediate keeps the instant of the import that first said it', () => {
    const immediate = movie({ AvailID: 'now', Start: 'Immediate' })
    const first = stored([immediate], new Date('2026-01-01T00:00:00Z'))
    const again = diffAvails(map([immediate], new Date('2026-02-01T00:00:00Z')), first)
    expect(again.unchanged).toHaveLength(1)
  })
})

describe('conflictsIntroduced', () => {
  const tree = createTitleTree([])
  const grant = (id: string, start: string): Licence => ({
    id,
    content: [{ collection: 'films', id: '1' }],
    licenceType: 'svod',
    formats: [],
    kind: 'grant',
    exclusive: true,
    windows: [{ territory: 'US', start, end: null }],
  })

  it('reports overlaps of exclusive grants that exist only after the change', () => {
    const before = [grant('1', '2026-01-01T00:00:00Z'), grant('2', '2026-06-01T00:00:00Z')]
    const after = [...before, grant('new:1', '2027-01-01T00:00:00Z')]
    const conflicts = conflictsIntroduced(before, after, tree)
    expect(conflicts.map((conflict) => conflict.licenceIds)).toEqual([
      ['1', 'new:1'],
      ['2', 'new:1'],
    ])
  })
})
