import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createItem, itemsUrl, walkIds } from './fixtures.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)

// Five items around the turn of March into April, Beijing time (UTC+8).
const budget = await createItem(admin, county.grid.id, {
  title: '一季度财政预算执行情况', category: 'fiscal', channels: ['government_platform', 'notice_board'], publishedAt: '2025-03-31T23:30:00+08:00',
})
const policy = await createItem(admin, county.town.id, {
  title: '关于印发《团结镇村规民约》的通知', category: 'policy_document', channels: ['website'], publishedAt: '2025-04-01T00:30:00+08:00',
})
const villageAffairs = await createItem(admin, county.village.id, {
  title: '团结村村务公开（三月）', category: 'village_affairs', channels: ['notice_board', 'grid_group'], publishedAt: '2025-03-31T16:00:00Z',
})
const enforcement = await createItem(admin, county.community.id, {
  title: '行政执法事项清单', category: 'enforcement', channels: ['wechat'], publishedAt: '2025-03-30T16:00:00Z',
})
const elsewhere = await createItem(admin, county.otherGrid.id, {
  title: '陕坝镇重大决策公示', category: 'decision', channels: ['government_platform'], publishedAt: '2025-06-01T02:00:00Z',
})
const everyItem = [budget, policy, villageAffairs, enforcement, elsewhere]

async function ids(query: string): Promise<string[]> {
  const res = await admin.get(`${itemsUrl}?limit=100&${query}`)
  if (res.status !== 200) throw new Error(`${query}: ${res.status} ${res.text}`)
  return res.body.items.map((e: any) => e.id).sort()
}
const idsOf = (...items: any[]) => items.map((e) => e.id).sort()

t.test('category filters, repeatable', async (t) => {
  t.same(await ids('category=fiscal'), idsOf(budget))
  t.same(await ids('category=fiscal&category=decision'), idsOf(budget, elsewhere))
  t.same(await ids('category=other'), [])
})

t.test('channel: items with any of the channels among theirs', async (t) => {
  t.same(await ids('channel=notice_board'), idsOf(budget, villageAffairs))
  t.same(await ids('channel=government_platform'), idsOf(budget, elsewhere))
  t.same(await ids('channel=wechat&channel=website'), idsOf(enforcement, policy))
  t.same(await ids('channel=other'), [])
  t.same(await ids('channel=notice_board&category=village_affairs'), idsOf(villageAffairs), 'with another filter: both apply')
})

t.test('publishedFrom/To: a plain date is the whole day in UTC+8, both ends inclusive', async (t) => {
  // 31 March in Beijing runs from 2025-03-30T16:00Z to 2025-03-31T16:00Z (exclusive).
  t.same(await ids('publishedFrom=2025-03-31&publishedTo=2025-03-31'), idsOf(budget, enforcement))
  t.same(await ids('publishedFrom=2025-04-01&publishedTo=2025-04-01'), idsOf(policy, villageAffairs))
  t.same(await ids('publishedTo=2025-03-30'), [])
  t.same(await ids('publishedFrom=2025-04-02'), idsOf(elsewhere))
  t.same(await ids(`publishedFrom=${encodeURIComponent('2025-03-31T16:00:00Z')}&publishedTo=${encodeURIComponent('2025-04-01T00:30:00+08:00')}`), idsOf(policy, villageAffairs), 'instants are inclusive')
})

t.test('gridUnitId takes the unit and its subtree', async (t) => {
  t.same(await ids(`gridUnitId=${county.town.id}`), idsOf(budget, policy, villageAffairs, enforcement))
  t.same(await ids(`gridUnitId=${county.village.id}`), idsOf(budget, villageAffairs))
  t.same(await ids(`gridUnitId=${county.county.id}`), idsOf(...everyItem))
})

t.test('q searches the title in Chinese, case-insensitively', async (t) => {
  t.same(await ids(`q=${encodeURIComponent('村务公开')}`), idsOf(villageAffairs))
  t.same(await ids(`q=${encodeURIComponent('财政预算')}`), idsOf(budget))
  t.same(await ids(`q=${encodeURIComponent('村规民约')}`), idsOf(policy))
  t.same(await ids(`q=${encodeURIComponent('不存在的事项')}`), [])
})

t.test('updatedSince: only items changed after the instant', async (t) => {
  const before = new Date().toISOString()
  await new Promise((resolve) => setTimeout(resolve, 5))
  const changed = await admin.patch(`${itemsUrl}/${policy.id}`, { channels: ['website', 'wechat'] })
  t.equal(changed.status, 200)
  t.same(await ids(`updatedSince=${encodeURIComponent(before)}`), idsOf(policy))
  t.same(await ids(`updatedSince=${encodeURIComponent(changed.body.updatedAt)}`), [], 'after the change itself')
})

t.test('sorts ascend and descend, each walked page by page with no duplicate and no gap', async (t) => {
  const byPublished = [enforcement, budget, villageAffairs, policy, elsewhere].map((e) => e.id)
  t.same((await walkIds(admin, itemsUrl, 'limit=100')).ids, [...byPublished].reverse(), 'default -publishedAt')
  for (const [sort, expected] of [
    ['publishedAt', byPublished],
    ['-publishedAt', [...byPublished].reverse()],
    ['createdAt', everyItem.map((e) => e.id)],
    ['-createdAt', everyItem.map((e) => e.id).reverse()],
  ] as const) {
    const walked = await walkIds(admin, itemsUrl, `sort=${sort}&limit=2`)
    t.same(walked.ids, expected, sort)
    t.equal(walked.pages, 3)
  }
  const updated = await walkIds(admin, itemsUrl, 'sort=updatedAt&limit=2')
  t.equal(updated.ids.at(-1), policy.id, 'the item changed last comes last')
  t.same([...updated.ids].sort(), idsOf(...everyItem))
  t.same((await walkIds(admin, itemsUrl, 'sort=-updatedAt&limit=2')).ids, [...updated.ids].reverse())
})

t.test('bad list parameters are 400s', async (t) => {
  for (const query of ['category=budget', 'channel=newspaper', 'publishedFrom=yesterday', 'sort=title', 'sort=-uri', 'limit=0', 'limit=101', 'cursor=garbage', 'status=published']) {
    const res = await admin.get(`${itemsUrl}?${query}`)
    assertProblem(t, res, 400, 'validation-error', query)
    t.ok(res.body.errors?.every((e: any) => e.in === 'query'), `${query} is a query error`)
  }
})
