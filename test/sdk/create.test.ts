import t from 'tap'
import { isProblem, ProblemError } from '../../sdk/src/index.js'
import { createCounty } from '../helpers/factories.js'
import { LossyProxy } from './fixtures/lossy-proxy.js'
import { dispute, liveService } from './fixtures/service.js'

// `create` sends an Idempotency-Key of its own and keeps it for its retries: an answer lost on
// the way back is asked for again and replayed by the service, never made a second record.

const svc = await liveService(t)
const sdk = svc.sdk()
const { grid } = await createCounty(svc.http)
let run = 0
const titled = (title: string) => dispute(grid.id, { title: `${title} ${++run}` })

async function countTitled(title: string) {
  let n = 0
  for await (const d of sdk.pages('/v1/disputes', { q: title })) if (d.title === title) n++
  return n
}

t.test('each create sends a fresh Idempotency-Key; the same body twice is two records', async (t) => {
  const keys: (string | null)[] = []
  const spy = { onRequest: ({ request }: { request: Request }) => void keys.push(request.headers.get('idempotency-key')) }
  sdk.api.use(spy)
  const body = titled('两次新建')
  const a = await sdk.create('/v1/disputes', body)
  const b = await sdk.create('/v1/disputes', body)
  sdk.api.eject(spy)
  t.not(a.id, b.id, 'two records')
  t.equal(new Set(keys).size, 2, 'two different keys')
  t.ok(keys.every((k) => k && /^[0-9a-f-]{36}$/.test(k)), 'random UUID keys')
})

t.test('a key given by the caller makes a repeat answer the first record', async (t) => {
  const body = titled('同键重复')
  const first = await sdk.create('/v1/disputes', body, { idempotencyKey: `hotline-${run}` })
  const again = await sdk.create('/v1/disputes', body, { idempotencyKey: `hotline-${run}` })
  t.equal(again.id, first.id, 'the first record, replayed')
  t.equal(await countTitled(body.title), 1, 'one record')
  const other = await sdk.create('/v1/disputes', { ...body, title: '另一件' }, { idempotencyKey: `hotline-${run}` }).catch((e: unknown) => e)
  t.ok(isProblem(other, 'idempotency-key-reused'), 'the same key for another body is refused')
  t.equal((other as ProblemError).status, 422)
})

t.test('a refused create is a ProblemError naming the broken rules or fields', async (t) => {
  const resolved = await sdk.create('/v1/disputes', { ...titled('已化解无结果'), status: 'resolved' }).catch((e: unknown) => e)
  t.ok(isProblem(resolved, 'rule-violation'), 'rule-violation')
  t.match((resolved as ProblemError).violations, [{ rule: 'resolution-required' }], 'the rule, by its id')
  const misspelt = await sdk.create('/v1/disputes', { ...titled('拼错'), stauts: 'reported' } as never).catch((e: unknown) => e)
  t.ok(isProblem(misspelt, 'validation-error'), 'validation-error')
  t.match((misspelt as ProblemError).errors, [{ in: 'body', pointer: '/stauts' }], 'the unknown field, by pointer')
})

t.test('a create whose answer is lost is repeated with the same key: one record', async (t) => {
  const proxy = await LossyProxy.start(svc.baseUrl)
  t.teardown(() => proxy.close())
  const retried: string[] = []
  const client = svc.sdk({ baseUrl: proxy.baseUrl, retry: { baseDelayMs: 10, onRetry: (r) => void retried.push(String(r.reason)) } })
  const keys: (string | null)[] = []
  client.api.use({ onRequest: ({ request }) => void keys.push(request.headers.get('idempotency-key')) })

  proxy.lose(1, (req) => req.method === 'POST')
  const body = titled('应答丢失')
  const created = await client.create('/v1/disputes', body)
  t.same(proxy.lost, ['POST /v1/disputes 201'], 'the first answer was lost after the record was made')
  t.equal(proxy.forwarded.POST, 2, 'the create was sent again')
  t.same(retried, ['network'], 'retried because no answer came')
  t.equal(keys.length, 1, 'one call of the client')
  t.equal(created.title, body.title)
  t.equal(await countTitled(body.title), 1, 'one record, not two')
  t.same((await sdk.api.GET('/v1/disputes/{id}', { params: { path: { id: created.id } } })).data?.version, 1, 'the answer is that record')
})

t.test('a POST without a key whose answer is lost is not repeated (it may have happened)', async (t) => {
  const proxy = await LossyProxy.start(svc.baseUrl)
  t.teardown(() => proxy.close())
  const client = svc.sdk({ baseUrl: proxy.baseUrl, retry: { baseDelayMs: 10 } })
  proxy.lose(1, (req) => req.method === 'POST')
  const body = titled('无键丢失')
  const failed = await client.api.POST('/v1/disputes', { body }).catch((e: unknown) => e)
  t.type(failed, TypeError, 'the lost answer surfaces as a network error')
  t.equal(proxy.forwarded.POST, 1, 'sent once')
  t.equal(await countTitled(body.title), 1, 'the record exists: a blind repeat would have made two')
})
