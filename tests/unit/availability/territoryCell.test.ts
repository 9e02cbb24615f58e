import { describe, expect, it } from 'vitest'

import {
  availableIntervals,
  evaluateAvailability,
  evaluateContainer,
  type ContentRef,
  type Licence,
  type LicenceType,
  matrixCellOf,
  territoryStateOf,
  type VideoFormat,
} from '../../../src/availability'
import { dark, darkE1, grant, heat, holdback, indexOf, window } from './fixtures'

type Ask = {
  territory?: string
  at?: string
  published?: boolean
  cnApprovalNumber?: string | null
  licenceType?: LicenceType
  format?: VideoFormat
}

/** What the rights context does for a film: the engine's answer and intervals, then the cell. */
const inputFor = (licences: Licence[], ask: Ask = {}, node: ContentRef = heat) => {
  const territory = ask.territory ?? 'DE'
  const at = new Date(ask.at ?? '2025-06-15T00:00:00Z')
  const index = indexOf(licences)
  const filter = { licenceType: ask.licenceType, format: ask.format }
  const answer =
    node.collection === 'films' || node.collection === 'episodes'
      ? evaluateAvailability({
          index,
          node,
          territory,
          at,
          published: ask.published ?? true,
          cnApprovalNumber: ask.cnApprovalNumber ?? null,
          ...filter,
        })
      : evaluateContainer({
          index,
          node,
          territory,
          at,
          factsOf: () => ({ published: ask.published ?? true }),
          ...filter,
        })
  return { territory, answer, intervals: availableIntervals(index, node, territory, filter), at }
}

const cell = (licences: Licence[], ask: Ask = {}, node: ContentRef = heat) =>
  matrixCellOf(inputFor(licences, ask, node))

const year2025 = grant('g1')
const worldwide = grant('w', {
  windows: ['DE', 'US', 'CN'].map((code) => window(code, '2025-01-01T00:00:00Z')),
})

