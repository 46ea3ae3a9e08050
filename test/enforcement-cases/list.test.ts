import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createCase, fine, twoOfficers } from './fixtures.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)
const { town, village, grid, community, otherTown } = county
const list = (query: string) => admin.get(`/v1/enforcement-cases?${query}`)
const ids = (res: { body: any }) => res.body.items.map((c: any) => c.id).sort()

// A small register in 团结镇 and one case in 陕坝镇.
const a = await createCase(admin, grid.id, { caseNumber: 'TJ-2025-003', title: '刘某占道经营案', domain: 'urban_management', registeredAt: '2025-03-01T16:30:00Z' })
const b = await createCase(admin, village.id, {
  caseNumber: 'TJ-2025-001', title: '王某违法占用耕地建房案', domain: 'land_resources', isMajor: true, registeredAt: '2025-03-02T08:00:00Z',
  status: 'investigating', officers: twoOfficers,
})
const c = await createCase(admin, community.id, {
  caseNumber: 'TJ-2025-002', title: '某餐饮店油烟污染案', domain: 'environment', registeredAt: '2025-06-15T02:00:00Z',
  status: 'decided', officers: twoOfficers, decision: { ...fine, decidedAt: '2025-06-20T02:00:00Z' },
})
const d = await createCase(admin, town.id, { caseNumber: 'TJ-2025-004', title: '某加油站安全生产案', domain: 'safety_production', registeredAt: '2025-06-15T15:59:59.999Z' })
const other = await createCase(admin, otherTown.id, { caseNumber: 'SB-2025-001', title: '陕坝镇占道经营案', registeredAt: '2025-04-01T00:00:00Z' })
const town5 = [a, b, c, d]

t.test('the default sort is -registeredAt, limited to the subtree asked for', async (t) => {
  const res = await list(`gridUnitId=${town.id}`)
  t.equal(res.status, 200)
  t.match(String(res.headers['content-type']), /^application\/json/)
  t.same(res.body.items.map((x: any) => x.id), [d.id, c.id, b.id, a.id])
  t.equal(res.body.nextCursor, null)
  t.same(ids(await list(`gridUnitId=${village.id}`)), [a.id, b.id].sort(), 'a village holds its grids')
  t.same(ids(await list(`gridUnitId=${otherTown.id}`)), [other.id])
  t.same(ids(await list('')), [...town5, other].map((x) => x.id).sort(), 'no filter: every case')
})

t.test('enum and boolean filters', async (t) => {
  t.same(ids(await list('status=investigating')), [b.id])
  t.same(ids(await list('status=investigating&status=decided')), [b.id, c.id].sort())
  t.same(ids(await list('domain=land_resources&domain=environment')), [b.id, c.id].sort())
  t.same(ids(await list('domain=urban_management')), [a.id, other.id].sort())
  t.same(ids(await list('isMajor=true')), [b.id])
  t.same(ids(await list(`isMajor=false&gridUnitId=${town.id}`)), [a.id, c.id, d.id].sort())
  t.same(ids(await list('status=closed')), [])
})

t.test('registeredFrom and registeredTo: inclusive, a plain date is that whole day in UTC+8', async (t) => {
  // 2025-03-01T16:30Z is 2 March 00:30 in China; 2025-06-15T15:59:59.999Z is the last instant of 15 June there.
  t.same(ids(await list('registeredFrom=2025-03-02&registeredTo=2025-03-02')), [a.id, b.id].sort())
  t.same(ids(await list('registeredTo=2025-03-01')), [])
  t.same(ids(await list('registeredFrom=2025-06-15')), [c.id, d.id].sort())
  t.same(ids(await list('registeredFrom=2025-06-16')), [])
  t.same(ids(await list('registeredFrom=2025-03-02T08:00:00Z&registeredTo=2025-06-15T02:00:00Z')), [b.id, c.id, other.id].sort(), 'date-times are inclusive')
  t.same(ids(await list('registeredFrom=2025-06-15T10:00:00%2B08:00')), [c.id, d.id].sort(), 'an offset is honoured')
  assertProblem(t, await list('registeredFrom=2025-02-30x'), 400, 'validation-error')
})

