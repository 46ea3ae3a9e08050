import { sql } from 'drizzle-orm'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { openDatabase, queryRows } from '../../src/db/client.js'
import { assertProblem, buildTestApp, clientFor } from '../helpers/app.js'
import { uniqueCode } from '../helpers/factories.js'

const { admin, database, url, keyWith, adminKey } = await buildTestApp(t)

const countByCode = async (code: string) =>
  (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM grid_units WHERE code = ${code}`))[0]!.n

t.test('a retry with the same key and body replays the first answer and creates nothing', async (t) => {
  const body = { code: uniqueCode(), name: '团结镇', level: 'town' }
  const first = await admin.post('/v1/grid-units', body, { 'idempotency-key': 'req-001' })
  t.equal(first.status, 201)
  t.equal(first.headers['idempotency-replayed'], undefined)
  const again = await admin.post('/v1/grid-units', { level: 'town', name: '团结镇', code: body.code }, { 'idempotency-key': 'req-001' })
  t.equal(again.status, 201)
  t.equal(again.headers['idempotency-replayed'], 'true')
  t.same(again.body, first.body)
  t.equal(again.headers.location, first.headers.location)
  t.equal(await countByCode(body.code), 1)
})

t.test('the same key with a different body answers 422', async (t) => {
  const body = { code: uniqueCode(), name: '陕坝镇', level: 'town' }
  t.equal((await admin.post('/v1/grid-units', body, { 'idempotency-key': 'req-002' })).status, 201)
  assertProblem(t, await admin.post('/v1/grid-units', { ...body, name: '别的' }, { 'idempotency-key': 'req-002' }), 422, 'idempotency-key-reused')
})

t.test('keys are per API key', async (t) => {
  const other = await keyWith(['grid-units:write'])
  const a = await admin.post('/v1/grid-units', { code: uniqueCode(), name: '甲', level: 'town' }, { 'idempotency-key': 'shared' })
  const b = await other.post('/v1/grid-units', { code: uniqueCode(), name: '乙', level: 'town' }, { 'idempotency-key': 'shared' })
  t.equal(a.status, 201)
  t.equal(b.status, 201)
  t.not(a.body.id, b.body.id)
})

t.test('concurrent requests with one key create one record', async (t) => {
  const body = { code: uniqueCode(), name: '并发镇', level: 'town' }
  const answers = await Promise.all(Array.from({ length: 10 }, () => admin.post('/v1/grid-units', body, { 'idempotency-key': 'req-concurrent' })))
  t.same([...new Set(answers.map((a) => a.status))], [201])
  t.equal(new Set(answers.map((a) => a.body.id)).size, 1)
  t.equal(answers.filter((a) => a.headers['idempotency-replayed'] === 'true').length, 9)
  t.equal(await countByCode(body.code), 1)
})

t.test('a failed request does not use up its key', async (t) => {
  const body = { code: uniqueCode(), name: '失败后重试', level: 'grid', parentId: '00000000-0000-4000-8000-000000000000' }
  assertProblem(t, await admin.post('/v1/grid-units', body, { 'idempotency-key': 'req-fail' }), 409, 'rule-violation')
  const fixed = { ...body, level: 'county', parentId: null }
  t.equal((await admin.post('/v1/grid-units', fixed, { 'idempotency-key': 'req-fail' })).status, 201)
})

t.test('a key older than 24 hours is forgotten', async (t) => {
  const body = { code: uniqueCode(), name: '过期', level: 'town' }
  t.equal((await admin.post('/v1/grid-units', body, { 'idempotency-key': 'req-old' })).status, 201)
  await database.db.execute(sql`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'req-old'`)
  const later = await admin.post('/v1/grid-units', { ...body, code: uniqueCode() }, { 'idempotency-key': 'req-old' })
  t.equal(later.status, 201)
  t.equal(later.headers['idempotency-replayed'], undefined)
})

t.test('a malformed key is a 400 in: header', async (t) => {
  const res = await admin.post('/v1/grid-units', { code: uniqueCode(), name: '甲', level: 'town' }, { 'idempotency-key': 'x'.repeat(300) })
  assertProblem(t, res, 400, 'validation-error')
  t.equal(res.body.errors[0].in, 'header')
})

t.test('two instances on one database share the keys', { skip: url ? false : 'needs a PostgreSQL server' }, async (t) => {
  const second = await openDatabase({ databaseUrl: url! })
  const other = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { database: second })
  t.teardown(async () => {
    await other.close()
    await second.close()
  })
  const one = admin
  const two = clientFor(other, adminKey)
  const body = { code: uniqueCode(), name: '双实例镇', level: 'town' }
  const answers = await Promise.all(
    Array.from({ length: 12 }, (_, i) => (i % 2 ? one : two).post('/v1/grid-units', body, { 'idempotency-key': 'req-two-instances' })),
  )
  t.same([...new Set(answers.map((a) => a.status))], [201])
  t.equal(new Set(answers.map((a) => a.body.id)).size, 1)
  t.equal(await countByCode(body.code), 1)
})
