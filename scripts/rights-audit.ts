/**
 * `npm run rights:audit [-- --repair] [-- --json]`: recomputes every title's availability rows
 * from the licences and compares them with the stored rows the content API filters on.
 * Exits 1 when anything differs (with --repair: when anything could not be repaired).
 */
import { getPayload } from 'payload'

import { closePayload } from '../src/config/closeDatabase'
import { auditCatalog } from '../src/rights/audit'
import { runRecordedAudit } from '../src/rights/auditRuns'
import { describeAudit, describeSearchIndexCheck } from '../src/rights/auditSummary'
import { auditSearchIndex } from '../src/search/searchIndex'

const args = new Set(process.argv.slice(2))
const unknown = [...args].filter((arg) => !['--repair', '--json'].includes(arg))
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}: use --repair and/or --json.`)
  process.exit(2)
}
const repair = args.has('--repair')
const json = args.has('--json')

// With --json, stdout carries nothing but the JSON: Payload's log lines and whatever the
// database adapter prints while it starts (schema push progress) go to stderr.
const writeStdout = process.stdout.write.bind(process.stdout)
if (json) {
  process.env.LOG_DESTINATION = 'stderr'
  process.stdout.write = process.stderr.write.bind(process.stderr)
}

const run = async (): Promise<number> => {
  // Imported only now, so that the config sees LOG_DESTINATION.
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config })
  try {
    const result = await runRecordedAudit(payload, {
      trigger: 'command',
      repair,
      onBatch: json
        ? undefined
        : (totals) => process.stderr.write(`\r${totals.checked} titles checked…`),
    })
    if (!json) process.stderr.write('\n')
    // After a repair, what is left: the same audit again must find nothing.
    const remaining = repair && result.differing > 0 ? (await auditCatalog(payload)).differing : 0
    const searchIndex = result.searchIndex
    const searchFindings = searchIndex ? searchIndex.differing + searchIndex.orphans : 0
    const searchRemaining =
      repair && searchFindings > 0
        ? await auditSearchIndex(payload).then((check) => check.differing + check.orphans)
        : 0
    const { run: _run, next: _next, searchIndex: _searchIndex, ...totals } = result
    if (json) {
      writeStdout(
        `${JSON.stringify({ ...totals, repair, remaining, searchIndex, searchRemaining }, null, 2)}\n`,
      )
    } else {
      describeAudit(totals, { repair }).forEach((line) => console.log(line))
      if (searchIndex) console.log(describeSearchIndexCheck(searchIndex, { repair }))
      if (repair && remaining > 0) console.log(`${remaining} titles still differ after repair.`)
      if (repair && searchRemaining > 0) {
        console.log(`${searchRemaining} titles' search entries still differ after repair.`)
      }
    }
    if (repair) return remaining > 0 || searchRemaining > 0 ? 1 : 0
    return result.differing > 0 || searchFindings > 0 ? 1 : 0
  } finally {
    await closePayload(payload)
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The rights audit failed:', error)
    process.exit(2)
  },
)