t.test('q searches caseNumber and title, Chinese included; updatedSince', async (t) => {
  t.same(ids(await list(`q=${encodeURIComponent('占道')}`)), [a.id, other.id].sort())
  t.same(ids(await list(`q=${encodeURIComponent('耕地')}`)), [b.id])
  t.same(ids(await list('q=tj-2025-00')), town5.map((x) => x.id).sort(), 'case-insensitive over the case number')
  const changed = await admin.patch(`/v1/enforcement-cases/${a.id}`, { title: '刘某占道经营案（复查）' })
  t.ok(ids(await list(`updatedSince=${encodeURIComponent(a.updatedAt)}`)).includes(a.id))
  t.same(ids(await list(`updatedSince=${encodeURIComponent(changed.body.updatedAt)}`)), [])
})

t.test('every sort, both ways, breaks ties by id', async (t) => {
  const byCase = await list(`gridUnitId=${town.id}&sort=caseNumber`)
  t.same(byCase.body.items.map((x: any) => x.caseNumber), ['TJ-2025-001', 'TJ-2025-002', 'TJ-2025-003', 'TJ-2025-004'])
  const byCaseDesc = await list(`gridUnitId=${town.id}&sort=-caseNumber`)
  t.same(byCaseDesc.body.items.map((x: any) => x.caseNumber), ['TJ-2025-004', 'TJ-2025-003', 'TJ-2025-002', 'TJ-2025-001'])
  t.same((await list(`gridUnitId=${town.id}&sort=registeredAt`)).body.items.map((x: any) => x.id), [a.id, b.id, c.id, d.id])
  t.same((await list(`gridUnitId=${town.id}&sort=createdAt`)).body.items.map((x: any) => x.id), [a.id, b.id, c.id, d.id])
  t.same((await list(`gridUnitId=${town.id}&sort=-createdAt`)).body.items.map((x: any) => x.id), [d.id, c.id, b.id, a.id])
  const byUpdate = (await list(`gridUnitId=${town.id}&sort=-updatedAt`)).body.items.map((x: any) => x.updatedAt)
  t.same(byUpdate, [...byUpdate].sort().reverse())
  assertProblem(t, await list('sort=title'), 400, 'validation-error')
})

t.test('walking every page with a cursor yields each case once, in order', async (t) => {
  const registeredAt = '2025-08-01T00:00:00.000Z'
  const many = []
  for (let i = 0; i < 9; i++) many.push(await createCase(admin, county.otherGrid.id, { registeredAt, caseNumber: `SB-2025-1${i}` }))
  for (const sort of ['-registeredAt', 'caseNumber', '-caseNumber', 'updatedAt']) {
    const seen: any[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res: any = await list(`gridUnitId=${county.otherGrid.id}&limit=4&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`)
      t.equal(res.status, 200)
      seen.push(...res.body.items)
      cursor = res.body.nextCursor
      pages++
    } while (cursor && pages < 10)
    t.equal(pages, 3, `${sort}: 4 + 4 + 1`)
    t.same(seen.map((x) => x.id).sort(), many.map((x) => x.id).sort(), `${sort}: every case once`)
    if (sort.endsWith('caseNumber')) {
      const numbers = seen.map((x) => x.caseNumber)
      t.same(numbers, sort.startsWith('-') ? [...numbers].sort().reverse() : [...numbers].sort())
    } else if (sort === '-registeredAt') {
      const same = seen.map((x) => x.id)
      t.same(same, [...same].sort().reverse(), 'equal registeredAt: ordered by id')
    }
  }
  const first = await list(`gridUnitId=${county.otherGrid.id}&limit=4&sort=caseNumber`)
  assertProblem(t, await list(`sort=-caseNumber&cursor=${first.body.nextCursor}`), 400, 'validation-error', 'a cursor is tied to its sort')
  assertProblem(t, await list('cursor=not-a-cursor'), 400, 'validation-error')
  assertProblem(t, await list('limit=101'), 400, 'validation-error')
  assertProblem(t, await list('limit=0'), 400, 'validation-error')
  assertProblem(t, await list('colour=red'), 400, 'validation-error')
})
