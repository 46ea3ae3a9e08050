import t from 'tap'
import { loadConfig } from '../../src/config.js'
import { seedDemo } from '../../src/commands/demo-seed.js'
import { SHANBA_CODE } from '../../src/commands/demo-units.js'
import { demoReportExample, demoStatisticsExample } from '../../src/reports/statistics-example.js'
import { buildTestApp } from '../helpers/app.js'

// The demo county is loaded by the function `npm run seed:demo` runs, into this file's own database,
// and answers every figure of 团结镇's 2025 report (API.md, the table at the top). Its documents and
// a second run are in demo-reports.test.ts.
// Seeding some 700 records through the API takes minutes on a busy machine.
t.setTimeout(600_000)
const { admin, database } = await buildTestApp(t)
const seeded = await seedDemo(database, loadConfig({ LOG_LEVEL: 'silent' }))
const town = seeded.townId
const statistics = async (unitId: string) => (await admin.get(`/v1/statistics?year=2025&gridUnitId=${unitId}`)).body
const s = await statistics(town)
const year = 'From=2025-01-01&'

t.test('团结镇 2025 answers the documented example, figure for figure', async (t) => {
  t.same(s, { ...demoStatisticsExample, gridUnit: { ...demoStatisticsExample.gridUnit, id: town } })
  const quick = await admin.get(`/v1/reports/annual?year=2025&gridUnitId=${town}`)
  t.equal(quick.status, 200)
  t.equal(quick.text, demoReportExample, 'the quick view is the documented one')
})

t.test('一: meetings and study chaired by the principal, 8 issues solved, the work plan done', async (t) => {
  t.same(s.meetings, { specialMeetings: 2, centralGroupStudies: 2, executiveStudies: 0, principalChaired: 4, issuesStudied: 8, issuesResolved: 8 })
  t.same(s.workPlans, { adopted: 1, tasks: 12, tasksDone: 12, tasksOverdue: 0 })
  t.equal(s.legalEducation.cadreTrainings, 4, '干部法治培训 4次')
  // 中心组学法 are meetings, not events too: one record, one ledger.
  const studies = await admin.get(`/v1/rule-of-law-meetings?gridUnitId=${town}&kind=central_group_study&held${year}heldTo=2025-12-31`)
  t.equal(studies.body.items.length, 2)
  t.ok(studies.body.items.every((m: any) => m.chairIsPrincipal && m.issues.length === 2))
  t.equal((await admin.get(`/v1/legal-education-events?gridUnitId=${town}&q=中心组`)).body.items.length, 0)
  t.equal(s.legalEducation.studySessions, 0)
  const plan = (await admin.get(`/v1/work-plans?gridUnitId=${town}&year=2025`)).body.items
  t.match(plan, [{ title: '团结镇2025年法治政府建设工作方案', status: 'adopted', tasksOverdue: 0 }])
  t.ok(plan[0].tasks.every((task: any) => task.doneAt && !task.overdue))
})

t.test('二: 4 legality reviews, 8 services to the government with 2 opinions, 300余 publicity items', async (t) => {
  t.match(s.decisions, { total: 4, legalityReviewed: 4, adopted: 4, published: 4 })
  t.match(s.legalServices, { governmentServices: 8, legalOpinions: 2 })
  t.match(s.legalServices.byKind, { contract_review: 3, major_matter_consultation: 4, petition_case: 1 })
  t.equal(s.publicity.items, 310, '300余条')
  const { byChannel } = s.publicity
  t.same([byChannel.government_platform, byChannel.notice_board, byChannel.grid_group], [101, 263, 181], '政务平台、公示栏、网格群')
  t.equal(byChannel.website + byChannel.wechat + byChannel.other, 0, 'the three channels only')
})

t.test('三: 4 officers’ trainings, the three systems, 2 special inspections rectified, nothing lost on review', async (t) => {
  t.equal(s.legalEducation.officerTrainings, 4)
  t.same(s.enforcement, { registered: 5, decided: 5, majorLegallyReviewed: 1, withRecordings: 5, published: 5, overdue: 0, reconsiderations: 1, litigations: 0, lost: 0 })
  t.same(s.supervision, { specialInspections: 2, caseFileReviews: 2, selfInspections: 0, riskScreenings: 0, findings: 6, rectified: 6 })
  const inspections = (await admin.get(`/v1/inspections?gridUnitId=${town}&kind=special_inspection`)).body.items
  t.same(inspections.map((i: any) => i.status), ['closed', 'closed'])
})

