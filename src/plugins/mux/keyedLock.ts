/**
 * Runs tasks with the same key one after another (in this process). Webhooks, jobs and
 * endpoints all read-modify-write a video's Mux state; this keeps them from overwriting each
 * other. Several server processes would need a database lock instead (see README).
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>()

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const current = previous.catch(() => undefined).then(task)
    const tail = current.catch(() => undefined)
    this.tails.set(key, tail)
    try {
      return await current
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    }
  }
}
