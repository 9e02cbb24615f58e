import fs from 'node:fs'
import path from 'node:path'

export type ReportFiles = { resultsFile: string; benchmarksFile: string }

/**
 * Writes a benchmark's raw JSON, and replaces (or appends) only its own section of
 * BENCHMARKS.md, between `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->`.
 */
export const writeBenchmarkReport = (
  name: string,
  report: unknown,
  section: string,
  { resultsFile, benchmarksFile }: ReportFiles,
): void => {
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true })
  fs.writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`)
  const startMarker = `<!-- bench:${name}:start -->`
  const endMarker = `<!-- bench:${name}:end -->`
  const marked = `${startMarker}\n${section}\n${endMarker}`
  const existing = fs.existsSync(benchmarksFile)
    ? fs.readFileSync(benchmarksFile, 'utf8')
    : '# Benchmarks\n\nNumbers measured by the scripts in `bench/` (see `bench/README.md`).\n'
  const start = existing.indexOf(startMarker)
  const end = existing.indexOf(endMarker)
  const updated =
    start >= 0 && end > start
      ? `${existing.slice(0, start)}${marked}${existing.slice(end + endMarker.length)}`
      : `${existing.trimEnd()}\n\n${marked}\n`
  fs.writeFileSync(benchmarksFile, updated)
}
