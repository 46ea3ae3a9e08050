import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty, uniqueCode } from '../helpers/factories.js'

const { admin, keyWith } = await buildTestApp(t)
const c = await createCounty(admin)
const townKey = await keyWith(['grid-units:read', 'grid-units:write'], c.town.id, '团结镇综治中心')

t.test('a key bound to a town lists only its subtree', async (t) => {
  const res = await townKey.get('/v1/grid-units?limit=100')
  const ids = res.body.items.map((u: any) => u.id).sort()
  t.same(ids, [c.town.id, c.village.id, c.grid.id, c.community.id].sort())
  const other = await townKey.get(`/v1/grid-units?gridUnitId=${c.otherTown.id}`)
  t.equal(other.status, 200)
  t.same(other.body.items, [], 'a filter outside the jurisdiction simply yields nothing')
})

t.test('records outside the jurisdiction answer 404 on read and write', async (t) => {
  assertProblem(t, await townKey.get(`/v1/grid-units/${c.otherTown.id}`), 404, 'not-found')
  assertProblem(t, await townKey.get(`/v1/grid-units/${c.county.id}`), 404, 'not-found', 'not even its own parent')
  assertProblem(t, await townKey.patch(`/v1/grid-units/${c.otherGrid.id}`, { name: '越权' }), 404, 'not-found')
  assertProblem(t, await townKey.delete(`/v1/grid-units/${c.otherGrid.id}`), 404, 'not-found')
  t.equal((await townKey.get(`/v1/grid-units/${c.grid.id}`)).status, 200)
})

t.test('creating or moving a unit outside the jurisdiction answers 403', async (t) => {
  const outside = await townKey.post('/v1/grid-units', { code: uniqueCode(), name: '越界网格', level: 'grid', parentId: c.otherTown.id })
  assertProblem(t, outside, 403, 'forbidden')
  const root = await townKey.post('/v1/grid-units', { code: uniqueCode(), name: '新旗', level: 'county' })
  assertProblem(t, root, 403, 'forbidden')
  const move = await townKey.patch(`/v1/grid-units/${c.grid.id}`, { parentId: c.otherTown.id })
  assertProblem(t, move, 403, 'forbidden')
  const inside = await townKey.post('/v1/grid-units', { code: uniqueCode(), name: '团结村第二网格', level: 'grid', parentId: c.village.id })
  t.equal(inside.status, 201)
})
