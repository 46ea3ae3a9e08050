// A file is imported whole or not at all: one bad row among 50 creates none; a good one creates
// every row with its audit event; CSV and xlsx give the same records; a retried key replays.
import { sql } from 'drizzle-orm'
import t from 'tap'
import { queryRows } from '../../src/db/client.js'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { CSV, DISPUTE_HEADER, XLSX, csvOf, disputeRow, tableCounts, upload, xlsxOf } from './fixtures.js'

// Hundreds of requests and several workbooks: more than the default file timeout on a busy machine.
t.setTimeout(600_000)
const { app, admin, adminKey, database } = await buildTestApp(t)
const c = await createCounty(admin)
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => disputeRow(c.grid.code, from + i))

t.test('one bad row among 50 good: nothing created, that row named', async (t) => {
  const batch = rows(51)
  batch[30] = batch[30]!.map((v, i) => (i === DISPUTE_HEADER.indexOf('纠纷类别') ? '水利' : v))
  const before = await tableCounts(database.db)
  const res = await upload(app, adminKey, '/v1/disputes/imports', await xlsxOf([DISPUTE_HEADER, ...batch]), XLSX)
  assertProblem(t, res, 422, 'import-rejected')
  t.same(res.body.errors.map((e: { row: number }) => e.row), [32], 'the 31st data row is the sheet’s row 32')
  t.same(await tableCounts(database.db), before, 'none of the 50 good rows created')
})

t.test('a good file creates every row, each with its audit event', async (t) => {
  const before = await tableCounts(database.db)
  const res = await upload(app, adminKey, '/v1/disputes/imports', await xlsxOf([DISPUTE_HEADER, ...rows(50, 100)]), XLSX)
  t.equal(res.status, 201)
  t.equal(res.body.rows, 50)
  t.equal(res.body.created, 50)
  t.equal(new Set(res.body.ids).size, 50)
  t.same(await tableCounts(database.db), { disputes: before.disputes + 50, audit: before.audit + 50 })
  const first = (await admin.get(`/v1/disputes/${res.body.ids[0]}`)).body
  t.equal(first.title, '土地流转纠纷 第100号', 'ids in the rows’ order')
  const events = await admin.get(`/v1/audit-events?resourceId=${res.body.ids[49]}`)
  t.equal(events.body.items.length, 1)
  t.match(events.body.items[0], { action: 'create', resourceType: 'disputes', resourceId: res.body.ids[49] })
  const last = (await admin.get(`/v1/disputes/${res.body.ids[49]}`)).body
  t.same(events.body.items[0].after, last, 'the event’s record is the record as read, its times included')
  const order = await queryRows<{ id: string }>(database.db, sql`SELECT resource_id AS id FROM audit_events WHERE resource_id = ANY(${`{${res.body.ids.join(",")}}`}::uuid[]) ORDER BY audit_events.id`)
  t.same(order.map((r) => r.id), res.body.ids, 'the events follow the rows’ order')
})

t.test('CSV and xlsx of the same rows give the same records', async (t) => {
  const sheet = [DISPUTE_HEADER, ...rows(3, 200), [c.community.code, '邻里纠纷', '邻里', '热线', '2025/4/10', '李桂兰（申请人）', '已化解', '人民调解', '双方和解', '是', '2025-04-15 09:00']]
  const fromXlsx = await upload(app, adminKey, '/v1/disputes/imports', await xlsxOf(sheet), XLSX)
  const fromCsv = await upload(app, adminKey, '/v1/disputes/imports', csvOf(sheet), `${CSV}; charset=utf-8`)
  t.equal(fromXlsx.status, 201)
  t.equal(fromCsv.status, 201)
  const strip = ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: Record<string, unknown>) => rest
  for (let i = 0; i < 4; i++) {
    const a = (await admin.get(`/v1/disputes/${fromXlsx.body.ids[i]}`)).body
    const b = (await admin.get(`/v1/disputes/${fromCsv.body.ids[i]}`)).body
    t.same(strip(b), strip(a), `row ${i + 2}`)
  }
})

t.test('Idempotency-Key: a retry answers the same and creates nothing more', async (t) => {
  const file = await xlsxOf([DISPUTE_HEADER, ...rows(2, 300)])
  const headers = { 'idempotency-key': `import-${process.pid}-1` }
  const first = await upload(app, adminKey, '/v1/disputes/imports', file, XLSX, headers)
  t.equal(first.status, 201)
  const after = await tableCounts(database.db)
  const again = await upload(app, adminKey, '/v1/disputes/imports', file, XLSX, headers)
  t.equal(again.status, 201)
  t.same(again.body, first.body, 'the first answer replayed')
  t.same(await tableCounts(database.db), after, 'nothing created by the retry')
  const other = await upload(app, adminKey, '/v1/disputes/imports', await xlsxOf([DISPUTE_HEADER, ...rows(1, 400)]), XLSX, headers)
  assertProblem(t, other, 422, 'idempotency-key-reused', 'another file with the same key is refused')
})
