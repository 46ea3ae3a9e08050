import t from 'tap'
import { assertProblem, buildTestApp, clientFor } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createItem, itemBody, itemsUrl } from './fixtures.js'

const { app, admin, keyWith } = await buildTestApp(t)
const county = await createCounty(admin)
const town = await keyWith(['publicity-items:read', 'publicity-items:write'], county.town.id)

const ours = await createItem(admin, county.village.id, { title: '团结村村务公开' })
const theirs = await createItem(admin, county.otherGrid.id, { title: '陕坝镇财政信息公开' })

t.test('scopes: read needs :read, writes need :write', async (t) => {
  const reader = await keyWith(['publicity-items:read'])
  t.equal((await reader.get(`${itemsUrl}/${ours.id}`)).status, 200)
  t.equal((await reader.get(itemsUrl)).status, 200)
  assertProblem(t, await reader.post(itemsUrl, itemBody(county.village.id)), 403, 'forbidden')
  assertProblem(t, await reader.patch(`${itemsUrl}/${ours.id}`, { title: '改' }), 403, 'forbidden')
  assertProblem(t, await reader.delete(`${itemsUrl}/${ours.id}`), 403, 'forbidden')

  const writerOnly = await keyWith(['publicity-items:write'])
  assertProblem(t, await writerOnly.get(itemsUrl), 403, 'forbidden', 'write alone does not read')
  const other = await keyWith(['inspections:read', 'inspections:write'])
  assertProblem(t, await other.get(itemsUrl), 403, 'forbidden')
  assertProblem(t, await other.post(itemsUrl, itemBody(county.village.id)), 403, 'forbidden')
  assertProblem(t, await clientFor(app).get(itemsUrl), 401, 'unauthorized')
  t.equal((await admin.get(`${itemsUrl}/${ours.id}`)).body.version, 1, 'nothing was changed')
})

t.test('a town-bound key reads and changes its own town only', async (t) => {
  const own = await town.get(`${itemsUrl}/${ours.id}`)
  t.equal(own.status, 200)
  t.same(own.body, ours, 'nothing to mask: an item holds no personal data')
  assertProblem(t, await town.get(`${itemsUrl}/${theirs.id}`), 404, 'not-found')
  assertProblem(t, await town.patch(`${itemsUrl}/${theirs.id}`, { title: '改' }), 404, 'not-found')
  assertProblem(t, await town.delete(`${itemsUrl}/${theirs.id}`), 404, 'not-found')
  t.same((await town.get(`${itemsUrl}?limit=100`)).body.items.map((e: any) => e.id), [ours.id])
  t.same((await town.get(`${itemsUrl}?gridUnitId=${county.otherTown.id}`)).body.items, [])
  t.same((await town.get(`${itemsUrl}?gridUnitId=${county.county.id}`)).body.items.map((e: any) => e.id), [ours.id], 'the county filter is cut to the town')

  assertProblem(t, await town.post(itemsUrl, itemBody(county.otherGrid.id)), 403, 'forbidden')
  assertProblem(t, await town.post(itemsUrl, itemBody(county.county.id)), 403, 'forbidden', 'not even the county above it')
  assertProblem(t, await town.patch(`${itemsUrl}/${ours.id}`, { gridUnitId: county.otherTown.id }), 403, 'forbidden')
  const moved = await town.patch(`${itemsUrl}/${ours.id}`, { gridUnitId: county.community.id })
  t.equal(moved.status, 200, 'moving within the town is fine')
  t.equal((await admin.get(`${itemsUrl}/${theirs.id}`)).body.version, 1, 'the other town’s item is untouched')
})

t.test('create, change and delete each write one audit event', async (t) => {
  const item = await createItem(admin, county.grid.id)
  const patched = await admin.patch(`${itemsUrl}/${item.id}`, { channels: ['website'] })
  t.equal((await admin.delete(`${itemsUrl}/${item.id}`)).status, 204)
  const feed = await admin.get(`/v1/audit-events?resourceId=${item.id}`)
  t.equal(feed.status, 200)
  const events = feed.body.items
  t.same(events.map((e: any) => e.action), ['created', 'updated', 'deleted'])
  t.ok(events.every((e: any) => e.resourceType === 'publicity-items'))
  t.same(events[0].after, item)
  t.same(events[1].before.channels, item.channels)
  t.same(events[1].after, patched.body)
  t.equal(events[2].after, null)
})

t.test('a POST retried with the same Idempotency-Key creates one item; another body is a 422', async (t) => {
  const body = itemBody(county.grid.id, { title: '重试的公开事项' })
  const first = await admin.post(itemsUrl, body, { 'idempotency-key': 'publicity-retry-1' })
  t.equal(first.status, 201)
  const again = await admin.post(itemsUrl, body, { 'idempotency-key': 'publicity-retry-1' })
  t.equal(again.status, 201)
  t.equal(again.headers['idempotency-replayed'], 'true')
  t.same(again.body, first.body)
  const listed = await admin.get(`${itemsUrl}?q=${encodeURIComponent('重试的公开')}`)
  t.equal(listed.body.items.length, 1, 'one item created')
  assertProblem(t, await admin.post(itemsUrl, { ...body, title: '另一个' }, { 'idempotency-key': 'publicity-retry-1' }), 422, 'idempotency-key-reused')
})
