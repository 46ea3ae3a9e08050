import t from 'tap'
import { sql } from 'drizzle-orm'
import { loadConfig } from '../../src/config.js'
import { queryRows } from '../../src/db/client.js'
import { DEMO_ACTOR, seedDemo } from '../../src/commands/demo-seed.js'
import { demoReportExample, demoStatisticsExample } from '../../src/reports/statistics-example.js'
import { buildTestApp } from '../helpers/app.js'

// The demo county is loaded by the function `npm run seed:demo` runs, into this file's own database.
const { admin, database } = await buildTestApp(t)
const config = loadConfig({ LOG_LEVEL: 'silent' })
const progress: string[] = []
const first = await seedDemo(database, config, (line) => progress.push(line))

const tableCounts = async () =>
  (
    await queryRows<Record<string, number>>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM grid_units) AS units, (SELECT count(*)::int FROM disputes) AS disputes,
                 (SELECT count(*)::int FROM decisions) AS decisions, (SELECT count(*)::int FROM enforcement_cases) AS cases,
                 (SELECT count(*)::int FROM legal_education_events) AS events, (SELECT count(*)::int FROM audit_events) AS audit,
                 (SELECT count(*)::int FROM api_keys) AS keys, (SELECT max(updated_at)::text FROM disputes) AS last_change`,
    )
  )[0]

t.test('团结镇 2025 reproduces the town’s real report', async (t) => {
  const res = await admin.get(`/v1/statistics?year=2025&gridUnitId=${first.townId}`)
  t.equal(res.status, 200)
  t.same(res.body, { ...demoStatisticsExample, gridUnit: { ...demoStatisticsExample.gridUnit, id: first.townId } })
  // The figures the report names, spelled out.
  const s = res.body
  t.equal(s.gridUnits.grids, 76)
  t.equal(s.gridUnits.gridWorkers, 202)
  t.ok(s.gridUnits.legalLiterates > 80, 'more than 80 法律明白人')
  t.equal(s.gridUnits.legalAdviserCoverage, 1, 'every village and community has a legal adviser')
  t.match(s.disputes, { total: 29, resolved: 29, resolutionRate: 1, petitionBacklogResolved: 2 })
  t.match(s.decisions, { legalityReviewed: 4 })
  t.ok(s.legalEducation.byVenueType.village > 0 && s.legalEducation.byVenueType.school > 0 && s.legalEducation.byVenueType.enterprise > 0)
  t.ok(s.legalEducation.materialsDistributed > 2000, 'more than 2000 leaflets')
  t.ok(s.legalEducation.attendance > 4000, 'to more than 4000 people')
  t.ok(s.legalEducation.mediaItems > 10, 'more than 10 short videos')
  t.match(s.legalEducation, { cadreTrainings: 4, studySessions: 2 })
  t.equal(s.enforcement.lost, 0, 'no reconsideration or litigation lost')
})

t.test('the annual report of the demo town is the documented example', async (t) => {
  const res = await admin.get(`/v1/reports/annual?year=2025&gridUnitId=${first.townId}`)
  t.equal(res.status, 200)
  t.equal(res.text, demoReportExample)
})

t.test('the seed printed its progress and wrote through the API, leaving a real audit trail', async (t) => {
  t.ok(progress.some((line) => /^grid units: 101 created/.test(line)))
  t.ok(progress.some((line) => /^disputes: \d+ created, \d+ changes applied/.test(line)))
  const walked = (await admin.get('/v1/disputes?q=团结村三组土地流转面积纠纷')).body.items[0]
  t.equal(walked.status, 'resolved')
  const trail = await admin.get(`/v1/audit-events?resourceId=${walked.id}`)
  t.same(trail.body.items.map((e: any) => [e.action, e.after.status, e.actor]), [
    ['created', 'reported', DEMO_ACTOR],
    ['updated', 'mediating', DEMO_ACTOR],
    ['updated', 'resolved', DEMO_ACTOR],
  ])
})

t.test('running the seed again changes nothing, and leaves no key behind', async (t) => {
  const before = await tableCounts()
  t.equal(before!.keys, 1, 'only the test’s own admin key')
  const second = await seedDemo(database, config)
  t.same({ ...second, townId: first.townId }, { townId: first.townId, unitsCreated: 0, recordsCreated: 0, recordsChanged: 0, alreadyThere: first.alreadyThere + first.unitsCreated + first.recordsCreated })
  t.same(await tableCounts(), before)
})
