import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createGridUnit, uniqueCode } from '../helpers/factories.js'

// 法治阵地 of a unit: `facilities`, at most 50 of {kind, name, establishedOn}, default [].

const { admin } = await buildTestApp(t)
const county = await createGridUnit(admin, { level: 'county', name: '杭锦后旗' })
const square = { kind: 'rule_of_law_square' as const, name: '团结村法治文化广场', establishedOn: '2025-07-01' }
const window_ = { kind: 'legal_service_window' as const, name: '团结镇公共法律服务工作站', establishedOn: '2019-05-10' }
const body = (fields: Record<string, unknown> = {}) => ({ code: uniqueCode(), name: '团结镇', level: 'town', parentId: county.id, ...fields })

t.test('facilities default to [] and are kept as sent, in order', async (t) => {
  const bare = await admin.post('/v1/grid-units', body())
  t.equal(bare.status, 201)
  t.same(bare.body.facilities, [], 'default []')

  const all = ['rule_of_law_square', 'legal_service_window', 'mediation_room', 'legal_library', 'other'].map((kind, i) => ({
    kind,
    name: `阵地${i}`,
    establishedOn: `202${i}-0${i + 1}-1${i}`,
  }))
  const res = await admin.post('/v1/grid-units', body({ facilities: all }))
  t.equal(res.status, 201, res.text)
  t.same(res.body.facilities, all, 'every kind, with its date as a plain date')
  t.same((await admin.get(`/v1/grid-units/${res.body.id}`)).body.facilities, all, 'read back the same')
})

t.test('a merge patch replaces facilities whole; null is refused, [] empties them', async (t) => {
  const unit = await createGridUnit(admin, { level: 'town', parentId: county.id, facilities: [square, window_] })
  const replaced = await admin.patch(`/v1/grid-units/${unit.id}`, { facilities: [window_] })
  t.equal(replaced.status, 200)
  t.same(replaced.body.facilities, [window_])
  t.equal(replaced.body.version, 2)
  const kept = await admin.patch(`/v1/grid-units/${unit.id}`, { name: '团结镇人民政府' })
  t.same(kept.body.facilities, [window_], 'absent keeps them')
  assertProblem(t, await admin.patch(`/v1/grid-units/${unit.id}`, { facilities: null }), 400, 'validation-error')
  const emptied = await admin.patch(`/v1/grid-units/${unit.id}`, { facilities: [] })
  t.equal(emptied.status, 200)
  t.same(emptied.body.facilities, [])
})

t.test('bad facilities are 400s naming the member', async (t) => {
  const cases: [unknown, string][] = [
    [[{ ...square, kind: 'plaza' }], '/facilities/0/kind'],
    [[square, { ...square, establishedOn: '2025-07-01T00:00:00Z' }], '/facilities/1/establishedOn'],
    [[{ ...square, establishedOn: '2025-02-30' }], '/facilities/0/establishedOn'],
    [[{ ...square, establishedOn: '20250701' }], '/facilities/0/establishedOn'],
    [[{ ...square, name: '' }], '/facilities/0/name'],
    [[{ ...square, name: '场'.repeat(101) }], '/facilities/0/name'],
    [[{ kind: 'mediation_room', name: '调解室' }], '/facilities/0'],
    [[{ ...square, area: 500 }], '/facilities/0/area'],
    [Array.from({ length: 51 }, () => square), '/facilities'],
    [square, '/facilities'],
  ]
  for (const [facilities, pointer] of cases) {
    const res = await admin.post('/v1/grid-units', body({ facilities }))
    assertProblem(t, res, 400, 'validation-error', JSON.stringify(facilities).slice(0, 80))
    t.ok(
      res.body.errors.some((e: any) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`)),
      `${pointer} named: ${JSON.stringify(res.body.errors)}`,
    )
  }
  const fifty = await admin.post('/v1/grid-units', body({ facilities: Array.from({ length: 50 }, (_, i) => ({ ...square, name: `广场${i}` })) }))
  t.equal(fifty.status, 201, '50 is the most')
  t.equal(fifty.body.facilities.length, 50)
})

t.test('a facility name is no search text of the unit; the list answers facilities', async (t) => {
  const unit = await createGridUnit(admin, { level: 'town', parentId: county.id, name: '沙海镇', facilities: [{ ...square, name: '沙海镇法治书屋甲' }] })
  const listed = await admin.get(`/v1/grid-units?parentId=${county.id}&q=${encodeURIComponent('沙海镇')}`)
  t.equal(listed.status, 200)
  const item = listed.body.items.find((u: any) => u.id === unit.id)
  t.same(item.facilities, [{ ...square, name: '沙海镇法治书屋甲' }])
  // `q` searches a unit's name and code (API.md §4), not what its facilities are called.
  const byFacility = await admin.get(`/v1/grid-units?q=${encodeURIComponent('法治书屋甲')}`)
  t.same(byFacility.body.items, [])
})
