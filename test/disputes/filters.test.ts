import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createDispute, listIds, resolution } from './fixtures.js'

const { admin } = await buildTestApp(t)
const c = await createCounty(admin)

// Instants on both sides of China Standard Time day boundaries (UTC+8).
const d = {
  a: await createDispute(admin, c.grid.id, {
    title: '团结村土地流转纠纷', category: 'land', source: 'grid_inspection', reportedAt: '2025-03-31T16:00:00.000Z', // 04-01 00:00 CST
  }),
  b: await createDispute(admin, c.community.id, {
    title: '新华社区邻里宅基地纠纷', description: '翻建院墙越界', category: 'neighborhood', source: 'hotline', status: 'mediating',
    isPetitionBacklog: true, reportedAt: '2025-04-30T15:59:59.999Z', // 04-30 23:59:59.999 CST
  }),
  c: await createDispute(admin, c.otherGrid.id, {
    title: '陕坝镇劳资纠纷', description: '工程队拖欠工资', category: 'labor', source: 'petition', status: 'escalated',
    isPetitionBacklog: true, mediator: '王建国', reportedAt: '2025-04-30T16:00:00.000Z', // 05-01 00:00 CST
  }),
  d: await createDispute(admin, c.village.id, {
    title: '婚姻家庭纠纷', description: '离婚后土地承包份额分割', category: 'marriage_family', source: 'walk_in', status: 'resolved',
    mediator: 'Zhang Wei 律师', resolution: resolution('2025-04-02T00:00:00Z'), reportedAt: '2025-03-31T15:59:59.999Z', // 03-31 23:59:59.999 CST
  }),
  e: await createDispute(admin, c.town.id, {
    title: '合同纠纷 100%_折扣', description: undefined, category: 'contract', source: 'referral', status: 'unresolved', reportedAt: '2025-06-15T00:00:00.000Z',
  }),
}
const deleted = await createDispute(admin, c.grid.id, { title: '已删除的土地纠纷', category: 'land' })
await admin.delete(`/v1/disputes/${deleted.id}`)

type Name = keyof typeof d
const ids = (...names: Name[]) => names.map((n) => d[n].id).sort()
const found = async (query: string) => (await listIds(admin, `limit=100&${query}`)).sort()

t.test('with no filter the list holds every live dispute', async (t) => {
  t.same(await found(''), ids('a', 'b', 'c', 'd', 'e'))
})

t.test('enum filters, each repeatable', async (t) => {
  t.same(await found('status=reported'), ids('a'))
  t.same(await found('status=reported&status=mediating'), ids('a', 'b'))
  t.same(await found('status=resolved&status=unresolved&status=escalated'), ids('c', 'd', 'e'))
  t.same(await found('category=land'), ids('a'))
  t.same(await found('category=land&category=labor'), ids('a', 'c'))
  t.same(await found('category=damages'), [])
  t.same(await found('source=hotline'), ids('b'))
  t.same(await found('source=hotline&source=petition&source=walk_in'), ids('b', 'c', 'd'))
  for (const bad of ['status=closed', 'category=water', 'source=email', 'status=reported&status=bogus']) {
    assertProblem(t, await admin.get(`/v1/disputes?${bad}`), 400, 'validation-error', bad)
  }
})

t.test('isPetitionBacklog', async (t) => {
  t.same(await found('isPetitionBacklog=true'), ids('b', 'c'))
  t.same(await found('isPetitionBacklog=false'), ids('a', 'd', 'e'))
  assertProblem(t, await admin.get('/v1/disputes?isPetitionBacklog=maybe'), 400, 'validation-error')
})

t.test('reportedFrom/reportedTo: a plain date is that whole day in UTC+8, both ends inclusive', async (t) => {
  t.same(await found('reportedFrom=2025-04-01'), ids('a', 'b', 'c', 'e'))
  t.same(await found('reportedTo=2025-04-30'), ids('a', 'b', 'd'))
  t.same(await found('reportedFrom=2025-04-01&reportedTo=2025-04-30'), ids('a', 'b'))
  t.same(await found('reportedFrom=2025-03-31&reportedTo=2025-03-31'), ids('d'))
  t.same(await found('reportedFrom=2025-05-01&reportedTo=2025-05-01'), ids('c'))
  t.same(await found('reportedFrom=2025-07-01'), [])
})

