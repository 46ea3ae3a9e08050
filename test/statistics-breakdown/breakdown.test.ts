import t from 'tap'
import { createReport } from '../annual-reports/fixtures.js'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'
import { createEvent } from '../legal-education-events/fixtures/events.js'
import { breakdownUrl, counts, countyWithTowns } from './fixtures.js'

// GET /v1/statistics/breakdown (API.md §5): one item per live direct child inside the key's
// jurisdiction, ordered by code, zeros for a unit with nothing, each with its report of the year;
// `total` is the unit's own statistics, which — the children's subtrees partitioning the unit's —
// is the sum of the children's counts when the unit itself holds no records.

const { admin, keyWith } = await buildTestApp(t)
const c = await countyWithTowns(admin)
const breakdownOf = async (unitId: string, year = 2025) => {
  const res = await admin.get(`${breakdownUrl}?year=${year}&gridUnitId=${unitId}`)
  if (res.status !== 200) throw new Error(`breakdown: ${res.status} ${res.text}`)
  return res.body
}
const statisticsOf = async (unitId: string, year = 2025) => (await admin.get(`/v1/statistics?year=${year}&gridUnitId=${unitId}`)).body

t.test('one item per direct child, ordered by code, each with its own statistics', async (t) => {
  const res = await admin.get(`${breakdownUrl}?year=2025&gridUnitId=${c.county.id}`)
  t.equal(res.status, 200)
  t.match(String(res.headers['content-type']), /^application\/json/)
  const b = res.body
  t.equal(b.year, 2025)
  t.same(b.gridUnit, { id: c.county.id, name: '杭锦后旗', level: 'county' })
  t.same(b.items.map((i: any) => i.gridUnit.name), ['甲镇', '乙镇', '丙镇'], 'by code (A, B, C), not by creation')
  t.same(b.items[0].gridUnit, { id: c.townA.id, code: c.townA.code, name: '甲镇', level: 'town' })
  for (const item of b.items) t.same(item.statistics, await statisticsOf(item.gridUnit.id), `${item.gridUnit.name}: its statistics`)
  t.equal(b.items[0].statistics.disputes.total, 1, 'the 积案 reported in 2024 counts in 2024…')
  t.equal(b.items[0].statistics.disputes.petitionBacklogResolved, 1, '…and as resolved in 2025')
  t.equal(b.items[1].statistics.legalEducation.events, 1, 'an event of another year does not count')
  t.same(b.items.map((i: any) => i.report), [null, null, null], 'no reports yet')
})

t.test('a child with nothing shows all zeros', async (t) => {
  const empty = (await breakdownOf(c.county.id)).items.find((i: any) => i.gridUnit.id === c.townC.id)
  const leaves = counts(empty.statistics)
  t.ok(Object.keys(leaves).length > 60, `${Object.keys(leaves).length} counts`)
  t.same(Object.entries(leaves).filter(([, n]) => n !== 0), [], 'every count is 0')
  t.equal(empty.statistics.disputes.resolutionRate, null, 'a rate with nothing to divide is null')
  t.equal(empty.statistics.gridUnits.legalAdviserCoverage, null)
  t.equal(empty.report, null)
})

t.test('the total is the unit’s own statistics, and the sum of its children’s counts', async (t) => {
  const b = await breakdownOf(c.county.id)
  t.same(b.total, await statisticsOf(c.county.id), 'total = GET /v1/statistics of the parent')
  const total = counts(b.total)
  const summed: Record<string, number> = {}
  for (const item of b.items) for (const [path, n] of Object.entries(counts(item.statistics))) summed[path] = (summed[path] ?? 0) + n
  t.same(summed, total, 'every additive count of the total is the sum over the children')
  t.equal(total['disputes.total'], 2)
  t.equal(total['legalEducation.attendance'], 460)
  t.equal(total['gridUnits.gridWorkers'], 3)
  t.equal(total['legalServices.publicServed'], 25)
  t.equal(b.total.disputes.resolutionRate, 0.5, 'a rate of the total is its own, not a sum')

  // A record of the county itself counts in the total but in no child.
  await createEvent(admin, c.county.id, { title: '旗级普法活动', attendance: 1000 })
  const after = await breakdownOf(c.county.id)
  t.equal(after.total.legalEducation.attendance, 1460)
  t.equal(after.items.reduce((sum: number, i: any) => sum + i.statistics.legalEducation.attendance, 0), 460)
  t.same(after.total, await statisticsOf(c.county.id), 'still the parent’s own statistics')
})

