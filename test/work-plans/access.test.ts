import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createPlan, planBody } from './fixtures.js'

const { admin, keyWith } = await buildTestApp(t)
const { town, grid, otherTown, otherGrid } = await createCounty(admin)
const url = '/v1/work-plans'
const mine = await createPlan(admin, town.id)
const theirs = await createPlan(admin, otherTown.id)

t.test('scopes: read and write are separate; other collections’ scopes do not count', async (t) => {
  const reader = await keyWith(['work-plans:read'])
  t.equal((await reader.get(url)).status, 200)
  t.equal((await reader.get(`${url}/${mine.id}`)).status, 200)
  assertProblem(t, await reader.post(url, planBody(town.id)), 403, 'forbidden')
  assertProblem(t, await reader.patch(`${url}/${mine.id}`, { title: '改' }), 403, 'forbidden')
  assertProblem(t, await reader.delete(`${url}/${mine.id}`), 403, 'forbidden')
  const writer = await keyWith(['work-plans:write'])
  assertProblem(t, await writer.get(`${url}/${mine.id}`), 403, 'forbidden', 'write alone does not read')
  const others = await keyWith(['rule-of-law-meetings:read', 'rule-of-law-meetings:write'])
  assertProblem(t, await others.get(url), 403, 'forbidden')
  assertProblem(t, await others.post(url, planBody(town.id)), 403, 'forbidden')
})

t.test('a key bound to a town reads, lists and writes only that town', async (t) => {
  const local = await keyWith(['work-plans:read', 'work-plans:write'], town.id)
  t.equal((await local.get(`${url}/${mine.id}`)).status, 200)
  assertProblem(t, await local.get(`${url}/${theirs.id}`), 404, 'not-found')
  t.same((await local.get(`${url}?limit=100`)).body.items.map((p: any) => p.id), [mine.id])
  t.same((await local.get(`${url}?gridUnitId=${otherTown.id}`)).body.items, [])
  assertProblem(t, await local.patch(`${url}/${theirs.id}`, { title: '越权' }), 404, 'not-found')
  assertProblem(t, await local.delete(`${url}/${theirs.id}`), 404, 'not-found')
  assertProblem(t, await local.post(url, planBody(otherGrid.id)), 403, 'forbidden')
  const inside = await local.post(url, planBody(grid.id))
  t.equal(inside.status, 201)
  assertProblem(t, await local.patch(`${url}/${inside.body.id}`, { gridUnitId: otherGrid.id }), 403, 'forbidden')
  t.equal((await admin.get(`${url}/${theirs.id}`)).body.version, 1, 'the other town’s plan is untouched')
})

t.test('no personal data: a key without pii:read reads the record whole', async (t) => {
  const reader = await keyWith(['work-plans:read'])
  t.same((await reader.get(`${url}/${mine.id}`)).body, (await admin.get(`${url}/${mine.id}`)).body)
})

t.test('an audit event per create, update and delete', async (t) => {
  const created = await createPlan(admin, town.id, { year: 2024 })
  t.equal((await admin.patch(`${url}/${created.id}`, { year: 2025 })).status, 200)
  t.equal((await admin.delete(`${url}/${created.id}`)).status, 204)
  const feed = await admin.get(`/v1/audit-events?resourceId=${created.id}`)
  t.same(feed.body.items.map((e: any) => [e.action, e.resourceType, e.version]), [
    ['created', 'work-plans', 1],
    ['updated', 'work-plans', 2],
    ['deleted', 'work-plans', 3],
  ])
  t.equal(feed.body.items[1].before.year, 2024)
  t.equal(feed.body.items[1].after.year, 2025)
  t.equal(feed.body.items[2].after, null)
})

t.test('Idempotency-Key: a retry replays the first answer and creates nothing; another body is 422', async (t) => {
  const body = planBody(otherTown.id, { year: 2031, title: '幂等方案' })
  const first = await admin.post(url, body, { 'idempotency-key': 'plan-0001' })
  const again = await admin.post(url, body, { 'idempotency-key': 'plan-0001' })
  t.equal(first.status, 201)
  t.equal(again.status, 201)
  t.equal(again.headers['idempotency-replayed'], 'true')
  t.equal(again.body.id, first.body.id)
  t.equal((await admin.get(`${url}?year=2031`)).body.items.length, 1, 'one plan')
  assertProblem(t, await admin.post(url, { ...body, year: 2032 }, { 'idempotency-key': 'plan-0001' }), 422, 'idempotency-key-reused')
})
