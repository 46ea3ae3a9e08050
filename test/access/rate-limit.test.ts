import t from 'tap'
import { hashSecret } from '../../src/db/api-keys.js'
import { KeyCache } from '../../src/http/auth.js'
import { assertProblem, buildTestApp, clientFor } from '../helpers/app.js'

const { app, admin, keyWith } = await buildTestApp(t, { config: { rateLimitPerMinute: 3 } })

t.test('each API key has its own budget; past it, 429 with Retry-After', async (t) => {
  for (let i = 0; i < 3; i++) t.equal((await admin.get('/v1/grid-units')).status, 200)
  const limited = await admin.get('/v1/grid-units')
  assertProblem(t, limited, 429, 'rate-limited')
  t.match(String(limited.headers['retry-after']), /^\d+$/)
  const other = await keyWith(['grid-units:read'])
  t.equal((await other.get('/v1/grid-units')).status, 200, 'another key is not affected')
  t.equal((await clientFor(app).get('/healthz')).status, 200, 'health checks are not limited')
})

t.test('unknown keys are limited per client address, without a database lookup past the budget', async (t) => {
  const { app: limited, adminKey } = await buildTestApp(t, { config: { authFailuresPerMinute: 3 } })
  const from = (remoteAddress: string, key: string) =>
    limited.inject({ url: '/v1/grid-units', remoteAddress, headers: { authorization: `Bearer ${key}` } })
  const randomKey = () => `guess-${Math.random().toString(36).slice(2)}${'0'.repeat(24)}`
  t.equal((await from('203.0.113.7', adminKey)).statusCode, 200, 'a real key, used before the flood')
  const statuses: number[] = []
  for (let i = 0; i < 20; i++) statuses.push((await from('203.0.113.7', randomKey())).statusCode)
  t.same(statuses, [401, 401, 401, ...Array(17).fill(429)], 'three unknown keys, then 429 for every further one')
  const refused = await from('203.0.113.7', randomKey())
  t.match(String(refused.headers['retry-after']), /^[1-9]\d*$/, 'with Retry-After')
  t.equal(refused.json().type.split('/problems/')[1], 'rate-limited')
  t.equal((await from('203.0.113.7', adminKey)).statusCode, 200, 'the real key still works from that address')
  t.equal((await from('198.51.100.9', randomKey())).statusCode, 401, 'another address has its own budget')
})

t.test('a flood of unknown keys never pushes a real key out of the key cache', async (t) => {
  const { database, adminKey } = await buildTestApp(t)
  const cache = new KeyCache(database.db, 60_000, 2, 2)
  const real = { secret: adminKey, hash: hashSecret(adminKey) }
  t.ok(await cache.lookup(real), 'the real key is found')
  for (let i = 0; i < 50; i++) {
    const secret = `flood-${i}-${'0'.repeat(24)}`
    t.equal(await cache.lookup({ secret, hash: hashSecret(secret) }), null)
  }
  t.ok(cache.cached(real), 'still remembered: its next request costs no lookup')
  t.equal(cache.cached({ secret: 'flood-49', hash: hashSecret(`flood-49-${'0'.repeat(24)}`) }), null, 'a recent unknown key is remembered as unknown')
})
