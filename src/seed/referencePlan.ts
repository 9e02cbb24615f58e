/**
 * Pure: what ensuring the reference regions (every ISO 3166-1 country and the default groups)
 * does on a database, given the codes the dataset lists now, the codes it listed when it was
 * last applied there (null: never) and the codes the database holds.
 */
export type ReferencePlan = {
  /** Codes to create: in the dataset, not in the database, and not deleted by staff. */
  create: string[]
  /** Codes the dataset lists now but did not when it was last applied. */
  added: string[]
  /** Codes the dataset listed when last applied but no longer lists (their rows are kept). */
  retired: string[]
  /** Codes applied before and since deleted by staff: not created again. */
  deletedByStaff: string[]
}

export const planReferenceCodes = (
  dataset: readonly string[],
  lastApplied: readonly string[] | null,
  existing: ReadonlySet<string>,
): ReferencePlan => {
  const before = new Set(lastApplied ?? [])
  const now = new Set(dataset)
  const missing = dataset.filter((code) => !existing.has(code))
  return {
    create: missing.filter((code) => !before.has(code)),
    added: lastApplied === null ? [] : dataset.filter((code) => !before.has(code)),
    retired: [...before].filter((code) => !now.has(code)).sort(),
    deletedByStaff: missing.filter((code) => before.has(code)),
  }
}
