import { describe, expect, it } from 'vitest'

import { isDatabaseBusy } from '../../../src/config/databaseBusy'

// Issue "rights integrity", item 6: a busy SQLite database must be recognised however the error
// reaches the error hook, so that it is answered 503 and not 500.

const libsqlError = (code: string, rawCode: number) =>
  Object.assign(new Error('database is locked'), { code, rawCode, libsqlError: true })

describe('isDatabaseBusy', () => {
  it("recognises libsql's SQLITE_BUSY and SQLITE_LOCKED, extended codes included", () => {
    expect(isDatabaseBusy(libsqlError('SQLITE_BUSY', 5))).toBe(true)
    expect(isDatabaseBusy(libsqlError('SQLITE_LOCKED', 6))).toBe(true)
    expect(isDatabaseBusy(libsqlError('SQLITE_BUSY_SNAPSHOT', 517))).toBe(true)
    expect(isDatabaseBusy({ code: 'SQLITE_ERROR', rawCode: 261 })).toBe(true) // 261 & 0xff = 5
  })

  it('finds it behind drizzle, Payload and GraphQL wrappers', () => {
    const query = new Error('Failed query: insert into "genres" ...', {
      cause: libsqlError('SQLITE_BUSY', 5),
    })
    expect(isDatabaseBusy(query)).toBe(true)
    expect(isDatabaseBusy({ message: 'Something went wrong.', originalError: query })).toBe(true)
    expect(
      isDatabaseBusy(new Error('Error: cannot begin transaction: SQLITE_BUSY: database is locked')),
    ).toBe(true)
  })

  it('leaves every other error alone', () => {
    expect(isDatabaseBusy(new Error('UNIQUE constraint failed: genres.slug'))).toBe(false)
    expect(isDatabaseBusy({ code: 'SQLITE_CONSTRAINT', rawCode: 19, message: 'constraint' })).toBe(
      false,
    )
    expect(
      isDatabaseBusy({ code: '55P03', message: 'canceling statement due to lock timeout' }),
    ).toBe(false)
    expect(isDatabaseBusy(null)).toBe(false)
    expect(isDatabaseBusy('database is locked')).toBe(false)
    const cyclic: { cause?: unknown } = {}
    cyclic.cause = cyclic
    expect(isDatabaseBusy(cyclic)).toBe(false)
  })
})
