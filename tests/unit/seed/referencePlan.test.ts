import { describe, expect, it } from 'vitest'

import { planReferenceCodes } from '../../../src/seed/referencePlan'

describe('planReferenceCodes', () => {
  it('creates everything missing on the first application and reports no changes', () => {
    expect(planReferenceCodes(['AT', 'DE', 'US'], null, new Set(['DE']))).toEqual({
      create: ['AT', 'US'],
      added: [],
      retired: [],
      deletedByStaff: [],
    })
  })

  it('never creates again what staff deleted after it was applied', () => {
    const plan = planReferenceCodes(['AT', 'DE'], ['AT', 'DE'], new Set(['DE']))
    expect(plan.create).toEqual([])
    expect(plan.deletedByStaff).toEqual(['AT'])
  })

  it('reports codes the dataset added or retired since, and creates the added ones', () => {
    expect(planReferenceCodes(['DE', 'SS'], ['DE', 'AN'], new Set(['DE', 'AN']))).toEqual({
      create: ['SS'],
      added: ['SS'],
      retired: ['AN'],
      deletedByStaff: [],
    })
  })

  it('leaves codes that exist alone, whoever created them', () => {
    expect(planReferenceCodes(['DE'], ['DE'], new Set(['DE', 'XX'])).create).toEqual([])
  })
})
