import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createDecision, draft } from './fixtures/decisions.js'

const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)

// 24 decisions over 8 proposal instants: three share each instant, so ties are broken by id.
const created: any[] = []
for (let i = 0; i < 24; i++) {
  const day = String(1 + (i % 8)).padStart(2, '0')
  created.push(await createDecision(admin, draft(town.id, { title: `关于团结镇第 ${i + 1} 号事项的决策`, proposedAt: `2025-04-${day}T02:00:00.000Z` })))
}

type Row = { id: string; [field: string]: unknown }
const order = (field: string, descending: boolean) => (x: Row, y: Row) => {
  const [p, q] = descending ? [y, x] : [x, y]
  const a = String(p[field])
  const b = String(q[field])
  return a < b ? -1 : a > b ? 1 : p.id < q.id ? -1 : p.id > q.id ? 1 : 0
}

async function walk(query: string, onPage?: (page: number) => Promise<void>): Promise<Row[]> {
  const seen: Row[] = []
  let cursor: string | null = null
  for (let page = 1; page < 50; page++) {
    const res = await admin.get(`/v1/decisions?${query}${cursor ? `&cursor=${cursor}` : ''}`)
    if (res.status !== 200) throw new Error(`${res.status} ${res.text}`)
    seen.push(...res.body.items)
    cursor = res.body.nextCursor
    if (!cursor) break
    await onPage?.(page)
  }
  return seen
}

t.test('the default order is -proposedAt, ties broken by id; 20 a page', async (t) => {
  const res = await admin.get('/v1/decisions')
  t.equal(res.status, 200)
  t.equal(res.body.items.length, 20)
  t.type(res.body.nextCursor, 'string')
  t.same(res.body.items.map((x: Row) => x.id), [...created].sort(order('proposedAt', true)).slice(0, 20).map((x) => x.id))
})

for (const sort of ['proposedAt', '-proposedAt', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt']) {
  t.test(`walking every page with sort=${sort} yields each record once, in order`, async (t) => {
    const seen = await walk(`sort=${sort}&limit=5`)
    const field = sort.replace('-', '')
    t.same(seen.map((x) => x.id), [...created].sort(order(field, sort.startsWith('-'))).map((x) => x.id))
  })
}

t.test('a walk while others insert and delete never yields a record twice', async (t) => {
  const deleted = new Set<string>()
  const seen = await walk('sort=-proposedAt&limit=4', async (page) => {
    if (page > 3) return
    const added = await createDecision(admin, draft(town.id, { title: `关于团结镇新增事项 ${page} 的决策`, proposedAt: '2025-04-05T02:00:00.000Z' }))
    created.push(added)
    const victim = created.find((x) => !deleted.has(x.id) && x.proposedAt < '2025-04-03')
    deleted.add(victim.id)
    t.equal((await admin.delete(`/v1/decisions/${victim.id}`)).status, 204)
  })
  const ids = seen.map((x) => x.id)
  t.equal(new Set(ids).size, ids.length, 'no record twice')
  const untouched = created.filter((x) => !deleted.has(x.id) && !x.title.includes('新增'))
  t.ok(untouched.every((x) => ids.includes(x.id)), 'every record present throughout the walk was seen')
  t.notOk(ids.some((id) => deleted.has(id)), 'records deleted before their page was read are not listed')
})

t.test('a cursor is checked: malformed or made for another sort is 400', async (t) => {
  const first = await admin.get('/v1/decisions?limit=2&sort=createdAt')
  assertProblem(t, await admin.get('/v1/decisions?cursor=not-a-cursor'), 400, 'validation-error')
  assertProblem(t, await admin.get(`/v1/decisions?sort=proposedAt&cursor=${first.body.nextCursor}`), 400, 'validation-error')
  const forged = Buffer.from(JSON.stringify(['-proposedAt', 'yesterday', created[0].id])).toString('base64url')
  assertProblem(t, await admin.get(`/v1/decisions?cursor=${forged}`), 400, 'validation-error')
  const last = await admin.get('/v1/decisions?limit=100')
  t.equal(last.body.nextCursor, null, 'the last page has no cursor')
})
