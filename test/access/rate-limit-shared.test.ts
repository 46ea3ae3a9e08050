import { Writable } from 'node:stream'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { createApiKey } from '../../src/db/api-keys.js'
import { loadConfig } from '../../src/config.js'
import { clientFor } from '../helpers/app.js'
import { freshDatabase } from '../helpers/database.js'
import { freePort } from '../faults/fixtures/server-process.js'
import { noRedis, startRedis } from '../helpers/redis.js'

// Two instances of the service on one database and one Redis (a server of this test's own):
// one API key's budget holds across both; with Redis stopped both keep answering, say so once,
// and show it on /metrics; when it is back, counting resumes.

const LIMIT = 6

t.test('two instances, one Redis', { skip: noRedis }, async (t) => {
  const redis = await startRedis((fn) => t.teardown(fn))
  const fresh = await freshDatabase()
  t.teardown(() => fresh.drop())
  const lines: string[][] = [[], []]
  const config = { ...loadConfig({ LOG_LEVEL: 'warn' }), rateLimitPerMinute: LIMIT, authFailuresPerMinute: 4, redisUrl: redis.url }
  const apps = await Promise.all(
    lines.map((sink) => buildApp(config, { database: fresh.database, logStream: new Writable({ write: (chunk, _e, done) => (sink.push(String(chunk)), done()) }) })),
  )
  t.teardown(() => Promise.all(apps.map((app) => app.close())))
  const { secret } = await createApiKey(fresh.database.db, { name: 'shared-budget', scopes: ['grid-units:read'] })
  const [a, b] = apps.map((app) => clientFor(app, secret))

  await t.test('one key, one budget across both instances', async (t) => {
    const statuses: number[] = []
    for (let i = 0; i < LIMIT + 2; i++) statuses.push((await (i % 2 === 0 ? a! : b!).get('/v1/grid-units')).status)
    t.same(statuses, [...Array(LIMIT).fill(200), 429, 429], `${LIMIT} requests in all pass, alternating between the instances; then 429 on both`)
  })

  await t.test('unknown keys: one budget per client address, shared too', async (t) => {
    const random = () => clientFor(apps[Math.floor(Math.random() * 2)]!, `k${Math.random().toString(36).slice(2)}${'x'.repeat(30)}`)
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await random().get('/v1/grid-units')).status)
    t.same(statuses, [401, 401, 401, 401, 429, 429], 'four unknown keys from one address, then 429 without a lookup')
  })

  await t.test('Redis stopped: both instances keep answering, the fault is logged once and shown', async (t) => {
    await redis.stop()
    const { secret: fresher } = await createApiKey(fresh.database.db, { name: 'during-outage', scopes: ['grid-units:read'] })
    const during = apps.map((app) => clientFor(app, fresher))
    const statuses: number[] = []
    for (let i = 0; i < LIMIT * 2; i++) statuses.push((await during[i % 2]!.get('/v1/grid-units')).status)
    t.same(statuses, Array(LIMIT * 2).fill(200), 'every request answered, none refused for want of the limiter')
    for (const [i, app] of apps.entries()) {
      const ready = await app.inject({ url: '/readyz' })
      t.equal(ready.statusCode, 200, `instance ${i + 1}: /readyz stays 200`)
      const metrics = (await app.inject({ url: '/metrics' })).body
      t.match(metrics, /^rate_limit_store_up 0$/m, `instance ${i + 1}: the store is shown down`)
      const uncounted = Number(/^rate_limit_store_errors_total (\d+)$/m.exec(metrics)?.[1])
      t.ok(uncounted >= LIMIT, `instance ${i + 1}: ${uncounted} requests shown served uncounted`)
      const faults = lines[i]!.filter((l) => l.includes('rate-limit store (Redis) unreachable'))
      t.equal(faults.length, 1, `instance ${i + 1}: the incident is logged once, not once per request`)
    }
  })

  await t.test('Redis back: counting resumes', async (t) => {
    await redis.start()
    // Each instance reconnects on its own schedule (at most every 2 s): wait until both say so.
    const up = async () => (await Promise.all(apps.map((app) => app.inject({ url: '/metrics' })))).every((m) => /^rate_limit_store_up 1$/m.test(m.body))
    for (let i = 0; i < 100 && !(await up()); i++) await new Promise((resolve) => setTimeout(resolve, 100))
    const { secret: after } = await createApiKey(fresh.database.db, { name: 'after-outage', scopes: ['grid-units:read'] })
    const again = apps.map((app) => clientFor(app, after))
    const statuses: number[] = []
    for (let i = 0; i < LIMIT + 1; i++) statuses.push((await again[i % 2]!.get('/v1/grid-units')).status)
    t.same(statuses, [...Array(LIMIT).fill(200), 429], 'the shared budget holds again')
    for (const [i, sink] of lines.entries()) t.ok(sink.some((l) => l.includes('reachable again')), `instance ${i + 1}: the recovery is logged`)
  })
})

t.test('Redis down from the start: the service starts, serves, and says so once', async (t) => {
  const fresh = await freshDatabase()
  t.teardown(() => fresh.drop())
  const lines: string[] = []
  const nobody = `redis://127.0.0.1:${await freePort()}`
  const app = await buildApp(
    { ...loadConfig({ LOG_LEVEL: 'warn' }), rateLimitPerMinute: 2, redisUrl: nobody },
    { database: fresh.database, logStream: new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }) },
  )
  t.teardown(() => app.close())
  const { secret } = await createApiKey(fresh.database.db, { name: 'no-redis', scopes: ['grid-units:read'] })
  const client = clientFor(app, secret)
  const statuses: number[] = []
  for (let i = 0; i < 5; i++) statuses.push((await client.get('/v1/grid-units')).status)
  t.same(statuses, [200, 200, 200, 200, 200], 'served, uncounted')
  t.match((await app.inject({ url: '/metrics' })).body, /^rate_limit_store_up 0$/m)
  t.equal((await app.inject({ url: '/readyz' })).statusCode, 200)
  t.equal(lines.filter((l) => l.includes('rate-limit store (Redis) unreachable')).length, 1, 'one line for the incident')
})
