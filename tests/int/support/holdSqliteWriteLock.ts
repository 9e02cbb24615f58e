import { createClient } from '@libsql/client'

// Another process writing to a SQLite file: takes the write lock (`BEGIN IMMEDIATE`), touches a
// row, holds the lock for the given milliseconds (or, with `stdin`, until its input ends), then
// commits. Prints `locked` once it holds the lock and `released <epoch ms>` after the commit.
//   node --import tsx tests/int/support/holdSqliteWriteLock.ts <file> <holdMs | stdin>

const [file, hold] = process.argv.slice(2)
const client = createClient({ url: `file:${file}` })
// The server under test writes now and then by itself (its jobs cron schedules tasks): wait for
// such a write to finish instead of failing to take the lock.
await client.execute('PRAGMA busy_timeout = 5000')
await client.execute('BEGIN IMMEDIATE')
await client.execute('UPDATE users SET updated_at = updated_at')
process.stdout.write('locked\n')
await new Promise((resolve) => {
  if (hold !== 'stdin') return setTimeout(resolve, Number(hold))
  process.stdin.on('end', resolve).resume()
})
await client.execute('COMMIT')
process.stdout.write(`released ${Date.now()}\n`)
client.close()
