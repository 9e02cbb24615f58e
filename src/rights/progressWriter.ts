/**
 * Coalesces progress reports into writes, at most one every `minIntervalMs`, always ending
 * with the latest report; `settle` waits for the last write. Reporting never waits and never
 * throws (a failed write goes to `onError`): progress is a courtesy, never a reason for the
 * work it describes to stop or fail.
 */
export const progressWriter = <P>(
  write: (progress: P) => Promise<unknown>,
  onError: (error: unknown) => void,
  minIntervalMs = 200,
): { report: (progress: P) => void; settle: () => Promise<void> } => {
  let latest: P | null = null
  let loop: Promise<void> | null = null
  const drain = async () => {
    while (latest !== null) {
      const next: P = latest
      latest = null
      try {
        await write(next)
      } catch (error) {
        onError(error)
      }
      if (latest !== null) await new Promise((resolve) => setTimeout(resolve, minIntervalMs))
    }
    loop = null
  }
  return {
    report: (progress) => {
      latest = progress
      loop ??= drain()
    },
    settle: async () => {
      while (loop) await loop
    },
  }
}
