import t from 'tap'
import { assertProblem, buildTestApp, type Response } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'

// Each tree rule pinned by its own slug: removing one rule must turn its test red.

const { admin, keyWith } = await buildTestApp(t)

const rules = (res: Response) => (res.body?.violations ?? []).map((v: { rule: string }) => v.rule)

t.test('grid-unit-exists: a parent that does not exist is refused', async (t) => {
  const res = await admin.post('/v1/grid-units', { code: 'T-1', name: '孤儿', level: 'grid', parentId: '00000000-0000-4000-8000-000000000000' })
  assertProblem(t, res, 409, 'rule-violation')
  t.same(rules(res), ['grid-unit-exists'])
})

t.test('grid-unit-exists: a deleted parent is refused like a missing one', async (t) => {
  const c = await createCounty(admin)
  const spare = (await admin.post('/v1/grid-units', { code: 'T-2', name: '撤并村', level: 'village', parentId: c.otherTown.id })).body
  t.equal((await admin.delete(`/v1/grid-units/${spare.id}`)).status, 204)
  const res = await admin.post('/v1/grid-units', { code: 'T-3', name: '撤并村第一网格', level: 'grid', parentId: spare.id })
  t.same(rules(res), ['grid-unit-exists'])
})

t.test('parent-level: a parent at the same or a lower level is refused; a grid may hang straight under a town', async (t) => {
  const c = await createCounty(admin)
  const sameLevel = await admin.post('/v1/grid-units', { code: 'T-4', name: '平级', level: 'town', parentId: c.town.id })
  assertProblem(t, sameLevel, 409, 'rule-violation')
  t.same(rules(sameLevel), ['parent-level'])
  const upward = await admin.post('/v1/grid-units', { code: 'T-5', name: '倒挂', level: 'town', parentId: c.grid.id })
  t.same(rules(upward), ['parent-level'], 'a town under a grid')
  const gridUnderTown = await admin.post('/v1/grid-units', { code: 'T-6', name: '镇直网格', level: 'grid', parentId: c.town.id })
  t.equal(gridUnderTown.status, 201)
})

t.test('parent-level: a level change must keep every child below the unit', async (t) => {
  const c = await createCounty(admin)
  const demote = await admin.patch(`/v1/grid-units/${c.village.id}`, { level: 'grid' })
  assertProblem(t, demote, 409, 'rule-violation')
  t.same(rules(demote), ['parent-level'], 'a village with a grid below cannot become a grid')
  const promote = await admin.patch(`/v1/grid-units/${c.village.id}`, { level: 'community' })
  t.equal(promote.status, 200, 'a village may become a community: its grid still sits below')
})

t.test('no-cycle: a unit never moves below itself', async (t) => {
  const c = await createCounty(admin)
  const cycle = await admin.patch(`/v1/grid-units/${c.town.id}`, { parentId: c.village.id, level: 'grid' })
  assertProblem(t, cycle, 409, 'rule-violation')
  t.same(rules(cycle), ['no-cycle'], 'under its own village, even at a level that would fit')
  const selfParent = await admin.patch(`/v1/grid-units/${c.grid.id}`, { parentId: c.grid.id })
  t.same(rules(selfParent), ['no-cycle'], 'its own parent')
  t.equal((await admin.get(`/v1/grid-units/${c.town.id}`)).body.version, 1, 'nothing was written')
})

t.test('re-parenting moves the whole subtree', async (t) => {
  const c = await createCounty(admin)
  const moved = await admin.patch(`/v1/grid-units/${c.village.id}`, { parentId: c.otherTown.id })
  t.equal(moved.status, 200)
  t.equal(moved.body.parentId, c.otherTown.id)
  const ids = async (root: string) => (await admin.get(`/v1/grid-units?gridUnitId=${root}&limit=100`)).body.items.map((u: { id: string }) => u.id)
  t.ok((await ids(c.otherTown.id)).includes(c.grid.id), 'the grid below the village moved along')
  t.notOk((await ids(c.town.id)).includes(c.grid.id), 'and left the old town')
})

t.test('a key bound to a town places units only inside it', async (t) => {
  const c = await createCounty(admin)
  const townKey = await keyWith(['grid-units:read', 'grid-units:write'], c.town.id)
  t.equal((await townKey.post('/v1/grid-units', { code: 'T-7', name: '团结村第二网格', level: 'grid', parentId: c.village.id })).status, 201)
  assertProblem(t, await townKey.post('/v1/grid-units', { code: 'T-8', name: '陕坝镇网格', level: 'grid', parentId: c.otherTown.id }), 403, 'forbidden')
  assertProblem(t, await townKey.post('/v1/grid-units', { code: 'T-9', name: '新旗', level: 'county' }), 403, 'forbidden', 'no root')
  assertProblem(t, await townKey.patch(`/v1/grid-units/${c.village.id}`, { parentId: c.otherTown.id }), 403, 'forbidden', 'no move out of it')
})