t.test('四: outreach into villages, schools and enterprises, media, the new 法治文化广场, 80余 明白人', async (t) => {
  const l = s.legalEducation
  t.same(l.outreach, { events: 4, materialsDistributed: 2150, attendance: 4350 })
  t.ok(l.outreach.materialsDistributed >= 2000 && l.outreach.attendance >= 4000, '资料 2000余份，群众 4000余人次')
  t.match(l.byVenueType, { village: 2, school: 1, enterprise: 1 })
  t.equal(l.mediaItems, 12, '10余条')
  t.equal(s.gridUnits.facilitiesEstablished.rule_of_law_square, 1)
  t.equal(s.gridUnits.facilities.rule_of_law_square, 1)
  const square = (await admin.get(`/v1/grid-units?gridUnitId=${town}&q=团结村&level=village`)).body.items[0]
  t.same(square.facilities.find((f: any) => f.kind === 'rule_of_law_square'), { kind: 'rule_of_law_square', name: '团结村法治文化广场', establishedOn: '2025-07-01' })
  t.equal(s.gridUnits.legalLiterates, 86, '80余名')
})

t.test('五: 76 grids and 202 workers, 29 disputes all resolved, 2 backlogs, 150余 consultations, advisers everywhere', async (t) => {
  t.match(s.gridUnits, { grids: 76, gridWorkers: 202, villagesAndCommunities: 11, withLegalAdviser: 11, legalAdviserCoverage: 1 })
  t.match(s.disputes, { total: 29, resolved: 29, resolutionRate: 1, open: 0, petitionBacklogResolved: 2 })
  t.match(s.legalServices, { publicServed: 156 })
  t.match(s.legalServices.byKind, { legal_consultation: 132, mediation_guidance: 24 })
  // One entry in three was with a village's legal adviser (n = 2, 5, … 155 of 156), the rest at the window.
  const villages = await admin.get(`/v1/legal-services?gridUnitId=${town}&provider=village_legal_adviser&limit=100`)
  t.equal(villages.body.items.length, 52)
  t.equal(villages.body.nextCursor, null)
})

t.test('陕坝镇 has a year of its own, short of 团结镇’s', async (t) => {
  const [shanba] = (await admin.get('/v1/grid-units?level=town&q=陕坝镇')).body.items
  t.equal(shanba.code, SHANBA_CODE)
  const id = shanba.id
  const b = await statistics(id)
  t.match(b.meetings, { specialMeetings: 1, principalChaired: 1, issuesStudied: 2, issuesResolved: 1 })
  t.same(b.workPlans, { adopted: 1, tasks: 5, tasksDone: 3, tasksOverdue: 2 })
  t.match(b.decisions, { total: 1, legalityReviewed: 1, adopted: 0 })
  t.match(b.legalServices, { governmentServices: 1, legalOpinions: 1, publicServed: 18 })
  t.equal(b.publicity.items, 14)
  t.match(b.supervision, { selfInspections: 1, findings: 2, rectified: 1 })
  t.match(b.enforcement, { registered: 2, decided: 1 })
  t.match(b.legalEducation, { events: 2, cadreTrainings: 1 })
  t.match(b.disputes, { total: 4, resolved: 2, open: 2 })
  t.match(b.gridUnits, { grids: 8, villagesAndCommunities: 3, withLegalAdviser: 2 })
  t.match(b.gridUnits.facilities, { legal_library: 1, mediation_room: 3 })
})

t.test('the county sees both towns side by side, with their reports', async (t) => {
  const county = (await admin.get('/v1/grid-units?level=county')).body.items[0]
  const res = await admin.get(`/v1/statistics/breakdown?year=2025&gridUnitId=${county.id}`)
  t.equal(res.status, 200)
  t.same(
    res.body.items.map((i: any) => [i.gridUnit.name, i.report?.status, i.report?.submittedAt ?? null]),
    [
      ['陕坝镇', 'draft', null],
      ['团结镇', 'submitted', '2026-02-20T02:00:00.000Z'],
    ],
  )
  t.equal(res.body.total.publicity.items, 310 + 14)
})
