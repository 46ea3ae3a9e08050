import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty, createGridUnit } from '../helpers/factories.js'

const { admin } = await buildTestApp(t)

t.test('create answers 201 with Location, ETag and the record', async (t) => {
  const res = await admin.post('/v1/grid-units', {
    code: '150826103',
    name: '团结镇',
    level: 'town',
    workers: [{ name: '王建国', role: 'grid_leader', phone: '13847812345' }],
  })
  t.equal(res.status, 201)
  t.equal(res.headers.location, `/v1/grid-units/${res.body.id}`)
  t.equal(res.headers.etag, '"1"')
  t.match(res.body, { code: '150826103', name: '团结镇', level: 'town', parentId: null, version: 1 })
  t.match(res.body.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  t.same(res.body.workers, [{ name: '王建国', role: 'grid_leader', phone: '13847812345' }])
})

t.test('get answers the record with its ETag; a matching If-None-Match answers 304', async (t) => {
  const unit = await createGridUnit(admin, { level: 'county' })
  const res = await admin.get(`/v1/grid-units/${unit.id}`)
  t.equal(res.status, 200)
  t.equal(res.headers.etag, '"1"')
  t.same(res.body, unit)
  const cached = await admin.get(`/v1/grid-units/${unit.id}`, { 'if-none-match': '"1"' })
  t.equal(cached.status, 304)
  t.equal(cached.text, '')
  const stale = await admin.get(`/v1/grid-units/${unit.id}`, { 'if-none-match': '"7"' })
  t.equal(stale.status, 200)
})

t.test('a unique code is refused for a second live unit, then free again after delete', async (t) => {
  const first = await createGridUnit(admin, { level: 'county', code: 'DUP-1' })
  assertProblem(t, await admin.post('/v1/grid-units', { code: 'DUP-1', name: '重复', level: 'county' }), 409, 'conflict')
  t.equal((await admin.delete(`/v1/grid-units/${first.id}`)).status, 204)
  t.equal((await admin.post('/v1/grid-units', { code: 'DUP-1', name: '新建', level: 'county' })).status, 201)
})

t.test('delete is soft: 404 afterwards, and the audit trail keeps the record', async (t) => {
  const unit = await createGridUnit(admin, { level: 'county' })
  const del = await admin.delete(`/v1/grid-units/${unit.id}`)
  t.equal(del.status, 204)
  assertProblem(t, await admin.get(`/v1/grid-units/${unit.id}`), 404, 'not-found')
  assertProblem(t, await admin.delete(`/v1/grid-units/${unit.id}`), 404, 'not-found')
  assertProblem(t, await admin.patch(`/v1/grid-units/${unit.id}`, { name: '改名' }), 404, 'not-found')
  const feed = await admin.get(`/v1/audit-events?resourceId=${unit.id}`)
  t.same(feed.body.items.map((e: any) => e.action), ['created', 'deleted'])
  t.equal(feed.body.items[1].before.name, unit.name)
})

t.test('tree rules: the parent exists and sits higher; no cycles; no delete while in use', async (t) => {
  const c = await createCounty(admin)
  const missing = await admin.post('/v1/grid-units', { code: 'X-1', name: '孤儿', level: 'grid', parentId: '00000000-0000-4000-8000-000000000000' })
  assertProblem(t, missing, 409, 'rule-violation')
  t.equal(missing.body.violations[0].rule, 'grid-unit-exists')

  const sameLevel = await admin.post('/v1/grid-units', { code: 'X-2', name: '平级', level: 'town', parentId: c.town.id })
  assertProblem(t, sameLevel, 409, 'rule-violation')
  t.equal(sameLevel.body.violations[0].rule, 'parent-level')

  const gridUnderTown = await admin.post('/v1/grid-units', { code: 'X-3', name: '镇直网格', level: 'grid', parentId: c.town.id })
  t.equal(gridUnderTown.status, 201, 'a grid may hang straight under a town')

  const cycle = await admin.patch(`/v1/grid-units/${c.town.id}`, { parentId: c.village.id, level: 'grid' })
  assertProblem(t, cycle, 409, 'rule-violation')
  t.ok(cycle.body.violations.some((v: any) => v.rule === 'no-cycle' || v.rule === 'parent-level'))
  const selfParent = await admin.patch(`/v1/grid-units/${c.grid.id}`, { parentId: c.grid.id })
  assertProblem(t, selfParent, 409, 'rule-violation')

  const demote = await admin.patch(`/v1/grid-units/${c.village.id}`, { level: 'grid' })
  assertProblem(t, demote, 409, 'rule-violation', 'a village with a grid below cannot become a grid')

  const inUse = await admin.delete(`/v1/grid-units/${c.village.id}`)
  assertProblem(t, inUse, 409, 'rule-violation')
  t.equal(inUse.body.violations[0].rule, 'grid-unit-in-use')
})

t.test('re-parenting moves the whole subtree', async (t) => {
  const c = await createCounty(admin)
  const moved = await admin.patch(`/v1/grid-units/${c.village.id}`, { parentId: c.otherTown.id })
  t.equal(moved.status, 200)
  t.equal(moved.body.parentId, c.otherTown.id)
  const underOther = await admin.get(`/v1/grid-units?gridUnitId=${c.otherTown.id}&limit=100`)
  const ids = underOther.body.items.map((u: any) => u.id)
  t.ok(ids.includes(c.grid.id), 'the grid below the village moved along')
  const underOld = await admin.get(`/v1/grid-units?gridUnitId=${c.town.id}&limit=100`)
  t.notOk(underOld.body.items.map((u: any) => u.id).includes(c.grid.id))
})
