import type { FieldHook } from 'payload'

import { groupDriftOf } from '../../src/availability'
import { loadRegions } from '../../src/rights/regions'

type Snapshot = Record<string, string[]>

/**
 * Shows staff how a licence's groups have changed since it was signed (the licence itself
 * keeps the countries it was saved with): `{ DACH: { added: ['LI'], removed: [] } }`, or null.
 */
export const describeGroupDrift: FieldHook = async ({ siblingData, req }) => {
  const snapshot = siblingData?.groupSnapshot as Snapshot | null | undefined
  if (!snapshot || Object.keys(snapshot).length === 0) return null
  const drift = groupDriftOf(snapshot, await loadRegions(req.payload, req))
  return Object.keys(drift).length > 0 ? drift : null
}
