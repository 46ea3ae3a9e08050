import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createMeeting, meetingBody } from './fixtures.js'

const { admin, keyWith } = await buildTestApp(t)
const { town, grid, otherTown, otherGrid } = await createCounty(admin)
const url = '/v1/rule-of-law-meetings'
const mine = await createMeeting(admin, grid.id)
const theirs = await createMeeting(admin, otherGrid.id)

t.test('scopes: read and write are separate; other collections’ scopes do not count', async (t) => {
  const reader = await keyWith(['rule-of-law-meetings:read'])
  t.equal((await reader.get(url)).status, 200)
  t.equal((await reader.get(`${url}/${mine.id}`)).status, 200)
  assertProblem(t, await reader.post(url, meetingBody(town.id)), 403, 'forbidden')
  assertProblem(t, await reader.patch(`${url}/${mine.id}`, { attendance: 1 }), 403, 'forbidden')
  assertProblem(t, await reader.delete(`${url}/${mine.id}`), 403, 'forbidden')
  const writer = await keyWith(['rule-of-law-meetings:write'])
  assertProblem(t, await writer.get(url), 403, 'forbidden', 'write alone does not read')
  const others = await keyWith(['decisions:read', 'decisions:write', 'work-plans:read'])
  assertProblem(t, await others.get(url), 403, 'forbidden')
  assertProblem(t, await others.post(url, meetingBody(town.id)), 403, 'forbidden')
  assertProblem(t, await admin.request('GET', url, undefined, { authorization: 'Bearer nope' }), 401, 'unauthorized')
})

t.test('a key bound to a town reads, lists and writes only that town', async (t) => {
  const local = await keyWith(['rule-of-law-meetings:read', 'rule-of-law-meetings:write'], town.id)
  t.equal((await local.get(`${url}/${mine.id}`)).status, 200)
  assertProblem(t, await local.get(`${url}/${theirs.id}`), 404, 'not-found')
  const page = await local.get(`${url}?limit=100`)
  t.same(page.body.items.map((m: any) => m.id), [mine.id], 'only the town’s meeting is listed')
  t.same((await local.get(`${url}?gridUnitId=${otherTown.id}`)).body.items, [])
  assertProblem(t, await local.patch(`${url}/${theirs.id}`, { attendance: 1 }), 404, 'not-found')
  assertProblem(t, await local.delete(`${url}/${theirs.id}`), 404, 'not-found')
  assertProblem(t, await local.post(url, meetingBody(otherGrid.id)), 403, 'forbidden')
  const inside = await local.post(url, meetingBody(grid.id))
  t.equal(inside.status, 201)
  assertProblem(t, await local.patch(`${url}/${inside.body.id}`, { gridUnitId: otherTown.id }), 403, 'forbidden')
  t.equal((await local.patch(`${url}/${inside.body.id}`, { gridUnitId: town.id })).status, 200, 'moving within the town')
  t.equal((await admin.get(`${url}/${theirs.id}`)).body.version, 1, 'the other town’s meeting is untouched')
})

t.test('no personal data: a key without pii:read reads the record whole', async (t) => {
  const reader = await keyWith(['rule-of-law-meetings:read'])
  t.same((await reader.get(`${url}/${mine.id}`)).body, (await admin.get(`${url}/${mine.id}`)).body)
})

t.test('an audit event per create, update and delete', async (t) => {
  const created = await createMeeting(admin, town.id, { attendance: 20 })
  t.equal((await admin.patch(`${url}/${created.id}`, { attendance: 25 })).status, 200)
  t.equal((await admin.delete(`${url}/${created.id}`)).status, 204)
  const feed = await admin.get(`/v1/audit-events?resourceId=${created.id}`)
  t.equal(feed.status, 200)
  t.same(feed.body.items.map((e: any) => [e.action, e.resourceType, e.version]), [
    ['created', 'rule-of-law-meetings', 1],
    ['updated', 'rule-of-law-meetings', 2],
    ['deleted', 'rule-of-law-meetings', 3],
  ])
  t.equal(feed.body.items[0].after.attendance, 20)
  t.equal(feed.body.items[1].before.attendance, 20)
  t.equal(feed.body.items[1].after.attendance, 25)
  t.equal(feed.body.items[2].after, null)
})

t.test('Idempotency-Key: a retry replays the first answer and creates nothing; another body is 422', async (t) => {
  const body = meetingBody(otherTown.id, { title: '幂等会议' })
  const first = await admin.post(url, body, { 'idempotency-key': 'meeting-0001' })
  const again = await admin.post(url, body, { 'idempotency-key': 'meeting-0001' })
  t.equal(first.status, 201)
  t.equal(again.status, 201)
  t.equal(again.headers['idempotency-replayed'], 'true')
  t.equal(again.body.id, first.body.id)
  const listed = await admin.get(`${url}?q=${encodeURIComponent('幂等会议')}`)
  t.equal(listed.body.items.length, 1, 'one meeting')
  assertProblem(t, await admin.post(url, { ...body, attendance: 9 }, { 'idempotency-key': 'meeting-0001' }), 422, 'idempotency-key-reused')
})
