import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'

const { admin } = await buildTestApp(t)
const county = await createGridUnit(admin, { level: 'county', name: '杭锦后旗', code: 'P-000' })
const names = ['团结镇', '陕坝镇', '头道桥镇', '沙海镇', '蛮会镇', '双庙镇', '二道桥镇', '三道桥镇', '团结村', '联丰村', '民主村', '太荣村']
const created: any[] = []
for (const [i, name] of names.entries()) {
  created.push(await createGridUnit(admin, { name, level: name.endsWith('镇') ? 'town' : 'grid', parentId: county.id, code: `P-${String(i + 1).padStart(3, '0')}` }))
}

async function walk(query: string, limit: number) {
  const seen: any[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const res = await admin.get(`/v1/grid-units?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    if (res.status !== 200) throw new Error(res.text)
    seen.push(...res.body.items)
    cursor = res.body.nextCursor
    pages++
  } while (cursor && pages < 100)
  return seen
}

t.test('a cursor walk visits every record once, in sort order', async (t) => {
  const byCode = await walk('sort=code', 5)
  t.same(byCode.map((u) => u.code), ['P-000', ...created.map((u) => u.code)])
  const byCodeDesc = await walk('sort=-code', 4)
  t.same(byCodeDesc.map((u) => u.code), ['P-000', ...created.map((u) => u.code)].reverse())
  const byCreated = await walk('sort=createdAt', 3)
  t.equal(new Set(byCreated.map((u) => u.id)).size, names.length + 1)
  const byName = await walk('sort=-name', 5)
  t.equal(byName.length, names.length + 1)
})

t.test('the last page says so with a null cursor', async (t) => {
  const res = await admin.get('/v1/grid-units?limit=100')
  t.equal(res.body.nextCursor, null)
  t.equal(res.body.items.length, names.length + 1)
  const first = await admin.get('/v1/grid-units')
  t.equal(first.body.items.length, 13, 'default limit 20 holds all 13')
})

t.test('a cursor is checked: tampered, foreign or from another sort → 400', async (t) => {
  const page = await admin.get('/v1/grid-units?sort=name&limit=2')
  const cursor = page.body.nextCursor
  t.type(cursor, 'string')
  const wrongSort = await admin.get(`/v1/grid-units?sort=code&limit=2&cursor=${cursor}`)
  assertProblem(t, wrongSort, 400, 'validation-error')
  t.equal(wrongSort.body.errors[0].pointer, '/cursor')
  assertProblem(t, await admin.get('/v1/grid-units?cursor=not-a-cursor'), 400, 'validation-error')
  const forged = Buffer.from(JSON.stringify(['code', { $gt: '' }, 'x'])).toString('base64url')
  assertProblem(t, await admin.get(`/v1/grid-units?cursor=${forged}`), 400, 'validation-error')
  const badTime = Buffer.from(JSON.stringify(['createdAt', 'yesterday', county.id])).toString('base64url')
  assertProblem(t, await admin.get(`/v1/grid-units?sort=createdAt&cursor=${badTime}`), 400, 'validation-error')
})

t.test('filters: level (repeatable), parentId, gridUnitId subtree, q in Chinese, updatedSince', async (t) => {
  const towns = await admin.get('/v1/grid-units?level=town&limit=100')
  t.equal(towns.body.items.length, 8)
  const townsAndCounty = await admin.get('/v1/grid-units?level=town&level=county&limit=100')
  t.equal(townsAndCounty.body.items.length, 9)
  const children = await admin.get(`/v1/grid-units?parentId=${county.id}&limit=100`)
  t.equal(children.body.items.length, names.length)
  const subtree = await admin.get(`/v1/grid-units?gridUnitId=${created[0].id}`)
  t.same(subtree.body.items.map((u: any) => u.id), [created[0].id], 'a subtree includes the unit itself')
  const q2 = await admin.get(`/v1/grid-units?q=${encodeURIComponent('道桥')}`)
  t.same(q2.body.items.map((u: any) => u.name).sort(), ['三道桥镇', '二道桥镇', '头道桥镇'].sort())
  const q1 = await admin.get(`/v1/grid-units?q=${encodeURIComponent('村')}&limit=100`)
  t.equal(q1.body.items.length, 4)
  const qCode = await admin.get('/v1/grid-units?q=p-00')
  t.ok(qCode.body.items.length > 0, 'case-insensitive search over the code')
  const qLike = await admin.get(`/v1/grid-units?q=${encodeURIComponent('%')}`)
  t.equal(qLike.body.items.length, 0, 'LIKE wildcards are matched literally')
  const later = new Date(Date.now() + 60_000).toISOString()
  t.equal((await admin.get(`/v1/grid-units?updatedSince=${later}`)).body.items.length, 0)
  const earlier = new Date(Date.now() - 3600_000).toISOString()
  t.equal((await admin.get(`/v1/grid-units?updatedSince=${earlier}&limit=100`)).body.items.length, 13)
})
