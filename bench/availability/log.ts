const started = performance.now()

const clock = (): string => `${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s`

export const log = (line: string): void => {
  console.log(`[bench ${clock()}] ${line}`)
}

export const warn = (line: string): void => {
  console.warn(`[bench ${clock()}] WARNING: ${line}`)
}

/** Runs a step, logs how long it took and returns its result with the time in milliseconds. */
export const timed = async <T>(label: string, step: () => T | Promise<T>): Promise<[T, number]> => {
  log(`${label} ...`)
  const start = performance.now()
  const result = await step()
  const ms = performance.now() - start
  log(`${label}: done in ${formatMs(ms)}`)
  return [result, ms]
}

export const formatMs = (ms: number): string =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`

export const elapsedMs = (): number => performance.now() - started
