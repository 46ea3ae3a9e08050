import { sql } from 'drizzle-orm'
import t from 'tap'
import { queryRows } from '../../src/db/client.js'
import { buildTestApp } from '../helpers/app.js'
import { createGridUnit, uniqueCode } from '../helpers/factories.js'

// A hundred callers at once on one record or one key: compare-and-set and idempotency keys hold.

const N = 100
const { admin, database } = await buildTestApp(t, { config: { rateLimitPerMinute: 1_000_000 } })
const town = await createGridUnit(admin, { level: 'town', name: '并发镇' })

const dispute = (title: string) => ({
  gridUnitId: town.id,
  title,
  category: 'labor',
  source: 'petition',
  parties: [{ name: '欠薪工人', role: 'applicant' }],
  reportedAt: '2025-07-01T02:00:00Z',
})

const auditCount = async (resourceId: string, action: string) =>
  (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM audit_events WHERE resource_id = ${resourceId} AND action = ${action}`))[0]!.n

t.test(`${N} concurrent PATCHes with one If-Match: exactly one succeeds`, async (t) => {
  const created = await admin.post('/v1/disputes', dispute('并发修改'))
  t.equal(created.status, 201)
  const answers = await Promise.all(
    Array.from({ length: N }, (_, i) => admin.patch(`/v1/disputes/${created.body.id}`, { title: `第 ${i} 个调用方的修改` }, { 'if-match': '"1"' })),
  )
  const statuses = answers.map((a) => a.status)
  t.equal(statuses.filter((s) => s === 200).length, 1, 'one 200')
  t.equal(statuses.filter((s) => s === 412).length, N - 1, `${N - 1} × 412 precondition-failed`)
  const winner = answers.find((a) => a.status === 200)!
  const stored = await admin.get(`/v1/disputes/${created.body.id}`)
  t.equal(stored.body.version, 2, 'one new version')
  t.equal(stored.body.title, winner.body.title, 'the winner’s change is the one stored')
  t.equal(await auditCount(created.body.id, 'updated'), 1, 'one audit event for it')
})

t.test(`${N} concurrent PATCHes without If-Match: none is lost`, async (t) => {
  const created = await admin.post('/v1/disputes', dispute('并发修改无条件'))
  const answers = await Promise.all(Array.from({ length: N }, (_, i) => admin.patch(`/v1/disputes/${created.body.id}`, { title: `修改 ${i}` })))
  t.same([...new Set(answers.map((a) => a.status))], [200])
  t.same(new Set(answers.map((a) => a.body.version)).size, N, 'each change made its own version')
  t.equal((await admin.get(`/v1/disputes/${created.body.id}`)).body.version, N + 1)
  t.equal(await auditCount(created.body.id, 'updated'), N, 'one audit event per change')
})

t.test(`${N} concurrent creates with one Idempotency-Key: exactly one record`, async (t) => {
  const body = { ...dispute('幂等创建'), title: `幂等创建 ${uniqueCode()}` }
  const answers = await Promise.all(Array.from({ length: N }, () => admin.post('/v1/disputes', body, { 'idempotency-key': 'burst-0001' })))
  t.same([...new Set(answers.map((a) => a.status))], [201], 'every caller gets the 201')
  t.equal(new Set(answers.map((a) => a.body.id)).size, 1, 'all name the same record')
  t.equal(answers.filter((a) => a.headers['idempotency-replayed'] === 'true').length, N - 1, `${N - 1} replays`)
  const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM disputes WHERE title = ${body.title}`)
  t.equal(row!.n, 1, 'one row')
  t.equal(await auditCount(answers[0]!.body.id, 'created'), 1, 'one audit event')
})

t.test(`${N} concurrent creates of one unique code: one 201, the rest 409 conflict`, async (t) => {
  const code = uniqueCode('SAME')
  const answers = await Promise.all(Array.from({ length: N }, () => admin.post('/v1/grid-units', { code, name: '同码', level: 'grid', parentId: town.id })))
  t.equal(answers.filter((a) => a.status === 201).length, 1, 'one 201')
  t.ok(answers.filter((a) => a.status !== 201).every((a) => a.status === 409 && a.body.type.endsWith('/conflict')), 'the others 409 conflict')
})
