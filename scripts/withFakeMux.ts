import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { parseEnv } from 'node:util'

import { fakeMuxWanted, startDevFakeMux } from '../tests/fakes/devFakeMux'

// `npm run dev` and `npm run seed`: runs the entry (src/server.ts, src/seed/run.ts) beside the
// local fake Mux when no Mux credentials are set (or MUX_FAKE=true; MUX_FAKE=false never), with
// the app pointed at it. With credentials it runs the entry alone, as before.

const [entry, ...args] = process.argv.slice(2)
if (!entry) throw new Error('usage: withFakeMux.ts <entry.ts> [args...]')

// Next loads .env into the server later; credentials there count too (the environment wins).
const dotEnv = fs.existsSync('.env') ? parseEnv(fs.readFileSync('.env', 'utf8')) : {}
const env = { ...dotEnv, ...process.env }
const dev = fakeMuxWanted(env) ? await startDevFakeMux(env) : null
if (dev) {
  console.info(
    `Fake Mux on ${dev.fake.url} (${
      dev.fake.media
        ? `real HLS with ffmpeg ${dev.fake.media.tools.version}`
        : 'no ffmpeg: videos get ready but do not play'
    }); set MUX_TOKEN_ID/MUX_TOKEN_SECRET for real Mux, or MUX_FAKE=false to run without.`,
  )
}

const child = spawn(
  process.execPath,
  ['--conditions=production', '--import', 'tsx', entry, ...args],
  { stdio: 'inherit', env: { ...process.env, ...dev?.appEnv } },
)

// Ctrl-C reaches the child too (same process group); a SIGTERM sent to this process is passed on.
process.on('SIGINT', () => undefined)
process.on('SIGTERM', () => child.kill('SIGTERM'))

child.once('exit', (code, signal) => {
  void (dev?.fake.stop() ?? Promise.resolve()).then(() => process.exit(code ?? (signal ? 1 : 0)))
})
