import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty, createGridUnit } from '../helpers/factories.js'

const { admin, keyWith } = await buildTestApp(t)
const c = await createCounty(admin)
const names = async (query: string) => (await admin.get(`/v1/grid-units?limit=100&${query}`)).body.items.map((u: { name: string }) => u.name)

t.test('level keeps only those levels (repeatable)', async (t) => {
  t.same((await names('level=town')).sort(), ['团结镇', '陕坝镇'].sort())
  t.same((await names('level=village&level=community')).sort(), ['团结村', '新华社区'].sort())
})

t.test('parentId keeps the direct children only', async (t) => {
  t.same((await names(`parentId=${c.town.id}`)).sort(), ['团结村', '新华社区'].sort())
})

t.test('gridUnitId keeps the unit and its whole subtree', async (t) => {
  t.same((await names(`gridUnitId=${c.town.id}`)).sort(), ['团结镇', '团结村', '团结村第一网格', '新华社区'].sort())
  t.same(await names(`gridUnitId=${c.otherGrid.id}`), ['陕坝镇第二网格'])
})

t.test('q searches name and code, Chinese substrings included', async (t) => {
  t.same((await names('q=网格')).sort(), ['团结村第一网格', '陕坝镇第二网格'].sort())
  const coded = await createGridUnit(admin, { level: 'county', name: '编码检索旗', code: 'QX-150826' })
  t.same(await names('q=qx-1508'), [coded.name], 'case-insensitive over the code')
})

t.test('a key bound to a town lists only its subtree; filters cannot widen it', async (t) => {
  const townKey = await keyWith(['grid-units:read'], c.town.id)
  const own = (await townKey.get('/v1/grid-units?limit=100')).body.items.map((u: { name: string }) => u.name)
  t.same(own.sort(), ['团结镇', '团结村', '团结村第一网格', '新华社区'].sort())
  t.same((await townKey.get(`/v1/grid-units?gridUnitId=${c.otherTown.id}`)).body.items, [])
  assertProblem(t, await townKey.get(`/v1/grid-units/${c.otherTown.id}`), 404, 'not-found')
})
