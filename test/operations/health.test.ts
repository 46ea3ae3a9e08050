import { sql } from 'drizzle-orm'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { openDatabase } from '../../src/db/client.js'
import { assertProblem, buildTestApp, clientFor } from '../helpers/app.js'

const { app, admin, database } = await buildTestApp(t)
const anonymous = clientFor(app)

t.test('/healthz and /readyz answer when all is well', async (t) => {
  t.same((await anonymous.get('/healthz')).body, { status: 'ok' })
  const ready = await anonymous.get('/readyz')
  t.equal(ready.status, 200)
  t.equal(ready.body.status, 'ready')
})

t.test('/metrics counts requests by route, method and status, and shows the pool', async (t) => {
  await admin.get('/v1/grid-units')
  const res = await anonymous.get('/metrics')
  t.equal(res.status, 200)
  t.match(res.text, /http_request_duration_seconds_count\{[^}]*method="GET"[^}]*route="\/v1\/grid-units"[^}]*status_code="200"/)
  t.match(res.text, /db_pool_connections_in_use \d+/)
  t.match(res.text, /db_pool_waiting_requests \d+/)
})

t.test('/readyz answers 503 while a migration is pending', async (t) => {
  await database.db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)`)
  assertProblem(t, await anonymous.get('/readyz'), 503, 'service-unavailable')
})

t.test('with the database unreachable: 503 at once, never a hang', async (t) => {
  const unreachable = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:9/none', connectTimeoutMs: 500 })
  const down = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { database: unreachable })
  t.teardown(async () => {
    await down.close()
    await unreachable.close()
  })
  const client = clientFor(down, 'fz_' + 'a'.repeat(43))
  assertProblem(t, await client.get('/readyz'), 503, 'service-unavailable')
  assertProblem(t, await client.get('/v1/grid-units'), 503, 'service-unavailable')
  t.equal((await client.get('/healthz')).status, 200, 'liveness does not depend on the database')
})
