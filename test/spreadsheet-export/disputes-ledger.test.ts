// The disputes ledger as a clerk downloads it: the list's records in the list's order, Chinese
// headers and labels, date cells in UTC+8, parties masked without pii:read, a UTF-8 file name.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createDispute, resolution } from '../disputes/fixtures.js'
import { chinaDay, download, fileNameOf, listAll, readCsv, readXlsx } from './fixtures.js'

const { app, admin, keyWith } = await buildTestApp(t)
const c = await createCounty(admin)
const land = await createDispute(admin, c.grid.id, { reportedAt: '2025-03-31T16:00:00.000Z' })
const resolved = await createDispute(admin, c.community.id, {
  title: '新华社区邻里宅基地纠纷', category: 'neighborhood', source: 'hotline', status: 'resolved', isPetitionBacklog: true,
  parties: [{ name: '李桂兰', role: 'applicant', phone: '13998765432' }, { name: '王强', role: 'third_party' }],
  resolution: resolution('2025-04-15T07:00:00.000Z'), reportedAt: '2025-04-10T01:15:00.000Z',
})
const labor = await createDispute(admin, c.otherGrid.id, { title: '陕坝镇劳资纠纷', category: 'labor', source: 'petition', status: 'escalated', reportedAt: '2025-05-01T00:00:00.000Z' })

const reader = await keyWith(['disputes:read'])
const piiReader = await keyWith(['disputes:read', 'pii:read'])

t.test('the xlsx export holds the list’s records in its order, with Chinese headers and labels', async (t) => {
  const res = await download(app, reader.secret, '/v1/disputes/export?format=xlsx')
  t.equal(res.status, 200)
  t.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  const sheet = await readXlsx(res.bytes)
  t.same(sheet.headers.slice(0, 7), ['纠纷名称', '网格编码', '所属单位', '纠纷类别', '来源', '登记时间', '当事人'], 'Chinese headers in the ledger’s order')
  const listed = await listAll(app, reader.secret, 'disputes')
  t.same(sheet.rows.map((r) => r['记录编号']), listed.map((d) => d.id), 'every record of the list, in the list’s order')
  t.same(new Set(listed.map((d) => d.id)), new Set([land.id, resolved.id, labor.id]))
  const row = sheet.rows.find((r) => r['记录编号'] === resolved.id)!
  t.equal(row['纠纷名称'], '新华社区邻里宅基地纠纷')
  t.equal(row['网格编码'], c.community.code, 'the unit by its code')
  t.equal(row['所属单位'], '新华社区', 'and its name')
  t.equal(row['纠纷类别'], '邻里', 'enum values as their labels')
  t.equal(row['来源'], '热线')
  t.equal(row['状态'], '已化解')
  t.equal(row['信访积案'], '是')
  t.equal(row['化解方式'], '人民调解', 'a nested member in its own column')
  t.equal(row['当事人'], '李桂兰（申请人，139****5432）；王强（第三人）', 'parties as text, the phone masked without pii:read')
  const reported = row['登记时间'] as Date
  t.type(reported, Date, 'an instant is a date cell')
  t.equal(reported.toISOString(), '2025-04-10T09:15:00.000Z', 'showing 2025-04-10 09:15, the wall time in UTC+8')
  t.equal(sheet.worksheet.getRow(2).getCell(6).numFmt, 'yyyy-mm-dd hh:mm')
  t.match(sheet.worksheet.views, [{ state: 'frozen', ySplit: 1 }], 'the header row is frozen')
})

t.test('with pii:read the parties’ phones are whole', async (t) => {
  const sheet = await readXlsx((await download(app, piiReader.secret, '/v1/disputes/export')).bytes)
  t.equal(sheet.rows.find((r) => r['记录编号'] === resolved.id)!['当事人'], '李桂兰（申请人，13998765432）；王强（第三人）')
  t.equal(sheet.rows.find((r) => r['记录编号'] === land.id)!['当事人'], '张福（申请人，13812345678）；丰源种植专业合作社（被申请人）')
  const masked = await readXlsx((await download(app, reader.secret, '/v1/disputes/export')).bytes)
  t.equal(masked.rows.find((r) => r['记录编号'] === land.id)!['当事人'], '张福（申请人，138****5678）；丰源种植专业合作社（被申请人）')
})

