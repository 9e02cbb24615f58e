import { spawn } from 'node:child_process'

import type { SearchIndexCheck } from '../../src/search/searchIndex'
import type { Backend } from './database'
import { log } from './log'

/** Payload logs to stdout too: the result line starts with this. */
export const auditMarker = 'BENCH_AUDIT '

export type AuditStageResult = {
  batchSize: number | null
  /** Payload's init, its onInit included (which re-resolves licences of another tz version). */
  initMs: number
  /** `auditCatalog` alone. */
  auditMs: number
  /** CPU time (user + system) the audit process spent in `auditCatalog`. */
  cpuMs: number
  /** The machine's 1-minute load average when the audit started and when it ended. */
  loadAverage: [number, number]
  /** The audit process's peak resident memory (`VmHWM`), in bytes: init included. */
  maxRssBytes: number
  /** Largest heap seen after a batch. */
  heapUsedMaxBytes: number
  titlesChecked: number
  batches: number
  differing: number
  rows: { missing: number; extra: number; different: number }
  examples: unknown[]
  /** The tz database version of this process (what the loader stamped on the licences). */
  tzVersion: string
  /** `auditSearchIndex` after the catalog (no repair), with its own wall time. */
  searchIndex: SearchIndexCheck & { ms: number }
}

/** The targets for the full audit of the bench catalog. */
export const auditTargets = { seconds: 60, bytes: 1024 ** 3 }

export const auditMeetsTargets = (result: AuditStageResult): boolean =>
  result.auditMs < auditTargets.seconds * 1000 && result.maxRssBytes < auditTargets.bytes

/**
 * Runs auditChild.ts (the full rights audit) in a fresh process on the bench database and
 * returns what it measured. Rejects when the child fails.
 */
export const runAuditStage = async (
  backend: Backend,
  url: string,
  secret: string,
  { batchSize }: { batchSize?: number } = {},
): Promise<AuditStageResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', 'bench/availability/auditChild.ts'],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATABASE_URL: url,
          PAYLOAD_SECRET: secret,
          BENCH_BACKEND: backend,
          LOG_LEVEL: 'warn',
          JOBS_AUTORUN: 'false',
          ...(batchSize ? { BENCH_AUDIT_BATCH_SIZE: String(batchSize) } : {}),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    let errors = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      errors = `${errors}${text}`.slice(-20_000)
      for (const line of text.split('\n').filter((entry) => entry.startsWith('[audit]'))) {
        log(`${backend}: ${line.slice('[audit] '.length)}`)
      }
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      const line = output
        .split('\n')
        .find((entry) => entry.startsWith(auditMarker))
        ?.slice(auditMarker.length)
      if (code !== 0 || !line) {
        return reject(
          new Error(`the audit process failed (exit ${code}):\n${(errors || output).slice(-3000)}`),
        )
      }
      resolve(JSON.parse(line) as AuditStageResult)
    })
  })
