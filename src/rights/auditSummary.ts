import type { SearchIndexCheck } from '../search/searchIndex'
import type { AuditTotals } from './audit'

/** The search index part of an audit, as one line. */
export const describeSearchIndexCheck = (
  check: SearchIndexCheck,
  { repair }: { repair: boolean },
): string =>
  `Search index: ${check.checked} titles checked, ${check.differing} with missing or stale ` +
  `entries, ${check.orphans} titles gone but indexed` +
  (repair ? `, ${check.repaired} repaired.` : '.') +
  (check.examples.length > 0 ? ` First: ${check.examples.join(', ')}` : '')

/** The audit's result as people read it: totals, then the first differing titles. */
export const describeAudit = (totals: AuditTotals, { repair }: { repair: boolean }): string[] => {
  const { checked, differing, repaired, rows, examples } = totals
  const lines = [
    `Rights audit: ${checked} titles checked, ${differing} differ` +
      (repair ? `, ${repaired} repaired.` : '.'),
    `Rows: ${rows.missing} missing, ${rows.extra} extra, ${rows.different} different.`,
  ]
  if (examples.length > 0) lines.push('First differences:')
  for (const example of examples) {
    const name = example.title ? `"${example.title}" (${example.contentKey})` : example.contentKey
    lines.push(
      `  ${name}: ${example.missing} missing, ${example.extra} extra, ${example.different} different`,
    )
    for (const row of example.rows) {
      lines.push(`    ${row.kind} ${row.territory} ${row.start} .. ${row.end}`)
    }
  }
  if (differing === 0) lines.push('Every stored row is what the licences say.')
  else if (!repair) lines.push('Run `npm run rights:audit -- --repair` to rewrite them.')
  return lines
}
