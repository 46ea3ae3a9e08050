import t from 'tap'
import { isSafeToRepeat, retryAfterMs } from '../../sdk/src/index.js'
import { backoffMs } from '../../sdk/src/retry.js'

// The rules under the client's retries (RFC 9110 §9.2.2 idempotent methods, §10.2.3 Retry-After).

const request = (method: string, headers: Record<string, string> = {}) => new Request('http://127.0.0.1/v1/disputes', { method, headers, ...(method === 'GET' || method === 'HEAD' ? {} : { body: '{}' }) })

t.test('only requests that are safe to send twice are repeated', async (t) => {
  t.ok(isSafeToRepeat(request('GET')), 'GET')
  t.ok(isSafeToRepeat(request('HEAD')), 'HEAD')
  t.ok(isSafeToRepeat(request('POST', { 'Idempotency-Key': 'k-1' })), 'POST with an Idempotency-Key')
  t.notOk(isSafeToRepeat(request('POST')), 'not a POST without one')
  t.notOk(isSafeToRepeat(request('PATCH', { 'If-Match': '"3"' })), 'not a PATCH: update() handles its own conflicts')
  t.notOk(isSafeToRepeat(request('DELETE')), 'not a DELETE')
})

t.test('Retry-After as seconds or as an HTTP date', async (t) => {
  const answer = (value?: string) => new Response(null, { status: 429, headers: value === undefined ? {} : { 'retry-after': value } })
  t.equal(retryAfterMs(answer('17')), 17_000)
  t.equal(retryAfterMs(answer()), undefined)
  t.equal(retryAfterMs(answer('soon')), undefined, 'an unreadable value is ignored')
  const inTenSeconds = retryAfterMs(answer(new Date(Date.now() + 10_000).toUTCString()))!
  t.ok(inTenSeconds > 8_000 && inTenSeconds <= 10_000, 'a date becomes the time until it')
  t.equal(retryAfterMs(answer(new Date(Date.now() - 60_000).toUTCString())), 0, 'a date passed means now')
})

t.test('back-off doubles from the base, never above the bound, with jitter in its upper half', async (t) => {
  for (let attempt = 1; attempt <= 12; attempt++) {
    const step = Math.min(5_000, 200 * 2 ** (attempt - 1))
    for (let i = 0; i < 50; i++) {
      const ms = backoffMs(attempt, 200, 5_000)
      if (ms < step / 2 || ms > step) t.fail(`attempt ${attempt}: ${ms} ms outside ${step / 2}..${step}`)
    }
  }
  t.pass('every delay within its step')
})