t.test('CSV: UTF-8 with a BOM, the same rows as text', async (t) => {
  const res = await download(app, reader.secret, '/v1/disputes/export?format=csv')
  t.equal(res.status, 200)
  t.match(String(res.headers['content-type']), /^text\/csv/)
  t.same([...res.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark first')
  const csv = readCsv(res.bytes)
  t.equal(csv.headers[0], '纠纷名称')
  t.same(csv.rows.map((r) => r['记录编号']), (await listAll(app, reader.secret, 'disputes')).map((d) => d.id))
  const row = csv.rows.find((r) => r['记录编号'] === land.id)!
  t.equal(row['登记时间'], '2025-04-01 00:00', 'instants as YYYY-MM-DD HH:mm in UTC+8')
  t.equal(row['纠纷类别'], '土地')
  t.equal(row['当事人'], '张福（申请人，138****5678）；丰源种植专业合作社（被申请人）')
})

t.test('the format by Accept, the query winning over it; an unknown one refused', async (t) => {
  const csv = await download(app, reader.secret, '/v1/disputes/export', { accept: 'text/csv' })
  t.match(String(csv.headers['content-type']), /^text\/csv/)
  const xlsx = await download(app, reader.secret, '/v1/disputes/export', { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  t.match(String(xlsx.headers['content-type']), /spreadsheetml/)
  const byQuery = await download(app, reader.secret, '/v1/disputes/export?format=xlsx', { accept: 'text/csv' })
  t.match(String(byQuery.headers['content-type']), /spreadsheetml/, '?format wins over Accept')
  const refused = await download(app, reader.secret, '/v1/disputes/export', { accept: 'application/pdf' })
  t.equal(refused.status, 406)
  t.match(String(refused.headers['content-type']), /^application\/problem\+json/)
  const bad = await download(app, reader.secret, '/v1/disputes/export?format=pdf')
  t.equal(bad.status, 400)
  t.equal(bad.body.type.split('/problems/')[1], 'validation-error')
})

t.test('Content-Disposition: an attachment named 矛盾纠纷台账-<date in UTC+8>', async (t) => {
  const xlsx = await download(app, reader.secret, '/v1/disputes/export')
  t.match(String(xlsx.headers['content-disposition']), /^attachment; /)
  t.equal(fileNameOf(xlsx.headers['content-disposition']), `矛盾纠纷台账-${chinaDay()}.xlsx`)
  t.match(String(xlsx.headers['content-disposition']), /filename="[\x20-\x7e]+"/, 'an ASCII fallback name too')
  const csv = await download(app, reader.secret, '/v1/disputes/export?format=csv')
  t.equal(fileNameOf(csv.headers['content-disposition']), `矛盾纠纷台账-${chinaDay()}.csv`)
})

t.test('the list’s scope is needed, and the key’s jurisdiction bounds the rows', async (t) => {
  const other = await keyWith(['decisions:read'])
  const res = await download(app, other.secret, '/v1/disputes/export')
  t.equal(res.status, 403)
  t.equal(res.body.type.split('/problems/')[1], 'forbidden')
  const none = await app.inject({ method: 'GET', url: '/v1/disputes/export' })
  t.equal(none.statusCode, 401)
  const town = await keyWith(['disputes:read'], c.town.id)
  const sheet = await readXlsx((await download(app, town.secret, '/v1/disputes/export')).bytes)
  t.same(sheet.rows.map((r) => r['记录编号']).sort(), [land.id, resolved.id].sort(), '团结镇’s key sees 团结镇’s disputes only')
  // A unit outside the key's jurisdiction simply yields no records (API.md §2), as in the list.
  const outside = await download(app, town.secret, `/v1/disputes/export?gridUnitId=${c.otherTown.id}`)
  t.equal(outside.status, 200)
  t.same((await readXlsx(outside.bytes)).rows, [], 'no row for 陕坝镇')
  t.same((await town.get(`/v1/disputes?gridUnitId=${c.otherTown.id}`)).body.items, [], 'as the list answers')
})
