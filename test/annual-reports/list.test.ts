import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createReport, patchReport, reportsUrl, walkReports, type Report } from './fixtures.js'

// The list of API.md §5: filters `year` and `status` (repeatable), the shared `gridUnitId` (subtree),
// `q` and `updatedSince`; sorts `year` (default `-year`), `createdAt`, `updatedAt`, each keyset-paged
// with the id as tie-breaker.

const { admin } = await buildTestApp(t)
const c = await createCounty(admin)

// Years repeat across units, so the id tie-break decides part of the year order.
const plan: [string, number, string][] = [
  [c.town.id, 2025, 'draft'],
  [c.town.id, 2024, 'submitted'],
  [c.town.id, 2023, 'published'],
  [c.otherTown.id, 2025, 'submitted'],
  [c.otherTown.id, 2024, 'draft'],
  [c.village.id, 2025, 'published'],
  [c.grid.id, 2024, 'submitted'],
  [c.community.id, 2022, 'draft'],
]
for (const [unit, year, status] of plan) {
  await createReport(admin, unit, { year, status, ...(status === 'published' ? { publishedAt: `${year + 1}-03-20T02:00:00Z` } : {}), title: `报告${unit.slice(0, 4)}${year}` })
}
// A change after creation makes the updatedAt order differ from the createdAt order.
const created = (await admin.get(`${reportsUrl}?sort=createdAt&limit=100`)).body.items as Report[]
await patchReport(admin, created[0]!.id, { issuer: '团结镇人民政府（修改）' })
await patchReport(admin, created[4]!.id, { addressee: '旗司法局' })
const all = (await admin.get(`${reportsUrl}?limit=100`)).body.items as Report[]

const ids = (items: Report[]) => items.map((r) => r.id)
function ordered(field: 'year' | 'createdAt' | 'updatedAt', descending: boolean): string[] {
  const value = (r: Report) => (field === 'year' ? r.year : Date.parse(String(r[field])))
  const sorted = [...all].sort((a, b) => value(a) - value(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return ids(descending ? sorted.reverse() : sorted)
}

t.test('every sort, both directions, walked two at a time', async (t) => {
  t.equal(all.length, plan.length)
  for (const field of ['year', 'createdAt', 'updatedAt'] as const) {
    for (const descending of [false, true]) {
      const sort = `${descending ? '-' : ''}${field}`
      const walked = await walkReports(admin, `sort=${sort}&limit=2`)
      t.same(ids(walked.items), ordered(field, descending), `${sort}: the order, ties by id`)
      t.equal(walked.pages, plan.length / 2, `${sort}: no empty trailing page`)
    }
  }
  t.same(ids(all), ordered('year', true), 'the default sort is -year')
  t.same(ids((await walkReports(admin, 'limit=3')).items), ordered('year', true), 'the default sort over pages')
})

t.test('filters: year, status (repeatable), gridUnitId subtree, q, updatedSince', async (t) => {
  const years = async (query: string) => (await walkReports(admin, `${query}&limit=100`)).items
  t.same((await years('year=2025')).map((r) => r.year), [2025, 2025, 2025])
  t.ok((await years('status=draft')).every((r) => r.status === 'draft'))
  t.equal((await years('status=draft')).length, 3)
  t.equal((await years('status=submitted&status=published')).length, 5, 'a repeated status is an either-or')
  t.same((await years('year=2024&status=submitted')).map((r) => r.gridUnitId).sort(), [c.town.id, c.grid.id].sort(), 'filters combine')
  t.equal((await years(`gridUnitId=${c.town.id}`)).length, 6, 'the town’s subtree: itself, its village, grid and community')
  t.equal((await years(`gridUnitId=${c.village.id}`)).length, 2)
  t.equal((await years(`gridUnitId=${c.county.id}`)).length, plan.length)
  t.same((await years('q=旗司法局')).map((r) => r.id), [created[4]!.id], 'q searches the addressee')
  t.equal((await years('q=修改')).length, 1, 'and the issuer')
  const since = created[3]!.updatedAt as string
  t.same(ids(await years(`updatedSince=${encodeURIComponent(since)}&sort=updatedAt`)), ordered('updatedAt', false).filter((id) => Date.parse(String(all.find((r) => r.id === id)!.updatedAt)) > Date.parse(since)))
  for (const bad of ['year=1999', 'year=abc', 'status=filed', 'sort=title', 'sort=-status', 'limit=0', 'yaer=2025', 'cursor=nope']) {
    assertProblem(t, await admin.get(`${reportsUrl}?${bad}`), 400, 'validation-error', bad)
  }
})

t.test('a cursor belongs to its sort', async (t) => {
  const page = await admin.get(`${reportsUrl}?limit=2&sort=year`)
  assertProblem(t, await admin.get(`${reportsUrl}?limit=2&sort=createdAt&cursor=${page.body.nextCursor}`), 400, 'validation-error')
  t.equal((await admin.get(`${reportsUrl}?limit=2&sort=year&cursor=${page.body.nextCursor}`)).status, 200)
})

t.test('every listed report carries its figures, dueAt and late', async (t) => {
  for (const r of all) {
    t.equal(r.figures.year, r.year, `${r.title}: figures of its year`)
    t.equal(r.figures.gridUnit.id, r.gridUnitId, `${r.title}: of its unit`)
    t.equal(r.dueAt, new Date(`${r.year + 1}-03-01T00:00:00+08:00`).toISOString())
    t.type(r.late, 'boolean')
  }
})
