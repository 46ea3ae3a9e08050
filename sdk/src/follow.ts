import type { components } from '../schema.js'
import { ProblemError, unwrap } from './problem.js'
import { sleep } from './retry.js'
import type { Op, Query, RawCall } from './types.js'

export type AuditEvent = components['schemas']['AuditEvent']
type FeedQuery = Query<Op<'/v1/audit-events', 'get'>>

export interface FollowOptions {
  /**
   * Where to resume: the `seq` of the last event applied, or a batch's `cursor` (as stored with
   * what was applied). Absent: from the first event ever recorded.
   */
  after?: string | number
  resourceType?: FeedQuery['resourceType']
  resourceId?: string
  /** Events per call, 1..1000 (default 100). */
  limit?: number
  /** Wait between polls when there is nothing new: from `min`, doubling while idle, never above `max` (default 500 ms .. 10 s). */
  poll?: { minMs?: number; maxMs?: number }
  /** End the iteration once the feed has nothing newer (for a catch-up run) instead of waiting. */
  stopWhenCaughtUp?: boolean
  /** Ends the iteration (normally, not with an error), also in the middle of a wait. */
  signal?: AbortSignal
  /**
   * Told when a call still failed with 429, 503 or no connection after the client's own
   * retries; following goes on after the longest poll wait. Anything else ends it with the error.
   */
  onTransientError?: (error: unknown) => void
}

const transient = (error: unknown) =>
  error instanceof ProblemError ? error.status === 429 || error.status === 503 : error instanceof TypeError

export interface FeedBatch {
  /** The events of one call, in `seq` order (possibly none, when only the cursor moved). */
  events: AuditEvent[]
  /** Where to resume once every event of the batch is applied: store it with what they changed. */
  cursor: string
  /** True when the feed had nothing newer at the time of the call. */
  caughtUp: boolean
}

/**
 * The change feed (`/v1/audit-events`) from a stored position, one call's events at a time, for
 * ever (or until caught up, or aborted). The service numbers an event only once its transaction
 * has committed, so nothing can appear behind a position already passed: a consumer that stores
 * the batch's `cursor` together with what the batch changed (one atomic write) resumes after a
 * crash with no event missed and none repeated.
 */
export async function* followBatches(get: RawCall, options: FollowOptions = {}): AsyncGenerator<FeedBatch, void, undefined> {
  const { signal, limit = 100 } = options
  const minMs = options.poll?.minMs ?? 500
  const maxMs = Math.max(minMs, options.poll?.maxMs ?? 10_000)
  let after = String(options.after ?? '0')
  let idle = 0
  const wait = async (ms: number) => {
    try {
      await sleep(ms, signal)
      return true
    } catch {
      return false
    }
  }
  while (!signal?.aborted) {
    let page: components['schemas']['AuditEventList']
    try {
      const query = { after, limit, resourceType: options.resourceType, resourceId: options.resourceId }
      page = unwrap(await get('/v1/audit-events', { params: { query }, signal })) as typeof page
    } catch (error) {
      if (signal?.aborted) return
      if (!transient(error)) throw error
      options.onTransientError?.(error)
      if (!(await wait(maxMs))) return
      continue
    }
    const caughtUp = page.items.length < limit
    const moved = page.nextCursor !== after
    after = page.nextCursor
    if (page.items.length > 0 || moved) yield { events: page.items, cursor: after, caughtUp }
    if (!caughtUp) continue
    if (options.stopWhenCaughtUp) return
    idle = page.items.length === 0 ? idle + 1 : 0
    if (!(await wait(Math.min(maxMs, minMs * 2 ** Math.max(0, idle - 1))))) return
  }
}

/**
 * The same feed one event at a time. Store each event's `seq` with what it changed (one atomic
 * write) and pass it back as `after` to resume exactly behind it.
 */
export async function* follow(get: RawCall, options: FollowOptions = {}): AsyncGenerator<AuditEvent, void, undefined> {
  for await (const batch of followBatches(get, options)) {
    for (const event of batch.events) {
      yield event
      if (options.signal?.aborted) return
    }
  }
}
