import type { NodeFacts, Region } from './types'

/** Territory-specific gates a title must pass on top of its rights. */
export interface TerritoryPolicy {
  requiresApprovalNumber: boolean
}

const countriesIn = (
  code: string,
  byCode: ReadonlyMap<string, Region>,
  seen: Set<string> = new Set(),
): string[] => {
  const region = byCode.get(code)
  if (!region || seen.has(code)) return []
  seen.add(code)
  if (region.kind === 'country') return [code]
  return (region.members ?? []).flatMap((member) => countriesIn(member, byCode, seen))
}

/**
 * Gates per country. A gate set on a group applies to every country in it, so staff can
 * gate a whole group at once; gates never reach countries outside the region.
 */
export const buildPolicyTable = (regions: readonly Region[]): Map<string, TerritoryPolicy> => {
  const byCode = new Map(regions.map((region) => [region.code, region]))
  const table = new Map<string, TerritoryPolicy>()
  for (const region of regions) {
    if (!region.requiresApprovalNumber) continue
    for (const country of countriesIn(region.code, byCode)) {
      table.set(country, { requiresApprovalNumber: true })
    }
  }
  return table
}

export const hasApprovalNumber = (facts: Pick<NodeFacts, 'cnApprovalNumber'>): boolean =>
  typeof facts.cnApprovalNumber === 'string' && facts.cnApprovalNumber.trim() !== ''

export const passesPolicyGates = (
  policy: TerritoryPolicy | undefined,
  facts: Pick<NodeFacts, 'cnApprovalNumber'>,
): boolean => !policy?.requiresApprovalNumber || hasApprovalNumber(facts)
