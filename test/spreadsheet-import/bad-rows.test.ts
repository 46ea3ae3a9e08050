// Each class of bad row is named by its row and column in a 422 import-rejected, and nothing is
// created; a dry run reports the same with a 200.
import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { DISPUTE_HEADER, XLSX, disputeRow, tableCounts, upload, xlsxOf } from './fixtures.js'

// Hundreds of requests and several workbooks: more than the default file timeout on a busy machine.
t.setTimeout(600_000)
const { app, admin, adminKey, database, keyWith } = await buildTestApp(t)
const c = await createCounty(admin)
const town = await keyWith(['disputes:write', 'disputes:read'], c.town.id)

const good = (i: number) => disputeRow(c.grid.code, i)
const col = (header: string) => DISPUTE_HEADER.indexOf(header)
const withCell = (row: (string | null)[], header: string, value: string | null) => row.map((v, i) => (i === col(header) ? value : v))

interface Bad {
  name: string
  row: (string | null)[]
  column: string
  field: string
  rule?: string
  /** The message, where the import writes its own. */
  message?: string
  /** Sent with the town's key rather than the admin's. */
  byTown?: boolean
}

const bad: Bad[] = [
  { name: 'a required cell left empty', row: withCell(good(1), '纠纷名称', null), column: '纠纷名称', field: 'title' },
  { name: 'a label that is not one of the column’s', row: withCell(good(1), '纠纷类别', '水利'), column: '纠纷类别', field: 'category' },
  { name: 'a grid code that does not exist', row: withCell(good(1), '网格编码', 'NO-SUCH-UNIT'), column: '网格编码', field: 'gridUnitCode', rule: 'grid-unit-exists', message: '网格编码“NO-SUCH-UNIT”不存在或已删除' },
  { name: 'a date that does not exist', row: withCell(good(1), '登记时间', '2025-02-30'), column: '登记时间', field: 'reportedAt' },
  { name: 'a unit outside the key’s jurisdiction', row: disputeRow(c.otherGrid.code, 1), column: '网格编码', field: 'gridUnitCode', byTown: true },
]

for (const b of bad) {
  t.test(`${b.name}: 422 naming row 3, column ${b.column}; nothing created`, async (t) => {
    const file = await xlsxOf([DISPUTE_HEADER, good(0), b.row, good(2)])
    const key = b.byTown ? town.secret : adminKey
    const before = await tableCounts(database.db)
    const res = await upload(app, key, '/v1/disputes/imports', file, XLSX)
    assertProblem(t, res, 422, 'import-rejected')
    t.equal(res.body.errors.length, 1, JSON.stringify(res.body.errors))
    t.match(res.body.errors[0], { row: 3, column: b.column, field: b.field, ...(b.rule ? { rule: b.rule } : {}) })
    t.type(res.body.errors[0].message, 'string')
    if (b.message) t.equal(res.body.errors[0].message, b.message)
    t.same(await tableCounts(database.db), before, 'no dispute and no audit event written')

    const dry = await upload(app, key, '/v1/disputes/imports?dryRun=true', file, XLSX)
    t.equal(dry.status, 200, 'a dry run answers 200')
    t.same(dry.body, { rows: 3, valid: 2, errors: res.body.errors }, 'with the same errors')
    t.same(await tableCounts(database.db), before, 'and writes nothing')
  })
}

t.test('a rule broken: a resolved dispute without its resolution', async (t) => {
  const row = withCell(good(1), '状态', '已化解')
  const file = await xlsxOf([DISPUTE_HEADER, good(0), row])
  const before = await tableCounts(database.db)
  const res = await upload(app, adminKey, '/v1/disputes/imports', file, XLSX)
  assertProblem(t, res, 422, 'import-rejected')
  t.equal(res.body.errors.length, 1, JSON.stringify(res.body.errors))
  t.same(res.body.errors[0], { row: 3, column: '化解方式', field: 'resolution.method', message: res.body.errors[0].message, rule: 'resolution-required' }, 'placed at the group’s first column')
  t.same(await tableCounts(database.db), before)
  // The same row with its resolution is good.
  const fixed = [...row.slice(0, col('化解方式')), '人民调解', '双方和解', '是', '2025-04-15']
  const ok = await upload(app, adminKey, '/v1/disputes/imports?dryRun=true', await xlsxOf([DISPUTE_HEADER, good(0), fixed]), XLSX)
  t.same(ok.body, { rows: 2, valid: 2, errors: [] })
})

t.test('every bad row is reported, not only the first', async (t) => {
  const file = await xlsxOf([DISPUTE_HEADER, withCell(good(0), '纠纷类别', '水利'), good(1), withCell(good(2), '登记时间', '昨天'), withCell(good(3), '网格编码', 'NOPE')])
  const res = await upload(app, adminKey, '/v1/disputes/imports', file, XLSX)
  assertProblem(t, res, 422, 'import-rejected')
  t.same(res.body.errors.map((e: { row: number; column: string }) => [e.row, e.column]), [[2, '纠纷类别'], [4, '登记时间'], [5, '网格编码']])
})

t.test('a good dry run: 200, every row valid, nothing created', async (t) => {
  const before = await tableCounts(database.db)
  const res = await upload(app, adminKey, '/v1/disputes/imports?dryRun=true', await xlsxOf([DISPUTE_HEADER, good(0), good(1), [], good(2)]), XLSX)
  t.equal(res.status, 200)
  t.same(res.body, { rows: 3, valid: 3, errors: [] }, 'the blank row skipped')
  t.same(await tableCounts(database.db), before)
})
