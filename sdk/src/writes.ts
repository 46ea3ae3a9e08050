import { problemOf, unwrap } from './problem.js'
import { sleep } from './retry.js'
import type { RawCall } from './types.js'

export interface CreateOptions {
  /**
   * Defaults to a fresh random key per call, reused by the client's own retries: a create whose
   * answer was lost is answered from the first outcome, never made twice. Pass a key derived
   * from the source record to make a whole re-run idempotent (the service keeps keys 24 h).
   */
  idempotencyKey?: string
  signal?: AbortSignal
}

/** POST with an Idempotency-Key; the created record, or a ProblemError. */
export async function create(post: RawCall, path: string, body: unknown, options: CreateOptions = {}): Promise<unknown> {
  const key = options.idempotencyKey ?? globalThis.crypto.randomUUID()
  return unwrap(await post(path, { body, headers: { 'idempotency-key': key }, signal: options.signal }))
}

export interface UpdateOptions {
  /** `retry` (default): on 412, read the record again and re-apply the patch. `fail`: throw the 412. */
  conflict?: 'retry' | 'fail'
  /** Most PATCHes sent in all, when conflicts keep coming (default 10); then the 412 is thrown. */
  attempts?: number
  /** The version the change is based on (the record's `version` or its ETag): the first PATCH is sent with it, unread. */
  ifMatch?: number | string
  signal?: AbortSignal
  /** Told on each 412 that is retried. */
  onConflict?: (attempt: number) => void
}

const etag = (version: number | string) => (typeof version === 'number' ? `"${version}"` : version)

/**
 * A merge patch (RFC 7396) sent with If-Match, so it applies only to the version it was made
 * from (RFC 9110 §13.1.1). `patch` may be a function of the current record — append to an array,
 * add to a count — and is then run again on the fresh record after each 412: no change by a
 * concurrent writer is lost. A function answering `undefined` means nothing to change; it may be async.
 */
export async function update(
  get: RawCall,
  patchCall: RawCall,
  collection: string,
  id: string,
  patch: unknown,
  options: UpdateOptions = {},
): Promise<unknown> {
  const attempts = options.conflict === 'fail' ? 1 : Math.max(1, options.attempts ?? 10)
  const path = `${collection}/{id}`
  const params = { path: { id } }
  for (let attempt = 1; ; attempt++) {
    let ifMatch = attempt === 1 && options.ifMatch !== undefined ? etag(options.ifMatch) : undefined
    let body = patch
    if (typeof patch === 'function' || ifMatch === undefined) {
      const read = await get(path, { params, signal: options.signal })
      const current = unwrap(read)
      ifMatch ??= read.response.headers.get('etag') ?? undefined
      if (typeof patch === 'function') body = await (patch as (current: unknown) => unknown)(current)
      if (body === undefined) return current
    }
    const result = await patchCall(path, {
      params: { ...params, header: { 'if-match': ifMatch } },
      body,
      headers: { 'content-type': 'application/merge-patch+json' },
      signal: options.signal,
    })
    if (result.response.ok) return result.data
    if (result.response.status !== 412 || attempt >= attempts) throw problemOf(result.response, result.error)
    options.onConflict?.(attempt)
    // A little random spacing, so writers that collided do not collide again in lockstep.
    await sleep(Math.random() * Math.min(500, 20 * attempt), options.signal)
  }
}
