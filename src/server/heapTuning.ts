import v8 from 'node:v8'

/**
 * How far V8 lets the old generation grow past what survived the last full collection before it
 * starts the next one: `(1 + percent / 100)` times. Set by `src/server.ts` as it starts.
 *
 * With V8's own factor (about 1.1 to 1.3 for a server it sees as mostly idle) the ~160 MB heap
 * of Next and Payload keeps only 30-45 MB of headroom, less than V8 wants to keep free next to a
 * young generation grown by busy I/O. During a multi-GB upload (a 64 KiB buffer per socket read)
 * it then starts one full mark-compact after another: 5 to 18 per 2 GiB, about 0.15 s of CPU
 * each, up to twice the upload's CPU time (bench:upload, `--trace-gc`). At 100 the storms are
 * gone; the price is a heap that may grow to about twice its live size between collections.
 * `V8_HEAP_GROWING_PERCENT=0` keeps V8's default. V8 reads the factor each time it sets the next
 * limit, so setting it once the modules are loaded is early enough.
 */
export const heapGrowingPercent = (
  env: Record<string, string | undefined> = process.env,
): number => {
  const text = env.V8_HEAP_GROWING_PERCENT?.trim()
  const value = text ? Number(text) : NaN
  return Number.isInteger(value) && value >= 0 ? value : 100
}

export const tuneHeap = (env: Record<string, string | undefined> = process.env): void => {
  const percent = heapGrowingPercent(env)
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`)
}
