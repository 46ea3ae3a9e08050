import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import t from 'tap'
import { freshDatabase, testServerUrl } from '../helpers/database.js'
import { call, startServer } from './fixtures/server-process.js'

// SIGTERM while writes are in flight (held inside PostgreSQL by a lock, so they are provably
// mid-request): every one of them completes and is stored, new requests are refused, and the
// process exits 0 within its grace period.

const KEY = 'drain_' + 'k'.repeat(40)
const IN_FLIGHT = 20
/** close-with-grace's delay in server.ts is 15 s; past it the exit would be forced (code 1). */
const EXIT_BOUND_MS = 20_000

t.test('SIGTERM under load drains every in-flight write, refuses new ones, exits 0', { skip: testServerUrl ? false : 'needs a PostgreSQL server' }, async (t) => {
  const fresh = await freshDatabase()
  t.teardown(() => fresh.drop())
  // A pool larger than the burst: no request waits for a connection, each waits on the lock.
  const server = await startServer(fresh.url!, KEY, { DB_POOL_SIZE: String(IN_FLIGHT + 5) })
  t.teardown(() => server.child.kill('SIGKILL'))
  const town = await call(server, 'POST', '/v1/grid-units', { code: 'DRAIN-TOWN', name: '团结镇', level: 'town' })
  if (town === 'refused' || town.status !== 201) throw new Error(`town not created: ${JSON.stringify(town)}`)

  const locker = new pg.Client({ connectionString: fresh.url! })
  await locker.connect()
  t.teardown(() => locker.end())
  await locker.query('BEGIN')
  await locker.query('LOCK TABLE disputes IN EXCLUSIVE MODE')
  const writes = Array.from({ length: IN_FLIGHT }, (_, i) =>
    call(server, 'POST', '/v1/disputes', {
      gridUnitId: town.body.id,
      title: `关停时的纠纷 ${i}`,
      category: 'land',
      source: 'hotline',
      parties: [{ name: '王五', role: 'applicant' }],
      reportedAt: '2025-06-03T01:15:00Z',
    }),
  )
  // Wait until every write is inside PostgreSQL, blocked on the lock.
  let waiting = 0
  for (let i = 0; i < 200 && waiting < IN_FLIGHT; i++) {
    // The locker is inside a transaction, which would otherwise see one snapshot of pg_stat_activity.
    await locker.query('SELECT pg_stat_clear_snapshot()')
    const { rows } = await locker.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%insert into "disputes"%'`,
    )
    waiting = rows[0].n
    if (waiting < IN_FLIGHT) await sleep(50)
  }
  t.equal(waiting, IN_FLIGHT, 'every write is in flight')

  server.child.kill('SIGTERM')
  await sleep(300)
  const late = await call(server, 'GET', '/v1/grid-units')
  t.ok(late === 'refused' || late.status === 503, `a new request is refused while draining: ${JSON.stringify(late).slice(0, 200)}`)

  await locker.query('COMMIT')
  const answers = await Promise.all(writes)
  t.same(answers.map((a) => (a === 'refused' ? a : a.status)), Array(IN_FLIGHT).fill(201), 'every in-flight write completed')
  const exit = await Promise.race([server.exited, sleep(EXIT_BOUND_MS, 'still running' as const)])
  t.same(exit, { code: 0, signal: null }, `exit 0 (output: ${server.output().slice(-400)})`)
  const { rows } = await locker.query(`SELECT count(*)::int AS n FROM disputes WHERE title LIKE '关停时的纠纷%'`)
  t.equal(rows[0].n, IN_FLIGHT, 'every acknowledged write is stored')
})
