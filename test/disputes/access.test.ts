import t from 'tap'
import { assertProblem, buildTestApp, clientFor } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { MASKED_PHONE, PHONE, createDispute, disputeBody, listIds } from './fixtures.js'

const { app, admin, keyWith } = await buildTestApp(t)
const c = await createCounty(admin)
const inTown = await createDispute(admin, c.grid.id, { title: '团结镇土地纠纷' })
const inOtherTown = await createDispute(admin, c.otherGrid.id, { title: '陕坝镇邻里纠纷' })

t.test('phone numbers are masked for a key without pii:read, everywhere it reads them', async (t) => {
  const plain = await keyWith(['disputes:read', 'disputes:write'])
  const got = await plain.get(`/v1/disputes/${inTown.id}`)
  t.equal(got.status, 200)
  t.same(got.body.parties[0], { name: '张福', role: 'applicant', phone: MASKED_PHONE })
  t.notOk('phone' in got.body.parties[1], 'a party without a phone stays without one')
  const listed = await plain.get('/v1/disputes?limit=100')
  t.ok(listed.body.items.every((d: any) => d.parties[0].phone === MASKED_PHONE))
  t.notOk(listed.text.includes(PHONE), 'the number appears nowhere in the list')

  const created = await plain.post('/v1/disputes', disputeBody(c.grid.id))
  t.equal(created.status, 201)
  t.equal(created.body.parties[0].phone, MASKED_PHONE, 'the create answer is masked too')
  const changed = await plain.patch(`/v1/disputes/${created.body.id}`, { title: '改名后的纠纷' })
  t.equal(changed.body.parties[0].phone, MASKED_PHONE, 'and the change answer')
  t.equal((await admin.get(`/v1/disputes/${created.body.id}`)).body.parties[0].phone, PHONE, 'the stored number is untouched')
  const writeBack = await plain.patch(`/v1/disputes/${created.body.id}`, { parties: changed.body.parties })
  assertProblem(t, writeBack, 400, 'validation-error', 'a masked number cannot overwrite the real one')
  t.ok(writeBack.body.errors.some((e: any) => e.pointer === '/parties/0/phone'))
})

t.test('a key with pii:read, or admin, sees the number', async (t) => {
  const pii = await keyWith(['disputes:read', 'pii:read'])
  t.equal((await pii.get(`/v1/disputes/${inTown.id}`)).body.parties[0].phone, PHONE)
  t.equal((await admin.get(`/v1/disputes/${inTown.id}`)).body.parties[0].phone, PHONE)
})

t.test('a key bound to a town reads only its subtree', async (t) => {
  const town = await keyWith(['disputes:read', 'disputes:write'], c.town.id)
  t.equal((await town.get(`/v1/disputes/${inTown.id}`)).status, 200)
  assertProblem(t, await town.get(`/v1/disputes/${inOtherTown.id}`), 404, 'not-found')
  const listed = await listIds(town, 'limit=100')
  t.ok(listed.includes(inTown.id))
  t.notOk(listed.includes(inOtherTown.id), 'another town’s disputes are not listed')
  t.same(await listIds(town, `gridUnitId=${c.otherTown.id}`), [], 'a filter outside the jurisdiction yields nothing')
  t.same(await listIds(town, `gridUnitId=${c.county.id}&limit=100`), listed, 'a filter above it is still limited to it')
  t.same(await listIds(town, `q=${encodeURIComponent('纠纷')}&limit=100`), listed)
})

t.test('a key bound to a town cannot write outside it', async (t) => {
  const town = await keyWith(['disputes:read', 'disputes:write'], c.town.id)
  assertProblem(t, await town.post('/v1/disputes', disputeBody(c.otherGrid.id)), 403, 'forbidden', 'create in another town')
  assertProblem(t, await town.post('/v1/disputes', disputeBody(c.county.id)), 403, 'forbidden', 'create above the town')
  const created = await town.post('/v1/disputes', disputeBody(c.community.id))
  t.equal(created.status, 201, 'create inside')

  const moved = await town.patch(`/v1/disputes/${created.body.id}`, { gridUnitId: c.otherGrid.id })
  assertProblem(t, moved, 403, 'forbidden', 'move out')
  t.equal((await admin.get(`/v1/disputes/${created.body.id}`)).body.gridUnitId, c.community.id, 'it stays')
  t.equal((await town.patch(`/v1/disputes/${created.body.id}`, { gridUnitId: c.grid.id })).status, 200, 'a move inside is fine')

  assertProblem(t, await town.patch(`/v1/disputes/${inOtherTown.id}`, { title: '越权修改' }), 404, 'not-found')
  assertProblem(t, await town.delete(`/v1/disputes/${inOtherTown.id}`), 404, 'not-found')
  t.equal((await admin.get(`/v1/disputes/${inOtherTown.id}`)).body.version, 1, 'untouched')
  const feed = await admin.get(`/v1/audit-events?resourceId=${inOtherTown.id}`)
  t.same(feed.body.items.map((e: any) => e.action), ['created'], 'no audit event for refused writes')
})

t.test('scopes: reading needs disputes:read, writing disputes:write, and a key at all', async (t) => {
  const reader = await keyWith(['disputes:read'])
  t.equal((await reader.get('/v1/disputes')).status, 200)
  assertProblem(t, await reader.post('/v1/disputes', disputeBody(c.grid.id)), 403, 'forbidden')
  assertProblem(t, await reader.patch(`/v1/disputes/${inTown.id}`, { title: '无权修改' }), 403, 'forbidden')
  assertProblem(t, await reader.delete(`/v1/disputes/${inTown.id}`), 403, 'forbidden')
  const other = await keyWith(['grid-units:read', 'decisions:write'])
  assertProblem(t, await other.get('/v1/disputes'), 403, 'forbidden')
  assertProblem(t, await other.get(`/v1/disputes/${inTown.id}`), 403, 'forbidden')
  const writerOnly = await keyWith(['disputes:write'])
  t.equal((await writerOnly.post('/v1/disputes', disputeBody(c.grid.id))).status, 201)
  const anonymous = await admin.request('GET', '/v1/disputes', undefined, { authorization: 'Bearer wrong-key' })
  assertProblem(t, anonymous, 401, 'unauthorized')
  assertProblem(t, await clientFor(app).get(`/v1/disputes/${inTown.id}`), 401, 'unauthorized')
})
