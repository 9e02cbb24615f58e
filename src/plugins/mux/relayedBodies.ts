import { randomBytes } from 'node:crypto'

/**
 * Request bodies handed from the Express server to Payload's endpoints as Node streams, so a
 * multi-GB upload is read without a Web-stream adapter in between. The key travels in a header
 * the Express route sets (and strips from what clients send); an unknown key finds nothing, so
 * the header alone gets a client nothing. Kept on `globalThis`: the Express process and Next's
 * bundle load this module twice.
 */
export const relayedBodyHeader = 'x-reelhouse-body-key'

type Registry = Map<string, AsyncIterable<Uint8Array>>

const registry = (): Registry => {
  const holder = globalThis as { [key: symbol]: Registry | undefined }
  const key = Symbol.for('reelhouse.relayedBodies')
  return (holder[key] ??= new Map())
}

/** Registers a body; the returned key is valid until taken or released. */
export const relayBody = (body: AsyncIterable<Uint8Array>): { key: string; release(): void } => {
  const key = randomBytes(18).toString('base64url')
  registry().set(key, body)
  return { key, release: () => void registry().delete(key) }
}

/** The body registered under this key, once. */
export const takeRelayedBody = (key: string | null): AsyncIterable<Uint8Array> | null => {
  if (!key) return null
  const body = registry().get(key) ?? null
  registry().delete(key)
  return body
}
