import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { caseBody, createCase } from './fixtures.js'

const { admin, keyWith } = await buildTestApp(t)
const { town, grid, otherTown, otherGrid } = await createCounty(admin)
const party = { type: 'person', name: '张某某', idNumber: '150826198805121234', phone: '13812345678' }
const mine = await createCase(admin, grid.id, { party })
const theirs = await createCase(admin, otherGrid.id, { party })

t.test('personal data is masked for a key without pii:read, everywhere a case is answered', async (t) => {
  const reader = await keyWith(['enforcement-cases:read', 'enforcement-cases:write'])
  const masked = { ...party, idNumber: '150826********1234', phone: '138****5678' }
  const one = await reader.get(`/v1/enforcement-cases/${mine.id}`)
  t.equal(one.status, 200)
  t.same(one.body.party, masked)
  const page = await reader.get(`/v1/enforcement-cases?gridUnitId=${grid.id}`)
  t.same(page.body.items[0].party, masked)
  const created = await reader.post('/v1/enforcement-cases', caseBody(town.id, { party }))
  t.equal(created.status, 201)
  t.same(created.body.party, masked)
  const changed = await reader.patch(`/v1/enforcement-cases/${created.body.id}`, { title: '张某某占道经营案' })
  t.same(changed.body.party, masked)
  t.notOk(changed.text.includes('13812345678') || changed.text.includes('150826198805121234'), 'not anywhere in the answer')
  const stored = await admin.get(`/v1/enforcement-cases/${created.body.id}`)
  t.same(stored.body.party, party, 'the stored value is whole')

  const withPii = await keyWith(['enforcement-cases:read', 'pii:read'])
  t.same((await withPii.get(`/v1/enforcement-cases/${mine.id}`)).body.party, party)
})

t.test('a key bound to a town reads and lists only that town', async (t) => {
  const local = await keyWith(['enforcement-cases:read', 'enforcement-cases:write'], town.id)
  t.equal((await local.get(`/v1/enforcement-cases/${mine.id}`)).status, 200)
  assertProblem(t, await local.get(`/v1/enforcement-cases/${theirs.id}`), 404, 'not-found')
  const all = await local.get('/v1/enforcement-cases?limit=100')
  t.ok(all.body.items.length > 0)
  t.ok(all.body.items.every((c: any) => c.id !== theirs.id), 'the other town is not listed')
  t.same((await local.get(`/v1/enforcement-cases?gridUnitId=${otherTown.id}`)).body.items, [], 'asking for the other town yields nothing')
  assertProblem(t, await local.patch(`/v1/enforcement-cases/${theirs.id}`, { title: '越权' }), 404, 'not-found')
  assertProblem(t, await local.delete(`/v1/enforcement-cases/${theirs.id}`), 404, 'not-found')
})

t.test('a key bound to a town cannot create or move a case outside it', async (t) => {
  const local = await keyWith(['enforcement-cases:write', 'enforcement-cases:read'], town.id)
  assertProblem(t, await local.post('/v1/enforcement-cases', caseBody(otherGrid.id)), 403, 'forbidden')
  const inside = await local.post('/v1/enforcement-cases', caseBody(grid.id))
  t.equal(inside.status, 201)
  assertProblem(t, await local.patch(`/v1/enforcement-cases/${inside.body.id}`, { gridUnitId: otherTown.id }), 403, 'forbidden')
  const moved = await local.patch(`/v1/enforcement-cases/${inside.body.id}`, { gridUnitId: town.id })
  t.equal(moved.status, 200, 'moving within the town is allowed')
  t.equal(moved.body.gridUnitId, town.id)
  t.equal((await admin.patch(`/v1/enforcement-cases/${inside.body.id}`, { gridUnitId: otherTown.id })).status, 200, 'the county may move it')
  assertProblem(t, await local.get(`/v1/enforcement-cases/${inside.body.id}`), 404, 'not-found', 'moved out of sight')
})

t.test('scopes: read and write are separate; other collections’ scopes do not count', async (t) => {
  const reader = await keyWith(['enforcement-cases:read'])
  t.equal((await reader.get('/v1/enforcement-cases')).status, 200)
  assertProblem(t, await reader.post('/v1/enforcement-cases', caseBody(town.id)), 403, 'forbidden')
  assertProblem(t, await reader.patch(`/v1/enforcement-cases/${mine.id}`, { title: '改' }), 403, 'forbidden')
  assertProblem(t, await reader.delete(`/v1/enforcement-cases/${mine.id}`), 403, 'forbidden')
  const disputes = await keyWith(['disputes:read', 'disputes:write'])
  assertProblem(t, await disputes.get('/v1/enforcement-cases'), 403, 'forbidden')
  assertProblem(t, await disputes.get(`/v1/enforcement-cases/${mine.id}`), 403, 'forbidden')
  const anonymous = await admin.request('GET', '/v1/enforcement-cases', undefined, { authorization: 'Bearer nope' })
  assertProblem(t, anonymous, 401, 'unauthorized')
})