t.test('reportedFrom/reportedTo: date-times are exact and inclusive', async (t) => {
  t.same(await found('reportedFrom=2025-03-31T16:00:00Z'), ids('a', 'b', 'c', 'e'))
  t.same(await found('reportedFrom=2025-03-31T15:59:59.999Z'), ids('a', 'b', 'c', 'd', 'e'))
  t.same(await found('reportedTo=2025-04-30T15:59:59.999Z'), ids('a', 'b', 'd'))
  t.same(await found(`reportedFrom=${encodeURIComponent('2025-05-01T00:00:00+08:00')}&reportedTo=${encodeURIComponent('2025-05-01T00:00:00+08:00')}`), ids('c'))
  for (const bad of ['reportedFrom=yesterday', 'reportedTo=2025-13-01', 'reportedFrom=2025-04-01T25:00:00Z']) {
    assertProblem(t, await admin.get(`/v1/disputes?${bad}`), 400, 'validation-error', bad)
  }
})

t.test('gridUnitId: the unit and every unit below it', async (t) => {
  t.same(await found(`gridUnitId=${c.county.id}`), ids('a', 'b', 'c', 'd', 'e'))
  t.same(await found(`gridUnitId=${c.town.id}`), ids('a', 'b', 'd', 'e'))
  t.same(await found(`gridUnitId=${c.village.id}`), ids('a', 'd'))
  t.same(await found(`gridUnitId=${c.grid.id}`), ids('a'))
  t.same(await found(`gridUnitId=${c.otherTown.id}`), ids('c'))
  t.same(await found('gridUnitId=00000000-0000-4000-8000-000000000000'), [], 'an unknown unit yields nothing')
  assertProblem(t, await admin.get('/v1/disputes?gridUnitId=团结镇'), 400, 'validation-error')
})

t.test('q: substring search over title, description and mediator, Chinese words of any length', async (t) => {
  const q = (text: string) => found(`q=${encodeURIComponent(text)}`)
  t.same(await q('土地'), ids('a', 'd'), 'two characters, in a title and in a description; never a deleted record')
  t.same(await q('邻里'), ids('b'))
  t.same(await q('纠'), ids('a', 'b', 'c', 'd', 'e'), 'one character')
  t.same(await q('劳'), ids('c'))
  t.same(await q('拖欠工资'), ids('c'))
  t.same(await q('王建国'), ids('c'), 'the mediator')
  t.same(await q('zhang wei'), ids('d'), 'case-insensitive')
  t.same(await q('ZHANG'), ids('d'))
  t.same(await q('100%_'), ids('e'), 'LIKE wildcards are literal')
  t.same(await q('%'), ids('e'))
  t.same(await q('_'), ids('e'))
  t.same(await q('地土'), [], 'the characters in order, not a bag of bigrams')
  t.same(await q('宅基地流转'), [])
  assertProblem(t, await admin.get('/v1/disputes?q='), 400, 'validation-error')
  assertProblem(t, await admin.get(`/v1/disputes?q=${'土'.repeat(101)}`), 400, 'validation-error')
})

t.test('filters combine', async (t) => {
  t.same(await found(`category=land&category=marriage_family&gridUnitId=${c.village.id}&q=${encodeURIComponent('土地')}`), ids('a', 'd'))
  t.same(await found(`status=resolved&q=${encodeURIComponent('土地')}&reportedFrom=2025-04-01`), [])
  t.same(await found('isPetitionBacklog=true&source=petition&status=escalated'), ids('c'))
})

t.test('updatedSince: only records changed strictly after it', async (t) => {
  const changed = await admin.patch(`/v1/disputes/${d.b.id}`, { mediator: '新华社区调解员 刘丽' })
  const all = (await admin.get('/v1/disputes?limit=100')).body.items as { id: string; updatedAt: string }[]
  for (const since of [d.a.updatedAt, d.e.updatedAt, changed.body.updatedAt]) {
    const expected = all.filter((r) => Date.parse(r.updatedAt) > Date.parse(since)).map((r) => r.id).sort()
    t.same(await found(`updatedSince=${since}`), expected, since)
  }
  t.ok((await found(`updatedSince=${d.e.updatedAt}`)).includes(d.b.id), 'the changed record is found')
  t.notOk((await found(`updatedSince=${changed.body.updatedAt}`)).includes(d.b.id), 'but not at its own instant')
  assertProblem(t, await admin.get('/v1/disputes?updatedSince=2025-04-01'), 400, 'validation-error')
})

t.test('unknown query parameters are refused', async (t) => {
  const res = await admin.get('/v1/disputes?stauts=reported')
  assertProblem(t, res, 400, 'validation-error')
  assertProblem(t, await admin.get('/v1/disputes?mediator=王建国'), 400, 'validation-error')
})
