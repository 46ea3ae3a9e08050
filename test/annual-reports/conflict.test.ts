import { sql } from 'drizzle-orm'
import t from 'tap'
import { queryRows } from '../../src/db/client.js'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createReport, reportBody, reportsUrl } from './fixtures.js'

// API.md §5: one live report per unit and year (409 `conflict`, held by a unique index on the live
// rows, so two concurrent creates cannot both win).

const { admin, database } = await buildTestApp(t)
const c = await createCounty(admin)
const liveCount = async (unitId: string, year: number) =>
  (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM annual_reports WHERE grid_unit_id = ${unitId} AND year = ${year} AND deleted_at IS NULL`))[0]!.n

t.test('a second live report of the same unit and year is a conflict', async (t) => {
  const first = await createReport(admin, c.town.id)
  for (const status of ['draft', 'submitted']) {
    const res = await admin.post(reportsUrl, reportBody(c.town.id, { status, title: '重复的报告' }))
    assertProblem(t, res, 409, 'conflict', `a second ${status} report`)
  }
  t.equal(await liveCount(c.town.id, 2025), 1)

  t.equal((await admin.post(reportsUrl, reportBody(c.town.id, { year: 2024 }))).status, 201, 'the same unit, another year')
  t.equal((await admin.post(reportsUrl, reportBody(c.otherTown.id))).status, 201, 'another unit, the same year')
  t.equal((await admin.post(reportsUrl, reportBody(c.county.id))).status, 201, 'the parent unit has a report of its own')

  t.equal((await admin.delete(`${reportsUrl}/${first.id}`)).status, 204)
  const again = await admin.post(reportsUrl, reportBody(c.town.id, { title: '重新起草的报告' }))
  t.equal(again.status, 201, 'allowed again once the first is deleted')
  t.not(again.body.id, first.id)
})

t.test('moving a report onto a taken unit or year is a conflict too', async (t) => {
  const a = await createReport(admin, c.village.id, { year: 2023 })
  const b = await createReport(admin, c.village.id, { year: 2022 })
  assertProblem(t, await admin.patch(`${reportsUrl}/${b.id}`, { year: 2023 }), 409, 'conflict', 'onto a taken year')
  const other = await createReport(admin, c.community.id, { year: 2023 })
  assertProblem(t, await admin.patch(`${reportsUrl}/${other.id}`, { gridUnitId: c.village.id }), 409, 'conflict', 'onto a taken unit')
  t.equal((await admin.get(`${reportsUrl}/${b.id}`)).body.year, 2022, 'nothing changed')
  t.equal((await admin.patch(`${reportsUrl}/${b.id}`, { year: 2021 })).status, 200, 'onto a free year')
  t.ok(a.id)
})

t.test('concurrent creates of one unit and year: exactly one wins', async (t) => {
  const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => admin.post(reportsUrl, reportBody(c.grid.id, { year: 2020, title: `并发${i}` }))))
  t.same(answers.map((a) => a.status).sort(), [201, 409, 409, 409, 409, 409])
  t.ok(answers.filter((a) => a.status === 409).every((a) => a.body.type.endsWith('/problems/conflict')))
  t.equal(await liveCount(c.grid.id, 2020), 1)
})
