// What an import refuses as a whole: too many rows (413), a file that is not a spreadsheet (400),
// a body of another type (415), a key without the write scope (403) or the unit (jurisdiction).
import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { CSV, DISPUTE_HEADER, XLSX, csvOf, disputeRow, tableCounts, upload, xlsxOf } from './fixtures.js'

// Hundreds of requests and several workbooks: more than the default file timeout on a busy machine.
t.setTimeout(600_000)
const { app, admin, adminKey, database, keyWith } = await buildTestApp(t)
const c = await createCounty(admin)
const rows = (n: number) => Array.from({ length: n }, (_, i) => disputeRow(c.grid.code, i))

t.test('5 000 rows are accepted; 5 001 are 413', async (t) => {
  const before = await tableCounts(database.db)
  const most = await upload(app, adminKey, '/v1/disputes/imports', await xlsxOf([DISPUTE_HEADER, ...rows(5000)]), XLSX)
  t.equal(most.status, 201, most.status === 201 ? '' : most.text.slice(0, 500))
  t.equal(most.body?.created, 5000)
  t.same(await tableCounts(database.db), { disputes: before.disputes + 5000, audit: before.audit + 5000 })
  const after = await tableCounts(database.db)
  const over = await upload(app, adminKey, '/v1/disputes/imports', await xlsxOf([DISPUTE_HEADER, ...rows(5001)]), XLSX)
  assertProblem(t, over, 413, 'payload-too-large')
  const overCsv = await upload(app, adminKey, '/v1/disputes/imports', csvOf([DISPUTE_HEADER, ...rows(5001)]), CSV)
  assertProblem(t, overCsv, 413, 'payload-too-large', 'the CSV too')
  t.same(await tableCounts(database.db), after, 'nothing created')
})

t.test('a body that is not a spreadsheet: 400', async (t) => {
  const res = await upload(app, adminKey, '/v1/disputes/imports', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1'), XLSX)
  t.equal(res.status, 400)
  t.match(String(res.headers['content-type']), /^application\/problem\+json/)
  const zip = await upload(app, adminKey, '/v1/disputes/imports', Buffer.from('PK\x03\x04 not really a zip', 'latin1'), XLSX)
  t.equal(zip.status, 400, 'a broken zip')
  t.match(String(zip.headers['content-type']), /^application\/problem\+json/)
})

t.test('an unknown column is a 400 naming it', async (t) => {
  const res = await upload(app, adminKey, '/v1/disputes/imports', await xlsxOf([[...DISPUTE_HEADER, '备注栏'], [...disputeRow(c.grid.code, 0), 'x']]), XLSX)
  t.equal(res.status, 400)
  t.match(res.text, /备注栏/)
})

t.test('a body of another media type: 415', async (t) => {
  for (const type of ['application/json', 'application/pdf', 'text/plain']) {
    const res = await upload(app, adminKey, '/v1/disputes/imports', Buffer.from('{"rows":[]}'), type)
    assertProblem(t, res, 415, 'unsupported-media-type', type)
  }
})

t.test('the write scope is needed, and a key writes within its jurisdiction only', async (t) => {
  const file = await xlsxOf([DISPUTE_HEADER, ...rows(2)])
  const reader = await keyWith(['disputes:read'])
  assertProblem(t, await upload(app, reader.secret, '/v1/disputes/imports', file, XLSX), 403, 'forbidden', 'disputes:read is not enough')
  assertProblem(t, await upload(app, reader.secret, '/v1/disputes/imports?dryRun=true', file, XLSX), 403, 'forbidden', 'nor for a dry run')
  const template = await app.inject({ method: 'GET', url: '/v1/disputes/import-template', headers: { authorization: `Bearer ${reader.secret}` } })
  t.equal(template.statusCode, 403, 'the template needs the write scope too')
  const other = await keyWith(['legal-services:write'])
  assertProblem(t, await upload(app, other.secret, '/v1/disputes/imports', file, XLSX), 403, 'forbidden', 'another collection’s write scope is not enough')

  const shaba = await keyWith(['disputes:write'], c.otherTown.id)
  const before = await tableCounts(database.db)
  const res = await upload(app, shaba.secret, '/v1/disputes/imports', file, XLSX)
  assertProblem(t, res, 422, 'import-rejected', '陕坝镇’s key may not write to 团结镇’s grid')
  t.same(res.body.errors.map((e: { row: number; column: string }) => [e.row, e.column]), [[2, '网格编码'], [3, '网格编码']])
  t.equal(res.body.errors[0].message, `网格编码“${c.grid.code}”不在本密钥的管辖范围内`, 'the message names the code the clerk typed')
  t.same(await tableCounts(database.db), before)
  const own = await upload(app, shaba.secret, '/v1/disputes/imports', await xlsxOf([DISPUTE_HEADER, disputeRow(c.otherGrid.code, 9)]), XLSX)
  t.equal(own.status, 201, 'its own grid is fine')
})

t.test('collections not entered in bulk have no import', async (t) => {
  const res = await upload(app, adminKey, '/v1/decisions/imports', await xlsxOf([['标题'], ['x']]), XLSX)
  t.equal(res.status, 404)
})
