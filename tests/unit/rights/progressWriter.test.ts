import { describe, expect, it } from 'vitest'

import { progressWriter } from '../../../src/rights/progressWriter'

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('progressWriter', () => {
  it('writes the first report at once, coalesces the rest and always ends with the latest', async () => {
    const written: number[] = []
    const writer = progressWriter(
      async (done: number) => {
        await tick(5)
        written.push(done)
      },
      () => {},
      20,
    )
    for (let done = 1; done <= 100; done += 1) writer.report(done)
    await writer.settle()
    expect(written[0]).toBe(1)
    expect(written.at(-1)).toBe(100)
    expect(written.length).toBeLessThan(5)
    expect(written).toEqual([...written].sort((a, b) => a - b))
  })

  it('never lets a failed write stop the reports, and hands the error on', async () => {
    const written: string[] = []
    const errors: unknown[] = []
    const writer = progressWriter(
      async (phase: string) => {
        if (phase === 'planning') throw new Error('database busy')
        written.push(phase)
      },
      (error) => errors.push(error),
      1,
    )
    expect(() => writer.report('planning')).not.toThrow()
    await writer.settle()
    writer.report('licences')
    await writer.settle()
    expect(written).toEqual(['licences'])
    expect(errors).toHaveLength(1)
  })

  it('settles at once when nothing was reported, and reporting does not wait for the write', async () => {
    let release: () => void = () => {}
    const writer = progressWriter(
      () => new Promise<void>((resolve) => (release = resolve)),
      () => {},
    )
    await writer.settle()
    const before = Date.now()
    writer.report('queued')
    expect(Date.now() - before).toBeLessThan(50)
    let settled = false
    const settling = writer.settle().then(() => (settled = true))
    await tick(10)
    expect(settled).toBe(false)
    release()
    await settling
    expect(settled).toBe(true)
  })
})
