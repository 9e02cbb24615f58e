import { writeBenchmarkReport, type ReportFiles } from '../benchmarksFile'

/** One round: a direct PUT, the upload, another direct PUT. */
export type UploadRun = {
  requestMs: number
  pushedMs: number
  directBeforeMs: number
  directAfterMs: number
  rssBaselineMiB: number
  rssPeakMiB: number
  rssGrowthMiB: number
  rssSamples: number
  serverCpuSeconds: number
  machineBusyCores: number
  ratio: number
}

export type UploadReport = {
  measuredAt: string
  serverMode: 'production' | 'development'
  schemaSource: string
  machine: { nproc: number; cpuModel: string; memoryGiB: number; node: string }
  fileBytes: number
  /** Sent on to Mux during the request, or spooled and pushed by a job afterwards. */
  ingestPath: 'streamed' | 'spooled'
  rss: { baselineMiB: number; peakMiB: number; growthMiB: number; samples: number }
  throughput: {
    /** Client to server until `POST /api/videos` answered. */
    requestMiBps: number
    /** Client to server to fake Mux: until the fake holds the last byte. */
    endToEndMiBps: number
    /** The same file PUT straight to the fake's upload URL. */
    directMiBps: number
    ratio: number
  }
  timings: { requestMs: number; pushedMs: number; directBeforeMs: number; directAfterMs: number }
  /** During the upload: the server's CPU time, and how busy the whole machine was. */
  cpu: { serverSeconds: number; serverBusyCores: number; machineBusyCores: number }
  /** Every round; the figures above are the median round's (memory: the worst round's). */
  runs: UploadRun[]
  targets: { rssGrowthMiB: number; ratio: number }
}

const fixed = (value: number, digits = 1) => value.toFixed(digits)
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')

export const renderUploadSection = (report: UploadReport): string => {
  const { rss, throughput, targets, machine } = report
  const gib = report.fileBytes / 1024 ** 3
  return [
    '## Upload',
    '',
    `\`npm run bench:upload\` (bench/upload/), ${report.measuredAt}: a generated ${fixed(gib, 2)} GiB`,
    'MP4 streamed through `POST /api/videos` (multipart, as the admin sends it) of the real server',
    `(\`src/server.ts\`, ${report.serverMode} mode, schema from ${report.schemaSource}) to the fake`,
    'Mux over HTTP; the same file also PUT straight to the fake by a plain HTTP client in the same',
    `run, ${report.runs.length} rounds (direct PUT, upload, direct PUT); the table shows the median round by ratio,`,
    `memory the worst round. Path taken: **${report.ingestPath}** (${
      report.ingestPath === 'streamed'
        ? 'sent on to a Mux direct upload in resumable chunks while it arrived, nothing spooled'
        : 'spooled to disk, then pushed by a job'
    }). Machine: ` +
      `${machine.nproc} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, Node ${machine.node}.`,
    '',
    '| measure | value | target |',
    '| --- | --- | --- |',
    `| server RSS before | ${fixed(rss.baselineMiB)} MiB | |`,
    `| server RSS peak (VmRSS, ${rss.samples} samples) | ${fixed(rss.peakMiB)} MiB | |`,
    `| server RSS growth | ${fixed(rss.growthMiB)} MiB | < ${targets.rssGrowthMiB} MiB: ${verdict(rss.growthMiB < targets.rssGrowthMiB)} |`,
    `| request (until the answer) | ${fixed(throughput.requestMiBps, 0)} MiB/s | |`,
    `| end to end (until Mux holds the last byte) | ${fixed(throughput.endToEndMiBps, 0)} MiB/s | |`,
    `| direct PUT to the fake | ${fixed(throughput.directMiBps, 0)} MiB/s | |`,
    `| request / direct | ${fixed(throughput.requestMiBps / throughput.directMiBps, 2)} | |`,
    `| end to end / direct | ${fixed(throughput.ratio, 2)} | >= ${targets.ratio}: ${verdict(throughput.ratio >= targets.ratio)} |`,
    `| server CPU during the upload | ${fixed(report.cpu.serverSeconds, 2)} s (${fixed(report.cpu.serverBusyCores, 2)} cores busy) | |`,
    `| ratio in each round | ${report.runs.map((run) => fixed(run.ratio, 2)).join(', ')} | |`,
    '',
    'End to end counts from the first byte sent until the fake Mux holds the last one. The client',
    'and the fake share the benchmark process (the world outside the server, one core); the',
    'server has the other core. The direct PUT moves the bytes once; the upload twice (client →',
    'server → Mux), through the multipart parser and a sparse temp file holding only what',
    "Payload's file checks read, in 16 MiB resumable chunks sent while they arrive. Spooled, the",
    'bytes go to disk and then from disk to Mux, one after the other. Rounds on this shared',
    '2-core machine vary by about ±20 %. Raw results: `bench/results/upload.json`.',
  ].join('\n')
}

/** Writes the raw JSON and replaces (or appends) only this section of BENCHMARKS.md. */
export const writeUploadReport = (report: UploadReport, files: ReportFiles): void =>
  writeBenchmarkReport('upload', report, renderUploadSection(report), files)
