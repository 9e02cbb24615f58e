import { describe, expect, it } from 'vitest'

import {
  evaluateContainer,
  nodeKey,
  type ContentRef,
  type Licence,
  type NodeFacts,
} from '../../../src/availability'
import {
  dark,
  darkE1,
  darkE2,
  darkE3,
  darkS1,
  darkS2,
  grant,
  heat,
  holdback,
  indexOf,
  window,
} from './fixtures'

const mid = '2025-06-15T00:00:00Z'
const everyonePublished = (): NodeFacts => ({ published: true })

const askContainer = (
  licences: Licence[],
  node: ContentRef = dark,
  factsOf: (node: ContentRef) => NodeFacts | undefined = everyonePublished,
  territory = 'DE',
) => evaluateContainer({ index: indexOf(licences), node, territory, at: mid, factsOf })

const factsTable =
  (table: Record<string, NodeFacts>, fallback: NodeFacts = { published: true }) =>
  (node: ContentRef): NodeFacts =>
    table[nodeKey(node)] ?? fallback

describe('evaluateContainer', () => {
  it('is available when one episode is, and lists only the available children', () => {
    const answer = askContainer([grant('g1', { content: [darkE3] })])
    expect(answer).toMatchObject({
      available: true,
      reasons: [],
      availableChildren: [darkS2],
      licences: ['g1'],
    })
    expect(askContainer([grant('g1', { content: [darkE1] })], darkS1).availableChildren).toEqual([
      darkE1,
    ])
  })

  it('is not available through a grant on the container when no episode exists', () => {
    const licences = [grant('g1', { content: [darkS2] })]
    expect(askContainer(licences, darkS2, everyonePublished).available).toBe(true)
    const emptySeason: ContentRef = { collection: 'seasons', id: 'dark-s3' }
    expect(askContainer(licences, emptySeason)).toMatchObject({
      available: false,
      reasons: ['NO_GRANT'],
    })
  })

  it('reports no grant when no episode has rights', () => {
    expect(askContainer([grant('g1')])).toMatchObject({
      available: false,
      reasons: ['NO_GRANT'],
      availableChildren: [],
    })
  })

  it('is hidden when unpublished, even with available episodes', () => {
    const facts = factsTable({ 'series/dark': { published: false } })
    expect(askContainer([grant('g1', { content: [dark] })], dark, facts)).toMatchObject({
      available: false,
      reasons: ['UNPUBLISHED'],
      licences: [],
    })
  })

  it('skips unpublished episodes and unknown titles', () => {
    const licences = [grant('g1', { content: [darkS1] })]
    const facts = factsTable({ 'episodes/dark-s1e1': { published: false } })
    expect(askContainer(licences, darkS1, facts).availableChildren).toEqual([darkE2])
    const known = (node: ContentRef) =>
      node.collection === 'episodes' ? undefined : { published: true }
    expect(askContainer(licences, darkS1, known).reasons).toEqual(['UNPUBLISHED'])
  })

  it('summarises why no child is available', () => {
    const licences = [grant('g1', { content: [dark] }), holdback('h1', { content: [darkS1] })]
    const facts = factsTable({ 'episodes/dark-s2e1': { published: false } })
    expect(askContainer(licences, dark, facts).reasons).toEqual(['UNPUBLISHED', 'HOLDBACK'])
  })

  it('merges offers, licences and formats of available children', () => {
    const licences = [
      grant('g1', { content: [darkE1], formats: ['hd'] }),
      grant('g2', { content: [darkE3], formats: ['uhd'], licenceType: 'tvod' }),
      grant('g3', { content: [darkE2], formats: ['sd'] }),
    ]
    expect(askContainer(licences)).toMatchObject({
      licences: ['g1', 'g2', 'g3'],
      licenceTypes: ['svod', 'tvod'],
      formats: ['sd', 'hd', 'uhd'],
      offers: [
        { licenceType: 'svod', formats: ['sd', 'hd'] },
        { licenceType: 'tvod', formats: ['uhd'] },
      ],
    })
  })

  it('applies filters to every child', () => {
    const licences = [grant('g1', { content: [darkE1], formats: ['hd'] })]
    const query = { index: indexOf(licences), node: dark, territory: 'DE', at: mid }
    expect(
      evaluateContainer({ ...query, factsOf: everyonePublished, format: 'uhd' }).available,
    ).toBe(false)
    expect(
      evaluateContainer({ ...query, factsOf: everyonePublished, licenceType: 'svod' }).available,
    ).toBe(true)
  })

  it('takes the earliest validUntil of its children', () => {
    const licences = [
      grant('g1', { content: [darkE1] }),
      grant('g2', {
        content: [darkE3],
        windows: [window('DE', '2025-01-01T00:00:00Z', '2025-06-20T00:00:00Z')],
      }),
    ]
    expect(askContainer(licences).validUntil).toBe('2025-06-20T00:00:00Z')
    expect(
      askContainer([grant('g1', { content: [dark], windows: [window('DE', mid)] })]),
    ).toMatchObject({ available: true, validUntil: null })
  })

  it('collects soft-holdback warnings from its children', () => {
    const licences = [
      grant('g1', { content: [dark] }),
      holdback('h1', { content: [darkE3], holdbackStrength: 'soft' }),
    ]
    expect(askContainer(licences).warnings).toEqual([
      { code: 'SOFT_HOLDBACK', licenceId: 'h1', licenceType: 'svod' },
    ])
  })

  it('passes the China gate with an approval number recorded on the series', () => {
    const inChina = [grant('g1', { content: [dark], windows: [window('CN', mid)] })]
    const approved = factsTable({ 'series/dark': { published: true, cnApprovalNumber: 'N-7' } })
    expect(askContainer(inChina, dark, approved, 'CN').available).toBe(true)
    expect(askContainer(inChina, dark, everyonePublished, 'CN').reasons).toEqual(['POLICY_GATE'])
    const oneEpisode = factsTable({
      'episodes/dark-s1e2': { published: true, cnApprovalNumber: 'N-8' },
    })
    expect(askContainer(inChina, dark, oneEpisode, 'CN').availableChildren).toEqual([darkS1])
    expect(askContainer(inChina, darkS1, oneEpisode, 'CN').availableChildren).toEqual([darkE2])
  })

  it('refuses a film or an episode', () => {
    expect(() => askContainer([], heat)).toThrow(/not a container/)
    expect(() => askContainer([], darkE1)).toThrow(/not a container/)
  })
})
