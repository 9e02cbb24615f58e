import { createHmac, randomUUID } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'

import { invalid, matchesPattern, TimerSet } from './fakeMuxHttp'

export interface FakeWebhookEvent {
  type: string
  id: string
  created_at: string
  object: { type: string; id: string }
  data: Record<string, unknown>
  environment: { id: string; name: string }
  attempts: FakeDeliveryAttempt[]
}

export interface FakeDeliveryAttempt {
  id: string
  address: string
  created_at: string
  max_attempts: number
  response_status_code: number | null
  response_body: string | null
  webhook_id: number
}

/**
 * Chaos for the next `count` matching events (first attempt only):
 * - `duplicate`: deliver `copies` extra times (default 1), even though the first got a 2xx.
 * - `drop`: never deliver (a lost webhook); `redeliver` can still send it later.
 * - `delay`: deliver after `delayMs`, so later events overtake it.
 * - `reverse`: hold `count` events, then deliver them newest first.
 * - `bad-signature`, `stale-signature`, `missing-signature`: sign wrongly, with a timestamp
 *   ten minutes old, or not at all. Mux retries the rejected delivery, correctly signed.
 */
export interface WebhookRule {
  action:
    | 'duplicate'
    | 'drop'
    | 'delay'
    | 'reverse'
    | 'bad-signature'
    | 'stale-signature'
    | 'missing-signature'
  count?: number
  /** Event type, or a prefix ending in `*`. */
  type?: string
  copies?: number
  delayMs?: number
}

export type EventDeliveryState =
  'not-sent' | 'queued' | 'held' | 'dropped' | 'delivering' | 'delivered' | 'failed'

export interface FakeEventRecord {
  event: FakeWebhookEvent
  state: EventDeliveryState
  /** Every POST made for this event, across retries and duplicates. */
  deliveries: FakeDeliveryAttempt[]
}

type Signing = 'valid' | 'bad' | 'stale' | 'missing'

interface ArmedRule extends WebhookRule {
  remaining: number
  reversed: FakeEventRecord[]
}

const actions = new Set([
  'duplicate',
  'drop',
  'delay',
  'reverse',
  'bad-signature',
  'stale-signature',
  'missing-signature',
])

export const parseWebhookRule = (input: unknown): WebhookRule => {
  const rule = input as Partial<WebhookRule> | null
  if (!rule || typeof rule !== 'object' || !actions.has(String(rule.action))) {
    throw invalid(`A webhook rule needs action: ${[...actions].join(' | ')}`)
  }
  return rule as WebhookRule
}

export interface WebhookDispatcherOptions {
  url: () => string | null
  secret: () => string | null
  maxAttempts: number
  retryBaseMs: number
  timers: TimerSet
}

