/** The part of autocannon 9's API the benchmarks use (the package ships no types). */
declare module 'autocannon' {
  export interface AutocannonOptions {
    url: string
    connections?: number
    duration?: number
    headers?: Record<string, string>
    method?: string
    timeout?: number
  }

  /** Percentiles of an HDR histogram, e.g. `p50`, `p97_5`, `p99`. */
  export interface Histogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    total: number
    p50: number
    p90: number
    p97_5: number
    p99: number
    p99_9: number
    [percentile: string]: number
  }

  export interface AutocannonResult {
    duration: number
    start: Date
    finish: Date
    errors: number
    timeouts: number
    non2xx: number
    resets: number
    '2xx': number
    '4xx': number
    '5xx': number
    statusCodeStats: Record<string, { count: number }>
    latency: Histogram & { totalCount: number }
    requests: Histogram & { sent: number }
    throughput: Histogram
  }

  export default function autocannon(options: AutocannonOptions): Promise<AutocannonResult>
}
