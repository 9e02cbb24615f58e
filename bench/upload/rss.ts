import fs from 'node:fs'

/** Resident set size of a process in bytes, from /proc/<pid>/status (VmRSS). */
export const rssOf = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kilobytes = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN)
  return kilobytes * 1024
}

/** Samples a process's RSS every `everyMs` until stopped; reports the peak. */
export const sampleRss = (pid: number, everyMs = 25) => {
  const baseline = rssOf(pid)
  let peak = baseline
  let samples = 0
  const trace = process.env.BENCH_UPLOAD_TRACE === '1'
  const timer = setInterval(() => {
    try {
      const rss = rssOf(pid)
      peak = Math.max(peak, rss)
      samples += 1
      if (trace && samples % 20 === 0) console.log(`  rss ${(rss / 1024 ** 2).toFixed(0)} MiB`)
    } catch {
      // the process is gone
    }
  }, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      return { baseline, peak, growth: peak - baseline, samples }
    },
  }
}

/** Waits until the process's RSS stops moving (a dev server compiles and collects for a while). */
export const settleRss = async (
  pid: number,
  { toleranceBytes = 8 * 1024 ** 2, maxMs = 60_000 } = {},
) => {
  const deadline = Date.now() + maxMs
  let previous = rssOf(pid)
  let steady = 0
  while (Date.now() < deadline && steady < 3) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const current = rssOf(pid)
    steady = Math.abs(current - previous) < toleranceBytes ? steady + 1 : 0
    previous = current
  }
  return previous
}
