/**
 * The rights audit of the whole bench catalog in its own process, so that its wall time and
 * peak resident memory are its own: boots Payload on the bench database (as
 * `npm run rights:audit` does, onInit included) and runs `auditCatalog` without repair.
 * Env: DATABASE_URL, PAYLOAD_SECRET, BENCH_BACKEND, BENCH_AUDIT_BATCH_SIZE (optional).
 * Prints one line starting with `BENCH_AUDIT ` and a JSON `AuditStageResult`.
 */
import fs from 'node:fs'
import os from 'node:os'

import { auditCatalog } from '../../src/rights/audit'
import { auditSearchIndex } from '../../src/search/searchIndex'
import { timeZoneRulesVersion } from '../../src/rights/timeZoneRules'
import { auditMarker, type AuditStageResult } from './auditStage'
import { type Backend, openDatabase } from './database'

const backend = process.env.BENCH_BACKEND as Backend
const batchSetting = process.env.BENCH_AUDIT_BATCH_SIZE
const batchSize = batchSetting ? Number(batchSetting) : undefined
if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) {
  throw new Error('BENCH_AUDIT_BATCH_SIZE must be a positive integer')
}

/**
 * This process's own peak resident memory. Linux's `maxRSS` (getrusage) is no good here: a
 * spawned child starts as a fork of the bench process, and the kernel carries the fork's
 * high-water mark across exec, so the child reported the parent's 4.5 GiB as its own. `VmHWM`
 * belongs to the address space exec created.
 */
const peakResidentBytes = (): number => {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))
    if (match) return Number(match[1]) * 1024
  } catch {
    // Not Linux: fall through to getrusage.
  }
  // maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS * 1024
}

const initStart = performance.now()
const db = await openDatabase(backend, process.env.DATABASE_URL ?? '', {
  secret: process.env.PAYLOAD_SECRET ?? '',
  runMigrations: false,
})
const initMs = performance.now() - initStart

let batches = 0
let heapUsedMaxBytes = 0
const auditStart = performance.now()
const cpuStart = process.cpuUsage()
const loadAtStart = os.loadavg()[0]
const result = await auditCatalog(db.payload, {
  ...(batchSize ? { batchSize } : {}),
  onBatch: (totals) => {
    batches += 1
    heapUsedMaxBytes = Math.max(heapUsedMaxBytes, process.memoryUsage().heapUsed)
    if (batches % 20 === 0) {
      process.stderr.write(`[audit] ${batches} batches, ${totals.checked} titles checked\n`)
    }
  },
})
const auditMs = performance.now() - auditStart
const cpu = process.cpuUsage(cpuStart)
const loadAtEnd = os.loadavg()[0]
// After the catalog, as `npm run rights:audit` does (recordAuditRun), without repair.
const searchStart = performance.now()
const searchIndex = await auditSearchIndex(db.payload)
const searchIndexMs = performance.now() - searchStart
await db.close()

const stage: AuditStageResult = {
  batchSize: batchSize ?? null,
  initMs,
  auditMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  loadAverage: [loadAtStart, loadAtEnd],
  maxRssBytes: peakResidentBytes(),
  heapUsedMaxBytes,
  titlesChecked: result.checked,
  batches,
  differing: result.differing,
  rows: result.rows,
  examples: result.examples,
  tzVersion: timeZoneRulesVersion(),
  searchIndex: { ...searchIndex, ms: searchIndexMs },
}
console.log(`${auditMarker}${JSON.stringify(stage)}`)
process.exit(0)
