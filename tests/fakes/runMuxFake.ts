import { randomBytes } from 'node:crypto'

import { startFakeMux } from './fakeMux'

// `npm run mux:fake`: a local Mux for development without a tunnel. Point the app at it with
// the variables printed below; it posts signed webhooks to the app like Mux does.

const port = Number(process.env.FAKE_MUX_PORT ?? 4001)
const webhookUrl = process.env.FAKE_MUX_WEBHOOK_URL ?? 'http://127.0.0.1:3000/api/mux/webhook'
const webhookSecret = process.env.MUX_WEBHOOK_SECRET || randomBytes(16).toString('hex')
const tokenId = process.env.MUX_TOKEN_ID || 'fake-token-id'
const tokenSecret = process.env.MUX_TOKEN_SECRET || 'fake-token-secret'

const fake = await startFakeMux({
  port,
  host: process.env.FAKE_MUX_HOST ?? '127.0.0.1',
  tokenId,
  tokenSecret,
  webhookUrl,
  webhookSecret,
  readyDelayMs: Number(process.env.FAKE_MUX_READY_DELAY_MS ?? 2000),
  digestUploads: process.env.FAKE_MUX_DIGEST_UPLOADS !== 'false',
})

console.info(`Fake Mux listening on ${fake.url}, posting webhooks to ${webhookUrl}

Set these for the app:
  MUX_BASE_URL=${fake.url}
  MUX_TOKEN_ID=${tokenId}
  MUX_TOKEN_SECRET=${tokenSecret}
  MUX_WEBHOOK_SECRET=${webhookSecret}

Control it (see tests/fakes/fakeMux.ts):
  GET    ${fake.url}/_fake/state
  GET    ${fake.url}/_fake/uploads
  PATCH  ${fake.url}/_fake/config               {"webhookUrl": "...", "readyDelayMs": 200, "autoReady": false}
  POST   ${fake.url}/_fake/failures             {"mode": "status", "status": 500, "count": 2, "path": "/video/v1/assets*"}
  POST   ${fake.url}/_fake/webhooks/rules       {"action": "duplicate" | "drop" | "delay" | "reverse" | "stale-signature", "count": 1}
  POST   ${fake.url}/_fake/webhooks/hold | release {"order": "reverse"}
  POST   ${fake.url}/_fake/webhooks/redeliver/:eventId
  POST   ${fake.url}/_fake/assets/:id/ready | errored
  POST   ${fake.url}/_fake/reset
`)

const shutDown = () => {
  void fake.stop().then(() => process.exit(0))
}
process.once('SIGINT', shutDown)
process.once('SIGTERM', shutDown)
