import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { checkSortedPages } from '../helpers/record-checks.js'
import { createCounty } from '../helpers/factories.js'
import { adopted, createPlan } from './fixtures.js'

const { admin } = await buildTestApp(t)
const { town, village, grid, community, otherTown, otherGrid } = await createCounty(admin)
const url = '/v1/work-plans'
const list = (query: string) => admin.get(`${url}?${query}`)
const ids = (res: { body: any }) => res.body.items.map((p: any) => p.id).sort()
const order = (res: { body: any }) => res.body.items.map((p: any) => p.id)

const p2023 = await createPlan(admin, town.id, { year: 2023, title: '团结镇2023年法治政府建设工作方案', ...adopted, status: 'repealed' })
const p2024 = await createPlan(admin, village.id, { year: 2024, title: '团结村2024年普法工作计划', ...adopted })
const p2025 = await createPlan(admin, grid.id, { year: 2025, title: '第一网格2025年矛盾纠纷排查方案' })
const p2026 = await createPlan(admin, community.id, { year: 2026, title: '新华社区2026年法治建设工作方案', ...adopted })
const other = await createPlan(admin, otherTown.id, { year: 2025, title: '陕坝镇2025年法治政府建设工作方案' })

t.test('default sort -year over the subtree asked for', async (t) => {
  const res = await list(`gridUnitId=${town.id}`)
  t.equal(res.status, 200)
  t.same(order(res), [p2026.id, p2025.id, p2024.id, p2023.id])
  t.equal(res.body.nextCursor, null)
  t.same(ids(await list(`gridUnitId=${village.id}`)), [p2024.id, p2025.id].sort())
  t.same(ids(await list(`gridUnitId=${otherGrid.id}`)), [])
})

t.test('year and status filters', async (t) => {
  t.same(ids(await list('year=2025')), [p2025.id, other.id].sort())
  t.same(ids(await list(`year=2025&gridUnitId=${town.id}`)), [p2025.id])
  t.same(ids(await list('year=2027')), [])
  t.same(ids(await list('status=adopted')), [p2024.id, p2026.id].sort())
  t.same(ids(await list('status=draft&status=repealed')), [p2023.id, p2025.id, other.id].sort())
  t.same(ids(await list('status=repealed&year=2025')), [])
  assertProblem(t, await list('status=published'), 400, 'validation-error')
  assertProblem(t, await list('year=1999'), 400, 'validation-error')
  assertProblem(t, await list('year=twenty'), 400, 'validation-error')
})

t.test('q searches the title in Chinese; updatedSince', async (t) => {
  t.same(ids(await list(`q=${encodeURIComponent('法治政府建设')}`)), [p2023.id, other.id].sort())
  t.same(ids(await list(`q=${encodeURIComponent('普法')}`)), [p2024.id])
  t.same(ids(await list(`q=${encodeURIComponent('网格')}`)), [p2025.id])
  t.same(ids(await list(`q=${encodeURIComponent('信访')}`)), [])
  const changed = await admin.patch(`${url}/${p2025.id}`, { title: '第一网格2025年信访积案化解方案' })
  t.same(ids(await list(`q=${encodeURIComponent('信访')}`)), [p2025.id], 'the search follows a patch')
  t.ok(ids(await list(`updatedSince=${encodeURIComponent(p2025.updatedAt)}`)).includes(p2025.id))
  t.same(ids(await list(`updatedSince=${encodeURIComponent(changed.body.updatedAt)}`)), [])
})

t.test('every sort both ways; keyset paging yields each plan once, in order', async (t) => {
  t.same(order(await list(`gridUnitId=${town.id}&sort=year`)), [p2023.id, p2024.id, p2025.id, p2026.id])
  t.same(order(await list(`gridUnitId=${town.id}&sort=createdAt`)), [p2023.id, p2024.id, p2025.id, p2026.id])
  t.same(order(await list(`gridUnitId=${town.id}&sort=-createdAt`)), [p2026.id, p2025.id, p2024.id, p2023.id])

  // Nine plans of one year, so only the id breaks ties across pages, and one of another year.
  for (let i = 0; i < 9; i++) await createPlan(admin, otherGrid.id, { year: 2030, title: `分页方案${i}` })
  await createPlan(admin, otherGrid.id, { year: 2029, title: '早一年' })
  const all = (await list(`gridUnitId=${otherGrid.id}&limit=100`)).body.items
  t.equal(all.length, 10)
  await checkSortedPages(t, list, { query: `gridUnitId=${otherGrid.id}`, sorts: ['year', '-year', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'], limit: 3, pages: 4, all })

  assertProblem(t, await list('sort=title'), 400, 'validation-error')
  assertProblem(t, await list('cursor=%%%'), 400, 'validation-error')
  assertProblem(t, await list('owner=x'), 400, 'validation-error', 'an unknown parameter')
})
