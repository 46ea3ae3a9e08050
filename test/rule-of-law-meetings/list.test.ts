import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { checkSortedPages } from '../helpers/record-checks.js'
import { createCounty } from '../helpers/factories.js'
import { createMeeting } from './fixtures.js'

const { admin } = await buildTestApp(t)
const { town, village, grid, community, otherTown, otherGrid } = await createCounty(admin)
const url = '/v1/rule-of-law-meetings'
const list = (query: string) => admin.get(`${url}?${query}`)
const ids = (res: { body: any }) => res.body.items.map((m: any) => m.id).sort()
const order = (res: { body: any }) => res.body.items.map((m: any) => m.id)

// 团结镇's meetings of 2025, and one in 陕坝镇. 2025-03-17T16:30Z is 18 March 00:30 in China.
const a = await createMeeting(admin, town.id, { title: '第一次法治专题会议', kind: 'special_meeting', heldAt: '2025-03-17T16:30:00Z', chairedBy: '镇党委书记 王建国', summary: '研究土地流转纠纷' })
const b = await createMeeting(admin, village.id, { title: '村两委学法', kind: 'other', heldAt: '2025-03-18T08:00:00Z', chairedBy: '村支书 李红' })
const c = await createMeeting(admin, grid.id, { title: '党委理论学习中心组学习民法典', kind: 'central_group_study', heldAt: '2025-06-30T15:59:59.999Z', chairedBy: '镇长 赵刚' })
const d = await createMeeting(admin, community.id, { title: '政府常务会议学法', kind: 'executive_study', heldAt: '2025-07-01T00:00:00Z', chairedBy: '镇长 赵刚', summary: '学习《行政复议法》' })
const other = await createMeeting(admin, otherTown.id, { title: '陕坝镇法治专题会议', kind: 'special_meeting', heldAt: '2025-04-01T00:00:00Z', chairedBy: '镇党委书记 孙明' })
const mine = [a, b, c, d]

t.test('default sort -heldAt over the subtree asked for', async (t) => {
  const res = await list(`gridUnitId=${town.id}`)
  t.equal(res.status, 200)
  t.same(order(res), [d.id, c.id, b.id, a.id])
  t.equal(res.body.nextCursor, null)
  t.same(ids(await list(`gridUnitId=${village.id}`)), [b.id, c.id].sort(), 'a village holds its grids')
  t.same(ids(await list(`gridUnitId=${otherGrid.id}`)), [], 'a unit with no meetings')
  t.same(ids(await list('')), [...mine, other].map((m) => m.id).sort())
})

t.test('kind: one value, repeated values, a value with no meetings, an unknown value', async (t) => {
  t.same(ids(await list('kind=special_meeting')), [a.id, other.id].sort())
  t.same(ids(await list('kind=central_group_study&kind=executive_study')), [c.id, d.id].sort())
  t.same(ids(await list(`kind=special_meeting&gridUnitId=${town.id}`)), [a.id])
  await createMeeting(admin, otherGrid.id, { title: '第二网格学法', kind: 'other' })
  t.same(ids(await list(`kind=executive_study&gridUnitId=${otherTown.id}`)), [])
  assertProblem(t, await list('kind=party_meeting'), 400, 'validation-error')
})

t.test('heldFrom and heldTo: inclusive, a plain date is that whole day in UTC+8', async (t) => {
  const inTown = `gridUnitId=${town.id}`
  t.same(ids(await list(`${inTown}&heldFrom=2025-03-18&heldTo=2025-03-18`)), [a.id, b.id].sort())
  t.same(ids(await list(`${inTown}&heldTo=2025-03-17`)), [], '16:30Z on the 17th is already the 18th in China')
  t.same(ids(await list(`${inTown}&heldFrom=2025-06-30&heldTo=2025-06-30`)), [c.id], 'the last instant of 30 June in China')
  t.same(ids(await list(`${inTown}&heldFrom=2025-07-01`)), [d.id])
  t.same(ids(await list(`${inTown}&heldFrom=2025-03-18T08:00:00Z&heldTo=2025-06-30T15:59:59.999Z`)), [b.id, c.id].sort(), 'date-times are inclusive at both ends')
  t.same(ids(await list(`${inTown}&heldFrom=2025-03-18T16:00:01%2B08:00`)), [c.id, d.id].sort(), 'an offset is honoured')
  assertProblem(t, await list('heldFrom=2025-13-01'), 400, 'validation-error')
  assertProblem(t, await list('heldTo=yesterday'), 400, 'validation-error')
})

t.test('q searches title, chairedBy and summary in Chinese; updatedSince', async (t) => {
  t.same(ids(await list(`q=${encodeURIComponent('专题会议')}`)), [a.id, other.id].sort(), 'title')
  t.same(ids(await list(`q=${encodeURIComponent('赵刚')}`)), [c.id, d.id].sort(), 'chairedBy')
  t.same(ids(await list(`q=${encodeURIComponent('行政复议')}`)), [d.id], 'summary')
  t.same(ids(await list(`q=${encodeURIComponent('土地流转')}`)), [a.id], 'summary')
  t.same(ids(await list(`q=${encodeURIComponent('信访')}`)), [])
  const changed = await admin.patch(`${url}/${b.id}`, { summary: '学习信访工作条例' })
  t.equal(changed.status, 200)
  t.same(ids(await list(`q=${encodeURIComponent('信访')}`)), [b.id], 'the search follows a patch')
  t.ok(ids(await list(`updatedSince=${encodeURIComponent(b.updatedAt)}`)).includes(b.id))
  t.same(ids(await list(`updatedSince=${encodeURIComponent(changed.body.updatedAt)}`)), [], 'changed after, not at')
  assertProblem(t, await list('updatedSince=soon'), 400, 'validation-error')
})

t.test('every sort both ways; keyset paging yields each meeting once, in order', async (t) => {
  t.same(order(await list(`gridUnitId=${town.id}&sort=heldAt`)), [a.id, b.id, c.id, d.id])
  t.same(order(await list(`gridUnitId=${town.id}&sort=createdAt`)), [a.id, b.id, c.id, d.id])
  t.same(order(await list(`gridUnitId=${town.id}&sort=-createdAt`)), [d.id, c.id, b.id, a.id])

  // Nine meetings at one instant, so only the id breaks ties across pages.
  for (let i = 0; i < 9; i++) await createMeeting(admin, otherGrid.id, { title: `分页会议${i}`, heldAt: '2025-09-01T00:00:00.000Z' })
  await createMeeting(admin, otherGrid.id, { title: '早一天', heldAt: '2025-08-31T00:00:00.000Z' })
  const all = (await list(`gridUnitId=${otherGrid.id}&limit=100`)).body.items
  await checkSortedPages(t, list, { query: `gridUnitId=${otherGrid.id}`, sorts: ['heldAt', '-heldAt', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'], limit: 4, pages: 3, all })

  const first = await list(`gridUnitId=${otherGrid.id}&limit=4&sort=heldAt`)
  assertProblem(t, await list(`sort=-heldAt&cursor=${first.body.nextCursor}`), 400, 'validation-error', 'a cursor is tied to its sort')
  assertProblem(t, await list('cursor=nope'), 400, 'validation-error')
  assertProblem(t, await list('sort=title'), 400, 'validation-error')
  assertProblem(t, await list('limit=101'), 400, 'validation-error')
  assertProblem(t, await list('status=open'), 400, 'validation-error', 'an unknown parameter')
})