describe('matrixCellOf', () => {
  it('is available until the end of the window, or open-ended', () => {
    expect(cell([year2025])).toEqual({
      territory: 'DE',
      state: 'available',
      date: '2026-01-01T00:00:00Z',
      reasons: [],
      announcedAt: null,
    })
    expect(cell([worldwide], { territory: 'US' })).toMatchObject({
      state: 'available',
      date: null,
    })
  })

  it('gives the end of touching windows with different offers, not the first change', () => {
    const avod = grant('g2', {
      licenceType: 'avod',
      windows: [window('DE', '2025-03-01T00:00:00Z', '2027-01-01T00:00:00Z')],
    })
    // The offers change on 2026-01-01 (SVOD ends) but the title stays watchable until 2027.
    expect(cell([year2025, avod])).toMatchObject({
      state: 'available',
      date: '2027-01-01T00:00:00Z',
    })
  })

  it('is upcoming with the start date before the window, expired with its end after it', () => {
    expect(cell([year2025], { at: '2024-12-31T23:59:59Z' })).toMatchObject({
      state: 'upcoming',
      date: '2025-01-01T00:00:00Z',
      reasons: ['NO_GRANT'],
    })
    expect(cell([year2025], { at: '2026-01-01T00:00:00Z' })).toMatchObject({
      state: 'expired',
      date: '2026-01-01T00:00:00Z',
    })
  })

  it('carries the announce instant of an upcoming grant announced as coming soon', () => {
    const announced = grant('g1', {
      windows: [window('DE', '2025-09-01T00:00:00Z')],
      announceAt: '2025-06-01T00:00:00Z',
    })
    expect(cell([announced])).toMatchObject({
      state: 'upcoming',
      date: '2025-09-01T00:00:00Z',
      announcedAt: '2025-06-01T00:00:00Z',
    })
  })

  it('is none without any grant in the territory', () => {
    expect(cell([year2025], { territory: 'US' })).toMatchObject({
      state: 'none',
      date: null,
      reasons: ['NO_GRANT'],
    })
    expect(matrixCellOf({ territory: 'DE', answer: null, intervals: [], at: new Date() })).toEqual({
      territory: 'DE',
      state: 'none',
      date: null,
      reasons: [],
      announcedAt: null,
    })
  })

  it('is held back while a hard holdback is in force, with the date it comes back', () => {
    const blackout = holdback('h1', {
      windows: [window('DE', '2025-06-01T00:00:00Z', '2025-07-01T00:00:00Z')],
    })
    expect(cell([year2025, blackout])).toMatchObject({
      state: 'heldBack',
      date: '2025-07-01T00:00:00Z',
      reasons: ['HOLDBACK'],
    })
    const toTheEnd = holdback('h2', { windows: [window('DE', '2025-06-01T00:00:00Z')] })
    expect(cell([year2025, toTheEnd])).toMatchObject({ state: 'heldBack', date: null })
    // A soft holdback does not hide the title.
    const soft = holdback('h3', { holdbackStrength: 'soft', windows: blackout.windows })
    expect(cell([year2025, soft]).state).toBe('available')
  })

  it('is gated where a policy gate stops a granted title, available once it passes', () => {
    expect(cell([worldwide], { territory: 'CN' })).toMatchObject({
      state: 'gated',
      date: null,
      reasons: ['POLICY_GATE'],
    })
    expect(cell([worldwide], { territory: 'CN', cnApprovalNumber: 'NRTA-1' }).state).toBe(
      'available',
    )
    // Without a grant the missing rights come first: upcoming, with the gate among the reasons.
    const later = grant('l', { windows: [window('CN', '2025-09-01T00:00:00Z')] })
    expect(cell([later], { territory: 'CN' })).toMatchObject({
      state: 'upcoming',
      date: '2025-09-01T00:00:00Z',
      reasons: ['NO_GRANT', 'POLICY_GATE'],
    })
  })

  it('answers for the licence type and format asked', () => {
    const hdSvod = grant('g1', { formats: ['hd'] })
    const laterAvod = grant('g2', {
      licenceType: 'avod',
      windows: [window('DE', '2025-08-01T00:00:00Z')],
    })
    expect(cell([hdSvod, laterAvod], { licenceType: 'svod' }).state).toBe('available')
    expect(cell([hdSvod, laterAvod], { licenceType: 'avod' })).toMatchObject({
      state: 'upcoming',
      date: '2025-08-01T00:00:00Z',
    })
    expect(cell([hdSvod], { format: 'uhd' }).state).toBe('none')
    expect(cell([hdSvod], { format: 'hd' }).state).toBe('available')
  })

  it('answers for a series through its episodes', () => {
    const episodeGrant = grant('e', { content: [darkE1] })
    expect(cell([episodeGrant], {}, dark)).toMatchObject({ state: 'available' })
    expect(cell([episodeGrant], { at: '2024-06-01T00:00:00Z' }, dark)).toMatchObject({
      state: 'upcoming',
      date: '2025-01-01T00:00:00Z',
    })
  })
})

describe('territoryStateOf (the per-title overview)', () => {
  it('keeps its four states: a holdback ends the stretch, a gated title has none', () => {
    const blackout = holdback('h1', { windows: [window('DE', '2025-06-01T00:00:00Z')] })
    expect(territoryStateOf(inputFor([year2025, blackout]))).toMatchObject({
      state: 'expired',
      since: '2025-06-01T00:00:00Z',
      reasons: ['HOLDBACK'],
    })
    expect(territoryStateOf(inputFor([worldwide], { territory: 'CN' }))).toMatchObject({
      state: 'none',
      reasons: ['POLICY_GATE'],
    })
    expect(territoryStateOf(inputFor([year2025]))).toMatchObject({
      state: 'available',
      until: '2026-01-01T00:00:00Z',
    })
    expect(territoryStateOf(inputFor([year2025], { at: '2024-01-01T00:00:00Z' }))).toMatchObject({
      state: 'upcoming',
      since: '2025-01-01T00:00:00Z',
      until: '2026-01-01T00:00:00Z',
    })
  })
})
