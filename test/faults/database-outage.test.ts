import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'drizzle-orm'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { createApiKey } from '../../src/db/api-keys.js'
import { loadConfig } from '../../src/config.js'
import { openDatabase, queryRows } from '../../src/db/client.js'
import { clientFor, type Client, type Response } from '../helpers/app.js'
import { freshDatabase, testServerUrl } from '../helpers/database.js'
import { uniqueCode } from '../helpers/factories.js'
import { TcpProxy } from './fixtures/tcp-proxy.js'

// PostgreSQL becomes unreachable behind a proxy the test cuts: every request is answered 503
// `service-unavailable` within the contract's 2 s, /readyz says 503, /healthz stays up; when the
// database returns, the same process serves again without a restart, and every write it
// acknowledged (201) is there.

const BOUND_MS = 2000

/** The answer, or `hang` when none came within the bound. */
async function within(request: Promise<Response>): Promise<Response | 'hang'> {
  return Promise.race([request, sleep(BOUND_MS, 'hang' as const)])
}

async function setUp(t: Test) {
  const fresh = await freshDatabase()
  t.teardown(() => fresh.drop())
  const target = new URL(fresh.url!)
  const proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432))
  t.teardown(() => proxy.close())
  // The bounds under test, as an operator would set them: connect 1 s, statement 0.5 s (a silent
  // connection is given up 0.5 s after that), so every answer comes well inside the 2 s contract.
  const database = await openDatabase({ databaseUrl: proxy.urlFor(fresh.url!), poolSize: 4, connectTimeoutMs: 1000, statementTimeoutMs: 500 })
  // No key cache: every request needs the database, authentication included.
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { database, keyCacheTtlMs: 0 })
  t.teardown(async () => {
    await app.close()
    await database.close()
  })
  const { secret } = await createApiKey(fresh.database.db, { name: 'outage', scopes: ['admin'] })
  return { fresh, proxy, database, api: clientFor(app, secret), anonymous: clientFor(app) }
}

const unitBody = () => ({ code: uniqueCode('OUT'), name: '断网测试镇', level: 'town' })

/** Creates that race the cut: each either acknowledged (201, then it must survive) or refused 503. */
async function burstAcrossCut(api: Client, cut: () => void): Promise<string[]> {
  let answered = 0
  const burst = Array.from({ length: 24 }, (_, i) => sleep(i * 5).then(() => api.post('/v1/grid-units', unitBody())).finally(() => answered++))
  // Cut once some are acknowledged and others are still on their way.
  for (let i = 0; i < 200 && answered < 4; i++) await sleep(5)
  cut()
  const answers = await Promise.all(burst)
  for (const a of answers) if (![201, 503].includes(a.status)) throw new Error(`a create across the cut answered ${a.status}: ${a.text}`)
  return answers.filter((a) => a.status === 201).map((a) => a.body.id as string)
}

async function assertOutage(t: Test, api: Client, anonymous: Client, known: string) {
  const requests: [string, () => Promise<Response>][] = [
    ['list', () => api.get('/v1/grid-units')],
    ['get', () => api.get(`/v1/grid-units/${known}`)],
    ['create', () => api.post('/v1/grid-units', unitBody())],
    ['change', () => api.patch(`/v1/grid-units/${known}`, { description: '断网期间' })],
    ['delete', () => api.delete(`/v1/grid-units/${known}`)],
    ['statistics', () => api.get(`/v1/statistics?year=2025&gridUnitId=${known}`)],
    ['audit feed', () => api.get('/v1/audit-events')],
    ['readiness', () => anonymous.get('/readyz')],
  ]
  for (const [name, request] of requests) {
    const res = await within(request())
    if (res === 'hang') {
      t.fail(`${name}: no answer within ${BOUND_MS} ms`)
      continue
    }
    t.equal(res.status, 503, `${name}: 503`)
    t.equal(res.body?.type?.split('/problems/')[1], 'service-unavailable', `${name}: service-unavailable`)
  }
  t.equal((await anonymous.get('/healthz')).status, 200, 'the process itself is alive')
}

type Setup = Awaited<ReturnType<typeof setUp>>

async function assertRecovered(t: Test, { api, anonymous, fresh, database }: Setup, acknowledged: string[]) {
  let ready = 0
  for (let i = 0; i < 100 && ready !== 200; i++) {
    ready = (await anonymous.get('/readyz')).status
    if (ready !== 200) await sleep(100)
  }
  t.equal(ready, 200, 'ready again, same process')
  const created = await api.post('/v1/grid-units', unitBody())
  t.equal(created.status, 201, 'writes work again')
  // Every pooled connection came back: as many concurrent reads as the pool holds all succeed, and none stays lent out.
  const together = await Promise.all(Array.from({ length: 4 }, () => api.get('/v1/grid-units?limit=1')))
  t.same([...new Set(together.map((r) => r.status))], [200], 'the whole pool serves again')
  t.equal(database.stats().total - database.stats().idle, 0, 'no connection was leaked by the outage')
  for (const id of acknowledged) {
    const res = await api.get(`/v1/grid-units/${id}`)
    if (res.status !== 200) t.fail(`acknowledged unit ${id} answered ${res.status}`)
  }
  const rows = await queryRows<{ n: number }>(fresh.database.db, sql`SELECT count(*)::int AS n FROM grid_units WHERE id = ANY(${`{${acknowledged.join(',')}}`}::uuid[])`)
  t.equal(rows[0]!.n, acknowledged.length, `all ${acknowledged.length} acknowledged writes are stored`)
}

t.test('the database goes down (connections refused)', { skip: testServerUrl ? false : 'needs a PostgreSQL server' }, async (t) => {
  const setup = await setUp(t)
  const { proxy, api, anonymous } = setup
  const before = []
  for (let i = 0; i < 10; i++) before.push((await api.post('/v1/grid-units', unitBody())).body.id as string)
  const acrossCut = await burstAcrossCut(api, () => proxy.cut('refuse'))
  await assertOutage(t, api, anonymous, before[0]!)
  proxy.restore()
  await assertRecovered(t, setup, [...before, ...acrossCut])
})

t.test('the network to the database is partitioned (no answer at all)', { skip: testServerUrl ? false : 'needs a PostgreSQL server' }, async (t) => {
  const setup = await setUp(t)
  const { proxy, api, anonymous } = setup
  const before = []
  for (let i = 0; i < 10; i++) before.push((await api.post('/v1/grid-units', unitBody())).body.id as string)
  const acrossCut = await burstAcrossCut(api, () => proxy.cut('blackhole'))
  await assertOutage(t, api, anonymous, before[0]!)
  proxy.restore()
  await assertRecovered(t, setup, [...before, ...acrossCut])
})
