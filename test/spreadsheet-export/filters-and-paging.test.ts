// The export takes every filter of the list and follows every page: the same records as the
// list for each query, none missing and none twice past one list page.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { disputeBody, resolution } from '../disputes/fixtures.js'
import { download, listAll, readCsv, readXlsx } from './fixtures.js'

// Hundreds of requests and several workbooks: more than the default file timeout on a busy machine.
t.setTimeout(600_000)
const { app, admin, adminKey } = await buildTestApp(t)
const c = await createCounty(admin)

// 250 disputes: more than two export pages (EXPORT_PAGE is 100) and than one list page.
const MANY = 250
const units = [c.grid, c.community, c.otherGrid]
const categories = ['land', 'labor', 'contract'] as const
const body = (i: number) =>
  disputeBody(units[i % 3]!.id, {
    title: `${i % 7 === 0 ? '宅基地' : '土地'}纠纷 第${i}号`,
    category: categories[i % 3],
    isPetitionBacklog: i % 4 === 0,
    reportedAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    ...(i % 5 === 0 ? { status: 'resolved', resolution: resolution(new Date(Date.UTC(2025, 2, 1)).toISOString()) } : {}),
  })
for (let from = 0; from < MANY; from += 10) {
  await Promise.all(Array.from({ length: 10 }, async (_, k) => {
    const res = await admin.post('/v1/disputes', body(from + k))
    if (res.status !== 201) throw new Error(res.text)
  }))
}

const exportedIds = async (query: string) => {
  const res = await download(app, adminKey, `/v1/disputes/export?format=xlsx${query ? `&${query}` : ''}`)
  if (res.status !== 200) throw new Error(`export ${query}: ${res.status} ${res.bytes}`)
  return (await readXlsx(res.bytes)).rows.map((r) => r['记录编号'])
}

t.test('all 250 rows exported, in the list’s order, none twice', async (t) => {
  const ids = await exportedIds('')
  t.equal(ids.length, MANY)
  t.equal(new Set(ids).size, MANY, 'no record twice')
  t.same(ids, (await listAll(app, adminKey, 'disputes')).map((d) => d.id))
  const csv = readCsv((await download(app, adminKey, '/v1/disputes/export?format=csv')).bytes)
  t.equal(csv.rows.length, MANY, 'the CSV too')
  t.equal(new Set(csv.rows.map((r) => r['记录编号'])).size, MANY)
})

// Expected counts by hand from the loop above: i in 0..249.
const queries: [string, number][] = [
  ['category=land', 84], // i % 3 === 0
  ['category=land&category=labor', 167],
  ['status=resolved', 50], // i % 5 === 0
  ['isPetitionBacklog=true', 63], // i % 4 === 0
  [`gridUnitId=${c.town.id}`, 167], // grid and community are in 团结镇
  [`gridUnitId=${c.otherTown.id}`, 83],
  ['reportedFrom=2025-01-01&reportedTo=2025-01-02', 40], // 2025-01-01 00:00Z + i h, to 01-02 23:59 UTC+8 = 01-02 15:59Z: i ≤ 39
  ['q=宅基地', 36], // i % 7 === 0
  ['sort=-reportedAt', MANY],
  ['status=resolved&category=labor', 16], // i ≡ 10 (mod 15): 10, 25, …, 235
]

t.test('each filter of the list applies to the export', async (t) => {
  for (const [query, count] of queries) {
    const ids = await exportedIds(query)
    const listed = (await listAll(app, adminKey, 'disputes', query)).map((d) => d.id)
    t.same(ids, listed, `${query}: the list’s records in its order`)
    t.equal(ids.length, count, `${query}: ${count} records`)
  }
})

t.test('paging parameters are not the export’s', async (t) => {
  for (const query of ['limit=10', 'cursor=abc']) {
    const res = await download(app, adminKey, `/v1/disputes/export?${query}`)
    t.equal(res.status, 400, query)
    t.equal(res.body.type.split('/problems/')[1], 'validation-error')
  }
  t.equal((await download(app, adminKey, '/v1/disputes/export?category=water')).status, 400, 'a bad filter value as the list refuses it')
})
