import pg from 'pg'
import t from 'tap'
import { freshDatabase, testServerUrl } from '../helpers/database.js'
import { call, startServer, type ServerProcess } from './fixtures/server-process.js'

// The real server is killed (SIGKILL: no shutdown hook runs) in the middle of a burst of creates
// and changes. After a restart on the same database: every write it acknowledged is served, no
// record exists without its audit event, and no audit event without its record.

const KEY = 'crash_' + 'k'.repeat(40)
const tables = { 'grid-units': 'grid_units', disputes: 'disputes', decisions: 'decisions', 'enforcement-cases': 'enforcement_cases', 'legal-education-events': 'legal_education_events' }

interface Acknowledged {
  collection: string
  id: string
  version: number
  record: Record<string, unknown>
}

const dispute = (gridUnitId: string, n: number) => ({
  gridUnitId,
  title: `崩溃测试纠纷 ${n} 🧯`,
  category: 'neighborhood',
  source: 'grid_inspection',
  parties: [{ name: '张三', role: 'applicant', phone: '13800135678' }, { name: '李四', role: 'respondent' }],
  reportedAt: '2025-06-03T01:15:00Z',
})

/** One writer: creates units and disputes and changes its last dispute, until the server is gone. */
async function writer(server: ServerProcess, townId: string, w: number, acknowledged: Acknowledged[]): Promise<void> {
  let last: Acknowledged | undefined
  for (let n = 0; n < 400; n++) {
    const step = n % 3
    const res =
      step === 0 ? await call(server, 'POST', '/v1/grid-units', { code: `CRASH-${w}-${n}`, name: `网格 ${w}-${n}`, level: 'grid', parentId: townId })
      : step === 1 || !last ? await call(server, 'POST', '/v1/disputes', dispute(townId, n))
      : await call(server, 'PATCH', `/v1/disputes/${last.id}`, { title: `已修改 ${w}-${n}` })
    if (res === 'refused' || res.status >= 500) return
    if (res.status !== 201 && res.status !== 200) throw new Error(`write answered ${res.status}: ${JSON.stringify(res.body)}`)
    const collection = step === 0 ? 'grid-units' : 'disputes'
    const ack = { collection, id: res.body.id, version: res.body.version, record: res.body }
    acknowledged.push(ack)
    if (collection === 'disputes') last = ack
  }
}

t.test('SIGKILL during a burst of writes loses nothing acknowledged and leaves no half-written record', { skip: testServerUrl ? false : 'needs a PostgreSQL server' }, async (t) => {
  const fresh = await freshDatabase()
  t.teardown(() => fresh.drop())
  const first = await startServer(fresh.url!, KEY)
  t.teardown(() => first.child.kill('SIGKILL'))
  const town = await call(first, 'POST', '/v1/grid-units', { code: 'CRASH-TOWN', name: '团结镇', level: 'town' })
  if (town === 'refused' || town.status !== 201) throw new Error(`town not created: ${JSON.stringify(town)}`)

  const acknowledged: Acknowledged[] = []
  const writers = Array.from({ length: 12 }, (_, w) => writer(first, town.body.id, w, acknowledged))
  // Kill once the burst is well under way: enough acknowledged, more in flight.
  while (acknowledged.length < 80) await new Promise((r) => setTimeout(r, 10))
  first.child.kill('SIGKILL')
  await Promise.all(writers)
  t.equal((await first.exited).signal, 'SIGKILL', 'the server was killed, not shut down')

  const second = await startServer(fresh.url!, KEY)
  t.teardown(() => second.child.kill('SIGKILL'))
  // The latest acknowledged version of each record.
  const latest = new Map<string, Acknowledged>()
  for (const ack of acknowledged) if ((latest.get(ack.id)?.version ?? 0) < ack.version) latest.set(ack.id, ack)
  const problems: string[] = []
  for (const ack of latest.values()) {
    const res = await call(second, 'GET', `/v1/${ack.collection}/${ack.id}`)
    if (res === 'refused' || res.status !== 200) problems.push(`acknowledged ${ack.collection} ${ack.id} is not served: ${JSON.stringify(res)}`)
    // A change may have committed whose answer the kill swallowed: never older than acknowledged, and equal when no newer.
    else if (res.body.version < ack.version) problems.push(`${ack.id} went back from version ${ack.version} to ${res.body.version}`)
    else if (res.body.version === ack.version && JSON.stringify(res.body) !== JSON.stringify(ack.record)) problems.push(`${ack.id} differs from what was acknowledged`)
  }
  t.same(problems, [], `all ${latest.size} acknowledged records are served as acknowledged after the restart`)

  const db = new pg.Client({ connectionString: fresh.url! })
  await db.connect()
  t.teardown(() => db.end())
  for (const [collection, table] of Object.entries(tables)) {
    const orphans = await db.query(
      `SELECT r.id FROM ${table} r WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.resource_id = r.id AND a.resource_type = $1 AND a.action = 'created')`,
      [collection],
    )
    t.same(orphans.rows, [], `every ${collection} record has its created event`)
    const unmatched = await db.query(
      `SELECT r.id, r.version, max(a.version) AS audited FROM ${table} r JOIN audit_events a ON a.resource_id = r.id AND a.resource_type = $1
       GROUP BY r.id, r.version HAVING max(a.version) <> r.version`,
      [collection],
    )
    t.same(unmatched.rows, [], `every ${collection} version has its audit event`)
    const dangling = await db.query(
      `SELECT a.resource_id, a.version FROM audit_events a WHERE a.resource_type = $1 AND NOT EXISTS (SELECT 1 FROM ${table} r WHERE r.id = a.resource_id AND r.version >= a.version)`,
      [collection],
    )
    t.same(dangling.rows, [], `no ${collection} audit event lacks its record`)
  }
  const count = await db.query(`SELECT count(*)::int AS n FROM audit_events`)
  t.ok(count.rows[0].n >= acknowledged.length + 1, 'an audit event for every acknowledged write (and the town)')
})