t.test('each child’s report of the year: status, submittedAt and late', async (t) => {
  const onTime = await createReport(admin, c.townA.id, { status: 'submitted', submittedAt: '2026-02-20T02:00:00Z' })
  const late = await createReport(admin, c.townB.id, { status: 'published', submittedAt: '2026-03-02T02:00:00Z', publishedAt: '2026-03-20T02:00:00Z' })
  const draft = await createReport(admin, c.townC.id)
  await createReport(admin, c.townC.id, { year: 2024, status: 'submitted' })
  const gone = await createReport(admin, c.townA.id, { year: 2023 })
  t.equal((await admin.delete(`/v1/annual-reports/${gone.id}`)).status, 204)

  const reports = (await breakdownOf(c.county.id)).items.map((i: any) => i.report)
  t.same(reports[0], { id: onTime.id, status: 'submitted', submittedAt: '2026-02-20T02:00:00.000Z', late: false })
  t.same(reports[1], { id: late.id, status: 'published', submittedAt: '2026-03-02T02:00:00.000Z', late: true })
  t.same(reports[2], { id: draft.id, status: 'draft', late: draft.late }, 'a draft: no submittedAt, late as the record says')
  t.equal(reports[2].late, Date.now() >= Date.parse('2026-02-28T16:00:00Z'), 'a draft of 2025 is late once 1 March 2026 has passed')
  t.same((await breakdownOf(c.county.id, 2024)).items.map((i: any) => i.report?.status ?? null), [null, null, 'submitted'], 'the reports of the year asked for')
  t.same((await breakdownOf(c.county.id, 2023)).items.map((i: any) => i.report), [null, null, null], 'a deleted report is not shown')
})

t.test('a deleted child is absent', async (t) => {
  const extra = await createGridUnit(admin, { code: `${c.county.code}-0`, name: '已撤并镇', level: 'town', parentId: c.county.id })
  t.same((await breakdownOf(c.county.id)).items.map((i: any) => i.gridUnit.name), ['已撤并镇', '甲镇', '乙镇', '丙镇'])
  t.equal((await admin.delete(`/v1/grid-units/${extra.id}`)).status, 204)
  t.same((await breakdownOf(c.county.id)).items.map((i: any) => i.gridUnit.name), ['甲镇', '乙镇', '丙镇'])
})

t.test('below a town: its villages; a unit with no children has no items', async (t) => {
  const b = await breakdownOf(c.townA.id)
  t.same(b.items.map((i: any) => i.gridUnit.id), [c.villageA.id])
  t.same(b.total, await statisticsOf(c.townA.id))
  t.same((await breakdownOf(c.gridA.id)).items, [])
})

t.test('jurisdiction: a town’s key sees its own breakdown, not the county’s', async (t) => {
  const town = await keyWith(['statistics:read'], c.townA.id)
  const own = await town.get(`${breakdownUrl}?year=2025`)
  t.equal(own.status, 200, 'gridUnitId defaults to the key’s unit')
  t.equal(own.body.gridUnit.id, c.townA.id)
  t.same(own.body.items.map((i: any) => i.gridUnit.id), [c.villageA.id])
  // The county's total would hold the other towns' figures: like GET /v1/statistics, it is not there.
  assertProblem(t, await town.get(`${breakdownUrl}?year=2025&gridUnitId=${c.county.id}`), 404, 'not-found', 'the county lies outside')
  assertProblem(t, await town.get(`${breakdownUrl}?year=2025&gridUnitId=${c.townB.id}`), 404, 'not-found', 'another town')
  const county = await keyWith(['statistics:read'], c.county.id)
  t.same((await county.get(`${breakdownUrl}?year=2025`)).body.items.map((i: any) => i.gridUnit.name), ['甲镇', '乙镇', '丙镇'], 'the county’s key sees every town')
})

t.test('scope, parameters and errors', async (t) => {
  const reports = await keyWith(['annual-reports:read', 'disputes:read'])
  assertProblem(t, await reports.get(`${breakdownUrl}?year=2025&gridUnitId=${c.county.id}`), 403, 'forbidden', 'needs statistics:read')
  assertProblem(t, await admin.get(`${breakdownUrl}?year=2025`), 400, 'validation-error', 'gridUnitId is required for an unbound key')
  assertProblem(t, await admin.get(`${breakdownUrl}?gridUnitId=${c.county.id}`), 400, 'validation-error', 'year is required')
  assertProblem(t, await admin.get(`${breakdownUrl}?year=2025&gridUnitId=${c.county.id}&level=town`), 400, 'validation-error', 'an unknown parameter')
  assertProblem(t, await admin.get(`${breakdownUrl}?year=2025&gridUnitId=00000000-0000-4000-8000-000000000000`), 404, 'not-found')
  assertProblem(t, await admin.get(`${breakdownUrl}?year=2025&gridUnitId=${c.county.id}`, { accept: 'text/csv' }), 406, 'not-acceptable')
  assertProblem(t, await admin.get(`${breakdownUrl}?year=2025&gridUnitId=${c.county.id}&format=csv`), 400, 'validation-error')
  t.equal((await admin.get(`${breakdownUrl}?year=2025&gridUnitId=${c.county.id}`, { accept: '*/*' })).headers['content-type']?.toString().startsWith('application/json'), true, '*/* is JSON')
})
