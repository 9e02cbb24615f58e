import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Each test worker writes uploads to its own throw-away directory and signs with its own secret.
process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-media-'))
process.env.PAYLOAD_SECRET ??= crypto.randomBytes(24).toString('hex')
process.env.DISABLE_PAYLOAD_HMR = 'true'
// Every test database is brand-new: push the schema each time, not only when it changed since
// the previous push in this process (Payload's development shortcut).
process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
