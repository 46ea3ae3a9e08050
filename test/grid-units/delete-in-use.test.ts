import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'
import { revokeApiKey } from '../../src/db/api-keys.js'
import { disputeBody } from '../disputes/fixtures.js'

// `grid-unit-in-use`: a unit that child units, records or API keys still refer to stays; once
// nothing refers to it, it can be deleted. (Every collection's records: test/architecture/registry.test.ts.)

const { admin, keyWith, database } = await buildTestApp(t)

const uses = async (id: string) => {
  const res = await admin.delete(`/v1/grid-units/${id}`)
  assertProblem(t, res, 409, 'rule-violation')
  t.same(res.body.violations.map((v: { rule: string }) => v.rule), ['grid-unit-in-use'])
  return res.body.violations[0].message as string
}

t.test('child units keep a unit, until they are gone', async (t) => {
  const county = await createGridUnit(admin, { level: 'county' })
  const town = await createGridUnit(admin, { level: 'town', parentId: county.id })
  t.match(await uses(county.id), /child units/)
  t.equal((await admin.delete(`/v1/grid-units/${town.id}`)).status, 204)
  t.equal((await admin.delete(`/v1/grid-units/${county.id}`)).status, 204, 'a deleted child no longer counts')
})

t.test('a live record keeps its unit; a deleted one does not', async (t) => {
  const grid = await createGridUnit(admin, { level: 'grid' })
  const dispute = await admin.post('/v1/disputes', disputeBody(grid.id))
  t.equal(dispute.status, 201)
  t.match(await uses(grid.id), /disputes/)
  t.equal((await admin.delete(`/v1/disputes/${dispute.body.id}`)).status, 204)
  t.equal((await admin.delete(`/v1/grid-units/${grid.id}`)).status, 204)
})

t.test('an active API key bound to the unit keeps it; a revoked one does not', async (t) => {
  const grid = await createGridUnit(admin, { level: 'grid' })
  await keyWith(['disputes:read'], grid.id, 'bound-key')
  t.match(await uses(grid.id), /API keys/)
  t.equal((await revokeApiKey(database.db, 'bound-key')).length, 1)
  t.equal((await admin.delete(`/v1/grid-units/${grid.id}`)).status, 204)
})

t.test('every use is named at once', async (t) => {
  const town = await createGridUnit(admin, { level: 'town' })
  await createGridUnit(admin, { level: 'grid', parentId: town.id })
  t.equal((await admin.post('/v1/disputes', disputeBody(town.id))).status, 201)
  await keyWith(['disputes:read'], town.id)
  const message = await uses(town.id)
  for (const use of ['child units', 'disputes', 'API keys']) t.match(message, use)
})
