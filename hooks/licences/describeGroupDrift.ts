import type { FieldHook } from 'payload'

import { AvailabilityInputError, expandTerritories, membershipDrift } from '../../src/availability'
import { loadRegions } from '../../src/rights/regions'

type Snapshot = Record<string, string[]>

/**
 * Shows staff how a licence's groups have changed since it was signed (the licence itself
 * keeps the countries it was saved with): `{ DACH: { added: ['LI'], removed: [] } }`, or null.
 */
export const describeGroupDrift: FieldHook = async ({ siblingData, req }) => {
  const snapshot = siblingData?.groupSnapshot as Snapshot | null | undefined
  if (!snapshot || Object.keys(snapshot).length === 0) return null
  const regions = await loadRegions(req.payload, req)
  const drift: Record<string, ReturnType<typeof membershipDrift>> = {}
  for (const [group, saved] of Object.entries(snapshot)) {
    let current: string[] = []
    try {
      current = expandTerritories([group], [], regions)
    } catch (error) {
      if (!(error instanceof AvailabilityInputError)) throw error
    }
    const difference = membershipDrift(saved, current)
    if (difference.added.length > 0 || difference.removed.length > 0) drift[group] = difference
  }
  return Object.keys(drift).length > 0 ? drift : null
}
