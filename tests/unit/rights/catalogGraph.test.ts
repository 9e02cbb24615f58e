import { describe, expect, it } from 'vitest'

import { catalogGraphFrom } from '../../../src/rights/catalogGraph'

const graph = () =>
  catalogGraphFrom({
    films: [{ id: 1, _status: 'published' }],
    series: [
      { id: 10, _status: 'published' },
      { id: 20, _status: 'draft' },
    ],
    seasons: [
      { id: 100, _status: 'draft', series: 10 },
      { id: 101, _status: 'published', series: 10 },
      { id: 200, _status: 'published', series: { id: 20 } },
      { id: 300, _status: 'published', series: 999 },
    ],
    episodes: [
      { id: 1000, _status: 'published', season: 100 },
      { id: 1010, _status: 'published', season: 101, cnApprovalNumber: 'A-1' },
      { id: 2000, _status: 'published', season: 200 },
      { id: 3000, _status: 'published', season: 300 },
    ],
  })

const published = (collection: 'films' | 'series' | 'seasons' | 'episodes', id: number) =>
  graph().facts.get(`${collection}/${id}`)?.published

describe('catalogGraphFrom: a title counts as published only with every ancestor', () => {
  it('a published episode of a draft season is not published', () => {
    expect(published('episodes', 1000)).toBe(false)
    expect(published('episodes', 1010)).toBe(true)
  })

  it('everything under a draft series is not published', () => {
    expect(published('seasons', 200)).toBe(false)
    expect(published('episodes', 2000)).toBe(false)
  })

  it('a parent that is not there counts as unpublished', () => {
    expect(published('seasons', 300)).toBe(false)
    expect(published('episodes', 3000)).toBe(false)
  })

  it('keeps each title own facts and the parent links', () => {
    const { tree, facts, nodes } = graph()
    expect(facts.get('episodes/1010')?.cnApprovalNumber).toBe('A-1')
    expect(published('films', 1)).toBe(true)
    expect(tree.parentOf({ collection: 'episodes', id: '1010' })).toEqual({
      collection: 'seasons',
      id: '101',
    })
    expect(nodes).toHaveLength(11)
  })
})
