import { invalid, matchesPattern } from './fakeMuxHttp'

/**
 * Makes the next `count` matching API requests fail:
 * - `status`: answer `status` (default 500); a 429 carries `retry-after`.
 * - `hang`: never answer, so the client times out. With `commit`, the request is carried out
 *   first, which is how a retried create ends up happening twice.
 * - `reset`: drop the connection; on an upload URL, once the upload holds `afterBytes`.
 * - `delay`: carry the request out at once but answer only after `delayMs`, so the webhooks it
 *   causes overtake the answer (as they can with real Mux).
 */
export interface ApiFailureRule {
  mode: 'status' | 'hang' | 'reset' | 'delay'
  status?: number
  retryAfterSeconds?: number
  count?: number
  /** GET, POST ...; any when absent. */
  method?: string
  /** Exact path, or a prefix ending in `*`, e.g. `/video/v1/assets*`. */
  path?: string
  commit?: boolean
  delayMs?: number
  /** Upload URLs (`path: '/upload/*'`) only: a `reset` drops the connection at this many bytes. */
  afterBytes?: number
}

interface ArmedRule extends ApiFailureRule {
  remaining: number
}

const modes = new Set(['status', 'hang', 'reset', 'delay'])

export const parseFailureRule = (input: unknown): ApiFailureRule => {
  const rule = input as Partial<ApiFailureRule> | null
  if (!rule || typeof rule !== 'object' || !modes.has(String(rule.mode))) {
    throw invalid('A failure rule needs mode: status | hang | reset | delay')
  }
  return rule as ApiFailureRule
}

export class ApiFailures {
  private rules: ArmedRule[] = []

  add(rules: ApiFailureRule[]): void {
    this.rules.push(...rules.map((rule) => ({ ...rule, remaining: rule.count ?? 1 })))
  }

  clear(): void {
    this.rules = []
  }

  /**
   * The rule this request trips, if any; tripping uses up one of its `count`. Upload URLs are
   * only hit by rules that name them (`explicitOnly`), so API rules leave transfers alone.
   */
  take(
    method: string,
    path: string,
    {
      explicitOnly = false,
      trips = () => true,
    }: { explicitOnly?: boolean; trips?: (rule: ApiFailureRule) => boolean } = {},
  ): ApiFailureRule | null {
    const rule = this.rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (!explicitOnly || !!candidate.path) &&
        trips(candidate) &&
        (!candidate.method || candidate.method.toUpperCase() === method) &&
        matchesPattern(candidate.path, path),
    )
    if (!rule) return null
    rule.remaining -= 1
    this.rules = this.rules.filter((candidate) => candidate.remaining > 0)
    return rule
  }

  pending(): Array<ApiFailureRule & { remaining: number }> {
    return this.rules.map((rule) => ({ ...rule }))
  }
}