const signatureHeader = (body: string, secret: string, signing: Signing): string | null => {
  if (signing === 'missing') return null
  const timestamp = Math.floor(Date.now() / 1000) - (signing === 'stale' ? 600 : 0)
  const key = signing === 'bad' ? `${secret}-wrong` : secret
  const v1 = createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${v1}`
}

/** Posts events like Mux: signed, retried with backoff on non-2xx, in order unless told not to. */
export class WebhookDispatcher {
  readonly records: FakeEventRecord[] = []
  private rules: ArmedRule[] = []
  private holding = false
  private held: FakeEventRecord[] = []
  private queue: Promise<void> = Promise.resolve()
  private readonly inFlight = new Set<http.ClientRequest>()
  private closed = false
  /** Bumped on reset: queued attempts from before are skipped. */
  private generation = 0

  constructor(private readonly options: WebhookDispatcherOptions) {}

  publish(type: string, object: { type: string; id: string }, data: Record<string, unknown>) {
    const record: FakeEventRecord = {
      event: {
        type,
        id: randomUUID(),
        created_at: new Date().toISOString(),
        object,
        data: structuredClone(data),
        environment: { id: 'fake-env', name: 'Fake Mux' },
        attempts: [],
      },
      state: 'queued',
      deliveries: [],
    }
    this.records.push(record)
    if (!this.options.url()) {
      record.state = 'not-sent'
      return record
    }
    if (this.holding) {
      record.state = 'held'
      this.held.push(record)
      return record
    }
    this.route(record)
    return record
  }

  addRules(rules: WebhookRule[]) {
    this.rules.push(...rules.map((rule) => ({ ...rule, remaining: rule.count ?? 1, reversed: [] })))
  }

  clearRules() {
    for (const rule of this.rules) this.flushReversed(rule)
    this.rules = []
  }

  pendingRules() {
    return this.rules.map(({ reversed, ...rule }) => ({ ...rule, holding: reversed.length }))
  }

  /** Keep every new event until `release`. */
  hold() {
    this.holding = true
  }

  release(order: 'fifo' | 'reverse' = 'fifo') {
    this.holding = false
    const released = order === 'reverse' ? [...this.held].reverse() : this.held
    this.held = []
    for (const record of released) this.route(record)
  }

  /** Send an event again, whatever happened to it before. */
  redeliver(eventId: string): boolean {
    const record = this.records.find((candidate) => candidate.event.id === eventId)
    if (!record || !this.options.url()) return false
    this.enqueue(record, 'valid')
    return true
  }

  close() {
    this.closed = true
    this.abandonDeliveries()
  }

  /** Forget every event and delivery, as if freshly started (timers are the caller's). */
  reset() {
    this.abandonDeliveries()
    this.records.length = 0
    this.rules = []
    this.held = []
    this.holding = false
  }

  private abandonDeliveries() {
    this.generation += 1
    for (const request of this.inFlight) request.destroy()
    this.inFlight.clear()
  }

  private takeRule(record: FakeEventRecord): ArmedRule | null {
    const rule = this.rules.find(
      (candidate) => candidate.remaining > 0 && matchesPattern(candidate.type, record.event.type),
    )
    if (rule) rule.remaining -= 1
    return rule ?? null
  }

  private route(record: FakeEventRecord) {
    const rule = this.takeRule(record)
    switch (rule?.action) {
      case 'drop':
        record.state = 'dropped'
        break
      case 'delay':
        record.state = 'held'
        this.options.timers.after(rule.delayMs ?? 500, () => this.enqueue(record, 'valid'))
        break
      case 'duplicate':
        for (let copy = 0; copy <= (rule.copies ?? 1); copy += 1) this.enqueue(record, 'valid')
        break
      case 'reverse':
        record.state = 'held'
        rule.reversed.push(record)
        if (rule.remaining === 0) this.flushReversed(rule)
        break
      case 'bad-signature':
        this.enqueue(record, 'bad')
        break
      case 'stale-signature':
        this.enqueue(record, 'stale')
        break
      case 'missing-signature':
        this.enqueue(record, 'missing')
        break
      default:
        this.enqueue(record, 'valid')
    }
    this.rules = this.rules.filter(
      (candidate) => candidate.remaining > 0 || candidate.reversed.length,
    )
  }

  private flushReversed(rule: ArmedRule) {
    const batch = rule.reversed.reverse()
    rule.reversed = []
    for (const record of batch) this.enqueue(record, 'valid')
  }

  /** First attempts go out one at a time, in order; retries are scheduled on their own. */
  private enqueue(record: FakeEventRecord, signing: Signing) {
    record.state = 'queued'
    const generation = this.generation
    this.queue = this.queue.then(() => this.attempt(record, signing, [], generation))
  }

  private async attempt(
    record: FakeEventRecord,
    signing: Signing,
    previous: FakeDeliveryAttempt[],
    generation: number,
  ) {
    const url = this.options.url()
    const secret = this.options.secret()
    if (this.closed || !url || generation !== this.generation) return
    record.state = 'delivering'
    const body = JSON.stringify({ ...record.event, attempts: previous })
    const header = signatureHeader(body, secret ?? '', signing)
    const result = await this.post(url, body, header)
    const attempt: FakeDeliveryAttempt = {
      id: randomUUID(),
      address: url,
      created_at: new Date().toISOString(),
      max_attempts: this.options.maxAttempts,
      response_status_code: result.status,
      response_body: result.body,
      webhook_id: 1,
    }
    record.deliveries.push(attempt)
    const attempts = [...previous, attempt]
    if (result.status !== null && result.status >= 200 && result.status < 300) {
      record.state = 'delivered'
      return
    }
    if (attempts.length >= this.options.maxAttempts || generation !== this.generation) {
      record.state = 'failed'
      return
    }
    record.state = 'queued'
    const backoff = this.options.retryBaseMs * 2 ** (attempts.length - 1)
    this.options.timers.after(backoff, () => {
      void this.attempt(record, 'valid', attempts, generation)
    })
  }

  private post(url: string, body: string, signature: string | null) {
    return new Promise<{ status: number | null; body: string | null }>((resolve) => {
      const target = new URL(url)
      const transport = target.protocol === 'https:' ? https : http
      const request = transport.request(target, {
        method: 'POST',
        agent: false,
        timeout: 5000,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Mux Fake Webhooks',
          ...(signature ? { 'mux-signature': signature } : {}),
        },
      })
      this.inFlight.add(request)
      const finish = (status: number | null, responseBody: string | null) => {
        this.inFlight.delete(request)
        resolve({ status, body: responseBody })
      }
      request.on('timeout', () => request.destroy(new Error('webhook timed out')))
      request.on('error', (error) => finish(null, String(error)))
      request.on('response', (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          if (text.length < 1000) text += chunk
        })
        response.on('end', () => finish(response.statusCode ?? null, text.slice(0, 1000)))
        response.on('error', (error) => finish(null, String(error)))
      })
      request.end(body)
    })
  }
}
