import t from 'tap'
import { assertProblem, buildTestApp, clientFor } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { adopted, createDecision, draft } from './fixtures/decisions.js'

const { app, admin, keyWith } = await buildTestApp(t)
const c = await createCounty(admin)
const ours = await createDecision(admin, adopted(c.village.id, { summary: '规范全镇农村土地经营权流转程序' }))
const theirs = await createDecision(admin, draft(c.otherTown.id, { title: '关于陕坝镇集中供热管网改造项目的决策', category: 'major_project' }))

t.test('every route needs a key and the decisions scope', async (t) => {
  const anonymous = clientFor(app)
  assertProblem(t, await anonymous.get('/v1/decisions'), 401, 'unauthorized')
  assertProblem(t, await anonymous.get(`/v1/decisions/${ours.id}`), 401, 'unauthorized')
  assertProblem(t, await anonymous.post('/v1/decisions', draft(c.town.id)), 401, 'unauthorized')

  const reader = await keyWith(['decisions:read'])
  t.equal((await reader.get('/v1/decisions')).status, 200)
  t.equal((await reader.get(`/v1/decisions/${ours.id}`)).status, 200)
  assertProblem(t, await reader.post('/v1/decisions', draft(c.town.id)), 403, 'forbidden')
  assertProblem(t, await reader.patch(`/v1/decisions/${ours.id}`, { title: '改名' }), 403, 'forbidden')
  assertProblem(t, await reader.delete(`/v1/decisions/${ours.id}`), 403, 'forbidden')

  const other = await keyWith(['disputes:read', 'disputes:write'])
  assertProblem(t, await other.get('/v1/decisions'), 403, 'forbidden')
  assertProblem(t, await other.post('/v1/decisions', draft(c.town.id)), 403, 'forbidden')

  const writer = await keyWith(['decisions:write'])
  t.equal((await writer.post('/v1/decisions', draft(c.town.id))).status, 201, 'write alone may create')
})

t.test('a key bound to a town sees and writes only inside it', async (t) => {
  const town = await keyWith(['decisions:read', 'decisions:write'], c.town.id)
  t.equal((await town.get(`/v1/decisions/${ours.id}`)).status, 200, 'a record of a village below the town')
  assertProblem(t, await town.get(`/v1/decisions/${theirs.id}`), 404, 'not-found')
  assertProblem(t, await town.patch(`/v1/decisions/${theirs.id}`, { title: '越权修改' }), 404, 'not-found')
  assertProblem(t, await town.delete(`/v1/decisions/${theirs.id}`), 404, 'not-found')

  const listed = await town.get('/v1/decisions?limit=100')
  t.equal(listed.status, 200)
  const ids = listed.body.items.map((x: any) => x.id)
  t.ok(ids.includes(ours.id))
  t.notOk(ids.includes(theirs.id), 'another town’s decisions are not listed')
  t.same((await town.get(`/v1/decisions?gridUnitId=${c.otherTown.id}`)).body.items, [], 'a unit outside yields nothing')
  t.same((await town.get(`/v1/decisions?gridUnitId=${c.county.id}&limit=100`)).body.items.map((x: any) => x.id).includes(theirs.id), false, 'the county filter is still bounded by the jurisdiction')

  assertProblem(t, await town.post('/v1/decisions', draft(c.otherTown.id)), 403, 'forbidden')
  assertProblem(t, await town.post('/v1/decisions', draft(c.county.id)), 403, 'forbidden', 'not even the county above it')
  const inside = await town.post('/v1/decisions', draft(c.community.id))
  t.equal(inside.status, 201)
  assertProblem(t, await town.patch(`/v1/decisions/${inside.body.id}`, { gridUnitId: c.otherTown.id }), 403, 'forbidden', 'moving it out')
  t.equal((await admin.get(`/v1/decisions/${inside.body.id}`)).body.gridUnitId, c.community.id, 'it stays')
  const moved = await town.patch(`/v1/decisions/${inside.body.id}`, { gridUnitId: c.town.id })
  t.equal(moved.status, 200, 'moving within the town is allowed')
})

t.test('an admin may move a decision to another town; a missing unit is refused', async (t) => {
  const decision = await createDecision(admin, draft(c.town.id))
  const moved = await admin.patch(`/v1/decisions/${decision.id}`, { gridUnitId: c.otherGrid.id })
  t.equal(moved.status, 200)
  t.equal(moved.body.gridUnitId, c.otherGrid.id)
  const missing = await admin.patch(`/v1/decisions/${decision.id}`, { gridUnitId: '00000000-0000-4000-8000-000000000000' })
  assertProblem(t, missing, 409, 'rule-violation')
  t.same(missing.body.violations.map((v: any) => v.rule), ['grid-unit-exists'])
})

t.test('a decision carries no personal data: a key without pii:read reads it unmasked', async (t) => {
  const reader = await keyWith(['decisions:read'])
  const plain = await reader.get(`/v1/decisions/${ours.id}`)
  t.equal(plain.status, 200)
  t.same(plain.body, (await admin.get(`/v1/decisions/${ours.id}`)).body)
  t.notMatch(plain.text, /\*\*\*\*/, 'nothing masked')
})
