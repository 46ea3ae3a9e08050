import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { createApiKey } from '../../src/db/api-keys.js'
import { loadConfig } from '../../src/config.js'
import { openDatabase } from '../../src/db/client.js'
import { pgErrorOf } from '../../src/db/errors.js'
import { toProblem } from '../../src/http/error-handler.js'
import { clientFor, type Response } from '../helpers/app.js'
import { freshDatabase, testServerUrl } from '../helpers/database.js'
import { createGridUnit } from '../helpers/factories.js'

// Connection and query bounds: with every pooled connection taken, or a statement stuck behind a
// lock, a request gets 503 `service-unavailable` once its bound runs out — never an unbounded wait —
// and the service serves normally as soon as the cause is gone.

const CONNECT_MS = 1000
const STATEMENT_MS = 500
/** Far above either bound: an answer later than this is a hang. */
const HANG_MS = 5000

if (!testServerUrl) t.plan(0, 'needs a PostgreSQL server: pool and statement bounds are PostgreSQL settings')
else await main()

async function within(request: Promise<Response>): Promise<Response | 'hang'> {
  return Promise.race([request, sleep(HANG_MS, 'hang' as const)])
}

async function main() {
  const fresh = await freshDatabase()
  t.teardown(() => fresh.drop())
  const database = await openDatabase({ databaseUrl: fresh.url!, poolSize: 2, connectTimeoutMs: CONNECT_MS, statementTimeoutMs: STATEMENT_MS })
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { database, keyCacheTtlMs: 0 })
  t.teardown(async () => {
    await app.close()
    await database.close()
  })
  const { secret } = await createApiKey(fresh.database.db, { name: 'bounds', scopes: ['admin'] })
  const api = clientFor(app, secret)
  const unit = await createGridUnit(api, { level: 'county', name: '连接池旗' })

  t.test('an exhausted pool answers 503 after the connect bound, then recovers', async (t) => {
    // Both pooled connections are lent out and held, as a burst of long requests would hold them.
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const holders = [database.withSession(() => gate), database.withSession(() => gate)]
    await sleep(50)
    t.equal(database.stats().idle, 0, 'no idle connection left')
    for (const [name, request] of [
      ['read', () => api.get(`/v1/grid-units/${unit.id}`)],
      ['write', () => api.patch(`/v1/grid-units/${unit.id}`, { description: '池满' })],
    ] as const) {
      const res = await within(request())
      if (res === 'hang') t.fail(`${name}: still waiting after ${HANG_MS} ms`)
      else {
        t.equal(res.status, 503, `${name}: 503`)
        t.equal(res.body.type.split('/problems/')[1], 'service-unavailable')
      }
    }
    release()
    await Promise.all(holders)
    t.equal((await api.get(`/v1/grid-units/${unit.id}`)).status, 200, 'served again once connections are free')
  })

  t.test('a statement stuck behind a lock answers 503 after the statement bound, then recovers', async (t) => {
    // Another session (a migration, a long report) holds a lock every read of the table needs.
    const locker = new pg.Client({ connectionString: fresh.url! })
    await locker.connect()
    t.teardown(() => locker.end())
    await locker.query('BEGIN')
    await locker.query('LOCK TABLE grid_units IN ACCESS EXCLUSIVE MODE')
    for (const [name, request] of [
      ['list', () => api.get('/v1/grid-units')],
      ['get', () => api.get(`/v1/grid-units/${unit.id}`)],
      ['create', () => api.post('/v1/grid-units', { code: `LOCK${Date.now()}`, name: '锁表', level: 'town' })],
    ] as const) {
      const res = await within(request())
      if (res === 'hang') t.fail(`${name}: still waiting after ${HANG_MS} ms`)
      else {
        t.equal(res.status, 503, `${name}: 503`)
        t.equal(res.body.type.split('/problems/')[1], 'service-unavailable')
        t.notMatch(res.text, /grid_units|LOCK|statement/i, 'no SQL in the answer')
      }
    }
    await locker.query('ROLLBACK')
    const answers = await Promise.all([api.get('/v1/grid-units'), api.get(`/v1/grid-units/${unit.id}`)])
    t.same(answers.map((a) => a.status), [200, 200], 'served again once the lock is gone')
    t.equal(database.stats().total - database.stats().idle, 0, 'every connection went back to the pool')
  })

  t.test('a slow statement is cancelled by the server at the bound, and answers 503', async (t) => {
    const error = await database.db.execute(sql`SELECT pg_sleep(30)`).then(() => undefined, (e: unknown) => e)
    t.equal(pgErrorOf(error)?.code, '57014', 'pg_sleep(30) was cancelled by statement_timeout')
    t.equal(toProblem(error).status, 503, 'which the service answers as 503')
    t.equal((await api.get(`/v1/grid-units/${unit.id}`)).status, 200, 'the pool still serves')
  })
}
