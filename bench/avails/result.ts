import type { AvailsCounts } from '../../src/rights/availsImport'

export const availsMarker = 'BENCH_AVAILS '

/** One measured phase, in the process doing the work. */
export type PhaseResult = {
  wallMs: number
  cpuUserMs: number
  cpuSystemMs: number
  rssBeforeBytes: number
  rssPeakBytes: number
  rssGrowthBytes: number
  /** `VmHWM`: the kernel's peak, reset at the phase's start; `samples`: sampled every 10 ms. */
  rssPeakFrom: 'VmHWM' | 'samples'
  heapUsedBeforeBytes: number
  /** Sampled every 10 ms and at the end (a synchronous stretch may hide a higher peak). */
  heapUsedPeakBytes: number
  heapUsedGrowthBytes: number
  heapTotalPeakBytes: number
  heapLimitBytes: number
  samples: number
  loadAverage: [number, number]
}

export type BackendResult = {
  backend: 'sqlite' | 'postgres'
  setupMs: number
  catalogTitles: number
  transactional: boolean
  gcBeforePhases: boolean
  dryRun: PhaseResult
  apply: PhaseResult
  catalogAudit: PhaseResult & { checked: number }
  counts: AvailsCounts
  dryRunCounts: AvailsCounts
  licencesWritten: number
  audit: {
    checked: number
    differing: number
    rows: { missing: number; extra: number; different: number }
  }
  catalogAuditDiffering: number
  /** What did not come out as the generator intended (empty: all checks passed). */
  problems: string[]
}
