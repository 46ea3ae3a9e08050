import t from 'tap'
import { isProblem, type RetryEvent } from '../../sdk/src/index.js'
import { createCounty } from '../helpers/factories.js'
import { dispute, needsPostgres, processService } from './fixtures/service.js'

// A storm against a server started with a low RATE_LIMIT_PER_MINUTE: creates and page reads that
// meet 429 wait exactly the Retry-After the server names and then succeed — every create once;
// a request that is not safe to repeat is never repeated; a wait longer than the caller allows
// is not waited for.

const LIMIT = 20

t.test('a 429 storm', { skip: needsPostgres }, async (t) => {
  const svc = await processService(t, { env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) } })
  const retries: RetryEvent[] = []
  const sdk = svc.sdk({ retry: { onRetry: (r) => void retries.push(r) } }) // the default bounds
  const { grid } = await createCounty(svc.http) // 7 of the minute's 20 requests

  // 25 creates at once: 13 fit in this minute, 12 are refused with Retry-After and retried.
  const created = await Promise.all(Array.from({ length: 25 }, (_, i) => sdk.create('/v1/disputes', dispute(grid.id, { title: `限流风暴 ${i}` }))))
  t.equal(new Set(created.map((d) => d.id)).size, 25, 'all 25 created, each once')
  t.ok(retries.length >= 12, `the refused ones were retried (${retries.length} retries)`)
  t.ok(retries.every((r) => r.reason === 429 && r.method === 'POST'), 'retried because of 429')
  t.ok(retries.every((r) => r.retryAfterMs !== undefined && r.retryAfterMs > 0 && r.delayMs === r.retryAfterMs), 'each wait is the Retry-After the server named')

  retries.length = 0
  const listed = []
  for await (const d of sdk.pages('/v1/disputes', { gridUnitId: grid.id, limit: 10 })) listed.push(d.id)
  t.same(listed.sort(), created.map((d) => d.id).sort(), 'the list holds exactly those 25')

  // Use up the rest of this minute with a client that does not retry at all.
  const blunt = svc.sdk({ retry: { retries: 0 } })
  let status = 200
  for (let i = 0; i < LIMIT + 5 && status !== 429; i++) status = (await blunt.api.GET('/v1/grid-units', { params: { query: { limit: 1 } } })).response.status
  t.equal(status, 429, 'the minute is used up')

  retries.length = 0
  const keyless = await sdk.api.POST('/v1/disputes', { body: dispute(grid.id) })
  t.equal(keyless.response.status, 429, 'a POST without an Idempotency-Key gets its 429 back ...')
  t.same(retries, [], '... and is not repeated')
  t.equal(keyless.response.headers.get('content-type')?.split(';')[0], 'application/problem+json', 'as problem details')

  const impatient = svc.sdk({ retry: { maxDelayMs: 1000, onRetry: (r) => void retries.push(r) } })
  const refused = await impatient.pages('/v1/grid-units').next().catch((e: unknown) => e)
  t.ok(isProblem(refused, 'rate-limited'), 'a Retry-After beyond maxDelayMs is not waited for: the 429 is thrown')
  t.ok(isProblem(refused) && refused.retryAfterMs! > 1000, 'with the Retry-After the server named')
  t.same(retries, [], 'no retry was attempted')
})
