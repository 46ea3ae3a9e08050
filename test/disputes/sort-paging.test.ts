import t from 'tap'
import { assertProblem, buildTestApp, type Client } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createDispute } from './fixtures.js'

const { admin } = await buildTestApp(t)
const c = await createCounty(admin)

// Two pairs share a reportedAt, so the id tie-break decides their order.
const reportedAts = [
  '2025-02-01T00:00:00.000Z',
  '2025-05-20T03:00:00.000Z',
  '2025-05-20T03:00:00.000Z',
  '2024-12-31T16:00:00.000Z',
  '2025-08-08T08:08:08.888Z',
  '2025-02-01T00:00:00.000Z',
  '2025-11-11T11:11:11.111Z',
]
for (const [i, reportedAt] of reportedAts.entries()) await createDispute(admin, c.grid.id, { title: `排序纠纷${i}`, reportedAt })
// Changes after creation make the updatedAt order differ from the createdAt order.
const all0 = (await admin.get('/v1/disputes?limit=100&sort=createdAt')).body.items
await admin.patch(`/v1/disputes/${all0[0].id}`, { mediator: '王建国' })
await admin.patch(`/v1/disputes/${all0[3].id}`, { mediator: '刘丽' })

interface Row {
  id: string
  [field: string]: unknown
}

async function walk(api: Client, query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const res = await api.get(`/v1/disputes?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`)
    if (res.status !== 200) throw new Error(`page failed: ${res.status} ${res.text}`)
    if (res.body.items.length > limit) throw new Error('page longer than limit')
    ids.push(...res.body.items.map((r: Row) => r.id))
    cursor = res.body.nextCursor
    pages++
  } while (cursor && pages < 100)
  return { ids, pages }
}

function expectedOrder(rows: Row[], field: string, descending: boolean): string[] {
  const sorted = [...rows].sort((x, y) => {
    const byField = Date.parse(String(x[field])) - Date.parse(String(y[field]))
    return byField !== 0 ? byField : x.id < y.id ? -1 : x.id > y.id ? 1 : 0
  })
  return (descending ? sorted.reverse() : sorted).map((r) => r.id)
}

t.test('every sort, both directions, ties broken by id, walked page by page', async (t) => {
  const rows = (await admin.get('/v1/disputes?limit=100')).body.items as Row[]
  t.equal(rows.length, reportedAts.length)
  for (const field of ['reportedAt', 'createdAt', 'updatedAt']) {
    for (const descending of [false, true]) {
      const sort = `${descending ? '-' : ''}${field}`
      const expected = expectedOrder(rows, field, descending)
      t.same((await admin.get(`/v1/disputes?limit=100&sort=${sort}`)).body.items.map((r: Row) => r.id), expected, `${sort} in one page`)
      const walked = await walk(admin, `sort=${sort}`, 2)
      t.same(walked.ids, expected, `${sort} over pages of 2`)
      t.equal(walked.pages, Math.ceil(rows.length / 2), 'no empty trailing page')
    }
  }
})

t.test('the default sort is -reportedAt', async (t) => {
  const rows = (await admin.get('/v1/disputes?limit=100')).body.items as Row[]
  t.same(rows.map((r) => r.id), expectedOrder(rows, 'reportedAt', true))
  t.same((await walk(admin, '', 3)).ids, expectedOrder(rows, 'reportedAt', true))
})

t.test('limit bounds and the last page', async (t) => {
  const first = await admin.get('/v1/disputes')
  t.equal(first.body.items.length, reportedAts.length, 'the default limit of 20 holds all')
  t.equal(first.body.nextCursor, null)
  const exact = await admin.get(`/v1/disputes?limit=${reportedAts.length}`)
  t.equal(exact.body.nextCursor, null, 'a page that ends exactly at the end has no next cursor')
  const one = await admin.get('/v1/disputes?limit=1')
  t.equal(one.body.items.length, 1)
  t.type(one.body.nextCursor, 'string')
  t.equal((await admin.get('/v1/disputes?limit=100')).status, 200)
  for (const bad of ['limit=0', 'limit=101', 'limit=-1', 'limit=ten', 'sort=title', 'sort=-status', 'sort=reportedAt,createdAt']) {
    assertProblem(t, await admin.get(`/v1/disputes?${bad}`), 400, 'validation-error', bad)
  }
})

t.test('a malformed or foreign cursor is a 400', async (t) => {
  const page = await admin.get('/v1/disputes?limit=2&sort=reportedAt')
  const cursor = page.body.nextCursor as string
  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const bad = [
    'not-a-cursor',
    forged({ sort: 'reportedAt' }),
    forged(['reportedAt', 'yesterday', page.body.items[1].id]),
    forged(['reportedAt', '2025-01-01T00:00:00.000Z', 'not-a-uuid']),
    forged(['reportedAt', 12, page.body.items[1].id]),
  ]
  for (const text of bad) {
    const res = await admin.get(`/v1/disputes?limit=2&sort=reportedAt&cursor=${text}`)
    assertProblem(t, res, 400, 'validation-error', text)
    t.ok(res.body.errors.some((e: any) => e.in === 'query' && e.pointer === '/cursor'))
  }
  assertProblem(t, await admin.get(`/v1/disputes?limit=2&sort=-reportedAt&cursor=${cursor}`), 400, 'validation-error', 'a cursor of another sort')
  assertProblem(t, await admin.get(`/v1/disputes?limit=2&sort=createdAt&cursor=${cursor}`), 400, 'validation-error')
  t.equal((await admin.get(`/v1/disputes?limit=2&sort=reportedAt&cursor=${cursor}`)).status, 200, 'the genuine cursor works')
})

t.test('a cursor pages the same filtered list it came from', async (t) => {
  const query = `sort=reportedAt&gridUnitId=${c.grid.id}&reportedFrom=2025-01-02`
  const all = (await admin.get(`/v1/disputes?limit=100&${query}`)).body.items.map((r: Row) => r.id)
  t.equal(all.length, reportedAts.length - 1, 'the one reported on 2025-01-01 (UTC+8) is filtered out')
  t.same((await walk(admin, query, 2)).ids, all)
})
