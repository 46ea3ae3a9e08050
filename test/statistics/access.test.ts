import t from 'tap'
import { assertProblem, buildTestApp, clientFor } from '../helpers/app.js'
import { createCounty, createGridUnit } from '../helpers/factories.js'
import { insertDispute } from './fixtures/records.js'

const { app, admin, database, keyWith } = await buildTestApp(t)
const c = await createCounty(admin)
for (const unit of [c.village, c.grid, c.otherGrid]) await insertDispute(database.db, unit.id, '2025-05-01T09:00:00+08:00')
const routes = ['/v1/statistics', '/v1/reports/annual']

t.test('both routes need statistics:read (403 without it, 401 without a key)', async (t) => {
  const reader = await keyWith(['disputes:read', 'grid-units:read'])
  for (const route of routes) {
    assertProblem(t, await reader.get(`${route}?year=2025&gridUnitId=${c.town.id}`), 403, 'forbidden')
    assertProblem(t, await clientFor(app).get(`${route}?year=2025&gridUnitId=${c.town.id}`), 401, 'unauthorized')
  }
  const statistician = await keyWith(['statistics:read'])
  t.equal((await statistician.get(`/v1/statistics?year=2025&gridUnitId=${c.town.id}`)).status, 200)
})

t.test('a key bound to a town defaults to it and sees only its subtree', async (t) => {
  const townKey = await keyWith(['statistics:read'], c.town.id)
  const own = await townKey.get('/v1/statistics?year=2025')
  t.equal(own.status, 200)
  t.equal(own.body.gridUnit.id, c.town.id)
  t.equal(own.body.disputes.total, 2)
  const below = await townKey.get(`/v1/statistics?year=2025&gridUnitId=${c.village.id}`)
  t.equal(below.status, 200)
  t.equal(below.body.gridUnit.id, c.village.id)
  const report = await townKey.get('/v1/reports/annual?year=2025')
  t.equal(report.status, 200)
  t.match(report.text, /^# 团结镇2025年/)
})

t.test('another town, the county above, or a missing or deleted unit answer 404 like a record', async (t) => {
  const townKey = await keyWith(['statistics:read'], c.town.id)
  const deleted = await createGridUnit(admin, { level: 'grid', parentId: c.town.id })
  t.equal((await admin.delete(`/v1/grid-units/${deleted.id}`)).status, 204)
  for (const route of routes) {
    assertProblem(t, await townKey.get(`${route}?year=2025&gridUnitId=${c.otherTown.id}`), 404, 'not-found', 'a neighbouring town')
    assertProblem(t, await townKey.get(`${route}?year=2025&gridUnitId=${c.county.id}`), 404, 'not-found', 'the county above the key')
    assertProblem(t, await admin.get(`${route}?year=2025&gridUnitId=00000000-0000-4000-8000-000000000000`), 404, 'not-found', 'no such unit')
    assertProblem(t, await admin.get(`${route}?year=2025&gridUnitId=${deleted.id}`), 404, 'not-found', 'a deleted unit')
  }
})

t.test('year is required and bounded; gridUnitId is required for an unbound key; unknown parameters are refused', async (t) => {
  for (const route of routes) {
    for (const query of [`gridUnitId=${c.town.id}`, `year=abc&gridUnitId=${c.town.id}`, `year=1800&gridUnitId=${c.town.id}`, `year=2025.5&gridUnitId=${c.town.id}`]) {
      const res = await admin.get(`${route}?${query}`)
      assertProblem(t, res, 400, 'validation-error', query)
      t.equal(res.body.errors[0].pointer, '/year')
    }
    const unbound = await admin.get(`${route}?year=2025`)
    assertProblem(t, unbound, 400, 'validation-error')
    t.same(unbound.body.errors.map((e: any) => [e.in, e.pointer]), [['query', '/gridUnitId']])
    assertProblem(t, await admin.get(`${route}?year=2025&gridUnitId=not-a-uuid`), 400, 'validation-error')
    const unknown = await admin.get(`${route}?year=2025&gridUnitId=${c.town.id}&month=5`)
    assertProblem(t, unknown, 400, 'validation-error')
    t.equal(unknown.body.errors[0].pointer, '/month')
  }
})
