import { describe, expect, it } from 'vitest'

import { KeyedLock } from '../../../src/plugins/mux/keyedLock'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('KeyedLock', () => {
  it('runs tasks of one key one after another, other keys alongside', async () => {
    const lock = new KeyedLock()
    const log: string[] = []
    const task = (key: string, name: string, ms: number) =>
      lock.run(key, async () => {
        log.push(`${name}+`)
        await pause(ms)
        log.push(`${name}-`)
        return name
      })
    const results = await Promise.all([task('a', 'a1', 30), task('a', 'a2', 1), task('b', 'b1', 5)])
    expect(results).toEqual(['a1', 'a2', 'b1'])
    expect(log.indexOf('a1-')).toBeLessThan(log.indexOf('a2+'))
    expect(log.indexOf('b1+')).toBeLessThan(log.indexOf('a1-'))
  })

  it('goes on after a task failed', async () => {
    const lock = new KeyedLock()
    await expect(lock.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    )
    expect(await lock.run('a', async () => 'next')).toBe('next')
  })
})
