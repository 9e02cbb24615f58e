import os from 'node:os'

/** Work that is mostly image encoding gains up to one worker per core. */
export const imageWorkers = Math.max(1, Math.min(4, os.availableParallelism()))

/** Maps `items` through `work` with at most `limit` calls running at once; keeps the order. */
export const mapConcurrently = async <T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> => {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
