import { startDevFakeMux } from './devFakeMux'

// `npm run mux:fake`: the local Mux alone (`npm run dev` starts the same one beside the app when
// no Mux credentials are set). Point an app at it with the variables printed below; it posts
// signed webhooks to the app like Mux does and, with ffmpeg, serves real HLS.

const { fake, appEnv } = await startDevFakeMux(process.env)

console.info(`Fake Mux listening on ${fake.url}, posting webhooks to ${fake.config.webhookUrl}
${fake.media ? `Real HLS, thumbnails and storyboards with ffmpeg ${fake.media.tools.version} (files in ${fake.media.dir})` : 'No ffmpeg: assets become ready but play nothing'}

Set these for the app:
${Object.entries(appEnv)
  .map(([name, value]) => `  ${name}=${value}`)
  .join('\n')}

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
