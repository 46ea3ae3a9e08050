import { retryAfterMs } from './problem.js'

export interface RetryOptions {
  /** Retries after the first try (default 5; 0 turns retrying off). */
  retries?: number
  /** First back-off step when the answer names no Retry-After (default 250 ms); doubles per retry, with jitter. */
  baseDelayMs?: number
  /**
   * The longest single wait (default 60 s: the service's rate limit counts per minute, so its
   * Retry-After is at most that). A Retry-After beyond it is not waited for: the 429 or 503 is
   * returned at once, so a caller never sleeps longer than it agreed to.
   */
  maxDelayMs?: number
  /** Statuses worth repeating (default 429 and 503). */
  statuses?: number[]
  /** Told before each wait: for logs and metrics. */
  onRetry?: (retry: RetryEvent) => void
}

export interface RetryEvent {
  method: string
  url: string
  /** 1 for the first retry. */
  attempt: number
  /** The status that is retried, or `network` when no answer came. */
  reason: number | 'network'
  /** The wait chosen: the answer's Retry-After when it named one, else the back-off. */
  delayMs: number
  retryAfterMs: number | undefined
}

/**
 * Safe to send twice (RFC 9110 §9.2.1–9.2.2): GET and HEAD change nothing; a POST (or any request)
 * with an Idempotency-Key is answered by the service from its first outcome. Nothing else is
 * repeated: a PATCH or a key-less POST whose answer was lost may already have happened.
 */
export function isSafeToRepeat(request: Request): boolean {
  return request.method === 'GET' || request.method === 'HEAD' || request.headers.has('idempotency-key')
}

/** An abortable sleep. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** Exponential back-off with "equal jitter": half fixed, half random, so retrying clients spread out. */
export function backoffMs(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))
  return Math.round(step / 2 + Math.random() * (step / 2))
}

type Fetch = (request: Request) => Promise<Response>

/**
 * A fetch that repeats safe requests on 429, 503 and lost connections, honouring Retry-After.
 * Each attempt sends a clone, so the body (and an Idempotency-Key) is the same every time.
 */
export function retryingFetch(options: RetryOptions = {}, base: Fetch = (r) => globalThis.fetch(r)): Fetch {
  const retries = options.retries ?? 5
  const baseDelayMs = options.baseDelayMs ?? 250
  const maxDelayMs = options.maxDelayMs ?? 60_000
  const statuses = new Set(options.statuses ?? [429, 503])
  return async (request) => {
    if (retries === 0 || !isSafeToRepeat(request)) return base(request)
    for (let attempt = 1; ; attempt++) {
      const last = attempt > retries
      let response: Response
      try {
        response = await base(last ? request : request.clone())
      } catch (error) {
        // An abort is the caller's decision, not a fault to ride out.
        if (last || request.signal.aborted) throw error
        const delayMs = backoffMs(attempt, baseDelayMs, maxDelayMs)
        options.onRetry?.({ method: request.method, url: request.url, attempt, reason: 'network', delayMs, retryAfterMs: undefined })
        await sleep(delayMs, request.signal)
        continue
      }
      if (last || !statuses.has(response.status)) return response
      const asked = retryAfterMs(response)
      if (asked !== undefined && asked > maxDelayMs) return response
      const delayMs = asked ?? backoffMs(attempt, baseDelayMs, maxDelayMs)
      await response.body?.cancel()
      options.onRetry?.({ method: request.method, url: request.url, attempt, reason: response.status, delayMs, retryAfterMs: asked })
      await sleep(delayMs, request.signal)
    }
  }
}
