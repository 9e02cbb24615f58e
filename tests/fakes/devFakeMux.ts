import { generateKeyPairSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { startFakeMux, type FakeMux } from './fakeMux'

// The fake Mux as `npm run dev`, `npm run seed` and `npm run mux:fake` run it: on :4001, with
// real media when ffmpeg is installed, a playback signing key and webhook secret kept in
// data/fake-mux (so a restarted stack still plays what it encoded before), and the variables
// that point the app at it.

type Env = Record<string, string | undefined>

const set = (value: string | undefined) => Boolean(value?.trim())

/**
 * `MUX_FAKE=true` always, `MUX_FAKE=false` never; otherwise whenever no Mux credentials are set.
 */
export const fakeMuxWanted = (env: Env): boolean =>
  env.MUX_FAKE?.trim() === 'true' ||
  (env.MUX_FAKE?.trim() !== 'false' && !set(env.MUX_TOKEN_ID) && !set(env.MUX_TOKEN_SECRET))

interface DevSecrets {
  keyId: string
  privateKeyBase64: string
  publicKeyPem: string
  webhookSecret: string
}

const secretsOf = (dir: string): DevSecrets => {
  const file = path.join(dir, 'dev-secrets.json')
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as DevSecrets
  } catch {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const secrets: DevSecrets = {
      keyId: `fake-signing-key-${randomBytes(4).toString('hex')}`,
      privateKeyBase64: Buffer.from(
        privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      ).toString('base64'),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      webhookSecret: randomBytes(16).toString('hex'),
    }
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(file, JSON.stringify(secrets, null, 1), { mode: 0o600 })
    return secrets
  }
}

export interface DevFakeMux {
  fake: FakeMux
  /** What the app needs to use it (API, webhook secret, signing key, playback origins). */
  appEnv: Record<string, string>
}

const listen = async (port: number, start: (port: number) => Promise<FakeMux>) => {
  try {
    return await start(port)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error
    return start(0)
  }
}

export const startDevFakeMux = async (
  env: Env,
  { log = console.info }: { log?: (line: string) => void } = {},
): Promise<DevFakeMux> => {
  const dir = path.resolve(env.FAKE_MUX_DIR?.trim() || 'data/fake-mux')
  const secrets = secretsOf(dir)
  const tokenId = 'fake-token-id'
  const tokenSecret = 'fake-token-secret'
  const webhookSecret = env.FAKE_MUX_WEBHOOK_SECRET?.trim() || secrets.webhookSecret
  const host = env.FAKE_MUX_HOST?.trim() || '127.0.0.1'
  const webhookUrl =
    env.FAKE_MUX_WEBHOOK_URL?.trim() ||
    `http://127.0.0.1:${env.PORT?.trim() || 3000}/api/mux/webhook`
  const fake = await listen(Number(env.FAKE_MUX_PORT ?? 4001), (port) =>
    startFakeMux({
      port,
      host,
      tokenId,
      tokenSecret,
      webhookUrl,
      webhookSecret,
      readyDelayMs: Number(env.FAKE_MUX_READY_DELAY_MS ?? 2000),
      digestUploads: env.FAKE_MUX_DIGEST_UPLOADS !== 'false',
      // Like Mux (which retries for a day): the app may still be starting, or restarting.
      webhookMaxAttempts: 12,
      webhookRetryBaseMs: 1000,
      media:
        env.FAKE_MUX_MEDIA?.trim() === 'false'
          ? undefined
          : { dir, signingKeys: { [secrets.keyId]: secrets.publicKeyPem }, log },
    }),
  )
  const playbackUrl = env.FAKE_MUX_PUBLIC_URL?.trim() || fake.url
  return {
    fake,
    appEnv: {
      MUX_BASE_URL: fake.url,
      MUX_TOKEN_ID: tokenId,
      MUX_TOKEN_SECRET: tokenSecret,
      MUX_WEBHOOK_SECRET: webhookSecret,
      MUX_SIGNING_KEY: secrets.keyId,
      MUX_PRIVATE_KEY: secrets.privateKeyBase64,
      // Without media the fake serves no playback: the URLs stay Mux's, as before.
      ...(fake.media ? { MUX_STREAM_BASE_URL: playbackUrl, MUX_IMAGE_BASE_URL: playbackUrl } : {}),
    },
  }
}
