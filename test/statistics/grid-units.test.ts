import type { components } from '../../sdk/schema.js'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'

const { admin } = await buildTestApp(t)

async function figures(unitId: string) {
  const res = await admin.get(`/v1/statistics?year=2025&gridUnitId=${unitId}`)
  if (res.status !== 200) throw new Error(`statistics answered ${res.status}: ${res.text}`)
  return res.body.gridUnits
}

type Role = components['schemas']['GridWorker']['role']
// No unit here has a 法治阵地: every kind is listed, at zero.
const none = { rule_of_law_square: 0, legal_service_window: 0, mediation_room: 0, legal_library: 0, other: 0 }
const noFacilities = { facilities: none, facilitiesEstablished: none }
const workers = (role: Role, n: number) => Array.from({ length: n }, (_, i) => ({ name: `人员${i + 1}`, role }))

async function town() {
  const county = await createGridUnit(admin, { name: '杭锦后旗', level: 'county' })
  const town = await createGridUnit(admin, { name: '团结镇', level: 'town', parentId: county.id, workers: workers('legal_adviser', 1) })
  // An adviser on the village itself.
  const advised = await createGridUnit(admin, { name: '团结村', level: 'village', parentId: town.id, workers: [...workers('legal_adviser', 1), ...workers('legal_literate', 3)] })
  const advisedGrid = await createGridUnit(admin, { name: '团结村一网格', level: 'grid', parentId: advised.id, workers: [...workers('grid_worker', 3), ...workers('grid_leader', 1)] })
  // An adviser only on a grid below the community.
  const community = await createGridUnit(admin, { name: '新华社区', level: 'community', parentId: town.id, workers: workers('legal_literate', 2) })
  const communityGrid = await createGridUnit(admin, { name: '新华社区一网格', level: 'grid', parentId: community.id, workers: [...workers('grid_worker', 2), ...workers('legal_adviser', 1)] })
  // No adviser anywhere below this village; the town's own adviser does not cover it.
  const bare = await createGridUnit(admin, { name: '红星村', level: 'village', parentId: town.id, workers: workers('mediator', 1) })
  const bareGrid = await createGridUnit(admin, { name: '红星村一网格', level: 'grid', parentId: bare.id, workers: workers('grid_worker', 2) })
  const townGrid = await createGridUnit(admin, { name: '镇直网格', level: 'grid', parentId: town.id, workers: workers('grid_worker', 1) })
  return { county, town, advised, advisedGrid, community, communityGrid, bare, bareGrid, townGrid }
}

t.test('grids, grid workers and legal literates are counted over the subtree by role', async (t) => {
  const u = await town()
  t.match(await figures(u.town.id), { grids: 4, gridWorkers: 8, legalLiterates: 5 })
  t.match(await figures(u.advised.id), { grids: 1, gridWorkers: 3, legalLiterates: 3 }, 'a village counts itself and its grids')
})

t.test('a village or community has a legal adviser when it or a unit below it has one', async (t) => {
  const u = await town()
  t.same(await figures(u.town.id), { grids: 4, gridWorkers: 8, legalLiterates: 5, villagesAndCommunities: 3, withLegalAdviser: 2, legalAdviserCoverage: 2 / 3, ...noFacilities })
  t.match(await figures(u.community.id), { villagesAndCommunities: 1, withLegalAdviser: 1, legalAdviserCoverage: 1 })
  t.match(await figures(u.bare.id), { villagesAndCommunities: 1, withLegalAdviser: 0, legalAdviserCoverage: 0 })
})

t.test('coverage is null when the subtree holds no village or community', async (t) => {
  const u = await town()
  t.same(await figures(u.townGrid.id), { grids: 1, gridWorkers: 1, legalLiterates: 0, villagesAndCommunities: 0, withLegalAdviser: 0, legalAdviserCoverage: null, ...noFacilities })
})

t.test('figures are as of now: a deleted unit and a changed roster count at once, in any year', async (t) => {
  const u = await town()
  t.equal((await admin.delete(`/v1/grid-units/${u.communityGrid.id}`)).status, 204)
  t.equal((await admin.patch(`/v1/grid-units/${u.bareGrid.id}`, { workers: [...workers('grid_worker', 5), ...workers('legal_adviser', 1)] })).status, 200)
  t.same(await figures(u.town.id), { grids: 3, gridWorkers: 9, legalLiterates: 5, villagesAndCommunities: 3, withLegalAdviser: 2, legalAdviserCoverage: 2 / 3, ...noFacilities })
  const earlier = await admin.get(`/v1/statistics?year=2001&gridUnitId=${u.town.id}`)
  t.same(earlier.body.gridUnits, await figures(u.town.id), 'the same in another year')
})
