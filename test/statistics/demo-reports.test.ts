import t from 'tap'
import { sql } from 'drizzle-orm'
import { loadConfig } from '../../src/config.js'
import { queryRows } from '../../src/db/client.js'
import { DEMO_ACTOR, seedDemo } from '../../src/commands/demo-seed.js'
import { demoStatisticsExample } from '../../src/reports/statistics-example.js'
import { buildTestApp } from '../helpers/app.js'

// The demo's annual reports as filed and rendered, what the seed says while it runs, and a second
// run that changes nothing. The figures themselves are in demo.test.ts.
// Seeding some 700 records through the API takes minutes on a busy machine.
t.setTimeout(600_000)
const { admin, database } = await buildTestApp(t)
const config = loadConfig({ LOG_LEVEL: 'silent' })
const progress: string[] = []
const first = await seedDemo(database, config, (line) => progress.push(line))
const markdown = { accept: 'text/markdown' }

const tableCounts = async () =>
  (
    await queryRows<Record<string, number | string>>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM grid_units) AS units, (SELECT count(*)::int FROM disputes) AS disputes,
                 (SELECT count(*)::int FROM decisions) AS decisions, (SELECT count(*)::int FROM enforcement_cases) AS cases,
                 (SELECT count(*)::int FROM legal_education_events) AS events, (SELECT count(*)::int FROM rule_of_law_meetings) AS meetings,
                 (SELECT count(*)::int FROM work_plans) AS plans, (SELECT count(*)::int FROM legal_services) AS services,
                 (SELECT count(*)::int FROM publicity_items) AS publicity, (SELECT count(*)::int FROM inspections) AS inspections,
                 (SELECT count(*)::int FROM annual_reports) AS reports, (SELECT count(*)::int FROM audit_events) AS audit,
                 (SELECT count(*)::int FROM api_keys) AS keys, (SELECT max(updated_at)::text FROM annual_reports) AS last_report_change`,
    )
  )[0]

t.test('团结镇’s 2025 report is filed with the county in February 2026, its figures frozen', async (t) => {
  const res = await admin.get(`/v1/annual-reports/${first.reportId}`)
  t.equal(res.status, 200)
  t.match(res.body, {
    gridUnitId: first.townId,
    year: 2025,
    title: '团结镇2025年度法治政府建设情况报告',
    addressee: '旗委全面依法治旗委员会办公室',
    issuer: '团结镇人民政府',
    status: 'submitted',
    submittedAt: '2026-02-20T02:00:00.000Z',
    late: false,
  })
  t.equal(res.body.narrative.shortcomings.length, 3)
  t.equal(res.body.narrative.nextSteps.length, 4)
  t.same(res.body.figures, { ...demoStatisticsExample, gridUnit: { ...demoStatisticsExample.gridUnit, id: first.townId } })
})

t.test('its document reads as the report, every figure the quick view’s', async (t) => {
  const doc = await admin.get(`/v1/annual-reports/${first.reportId}/document`, markdown)
  t.equal(doc.status, 200)
  t.match(doc.headers['content-type'], /^text\/markdown/)
  const text = doc.text
  t.ok(text.startsWith('# 团结镇2025年度法治政府建设情况报告\n\n旗委全面依法治旗委员会办公室：\n\n'), 'title, then the 主送 line')
  for (const sentence of [
    '党政主要负责人主持召开法治专题会议、党委中心组法治学习各2次，研究解决法治建设重点难点问题8件',
    '明确工作任务12项，已全部完成，无逾期未完成任务',
    '组织干部法治培训4次',
    '镇党委书记认真履行推进法治建设第一责任人职责',
    '开展合法性审查4次',
    '法律顾问全年为党委、政府提供法律服务8次，出具法律意见书2份',
    '全年主动公开政务信息310条',
    '组织行政执法人员业务培训4次',
    '无行政复议、行政诉讼败诉案件',
    '开展执法专项检查、案卷评查各2次，发现问题6个，已全部整改到位',
    '活动4场，发放宣传资料2150份，受教育群众4350人次',
    '制作普法短视频、图文12条；新建法治文化广场1个',
    '培育法律“明白人”86名',
    '全镇划分网格76个，配备网格员202名',
    '全年排查矛盾纠纷29件，全部化解，化解率100%',
    '化解信访积案2起',
    '服务群众156人次；11个村（社区）均配备法律顾问，覆盖率100%，实现村（社区）法律顾问全覆盖',
    '## 六、存在问题及下一步工作方向',
    '1.法治宣传教育的针对性和实效性有待进一步增强。',
    '3.矛盾纠纷源头预防机制有待完善。',
    '4.严格落实重大行政决策程序。',
  ]) {
    t.ok(text.includes(sentence), sentence)
  }
  t.ok(text.endsWith('团结镇人民政府\\\n2026年2月20日\n'), 'signed by the town on the day it was filed')
  t.notMatch(text, /草稿|待补充|(?<!\d)0[次件条份个名场]/, 'neither a draft nor a zero count in figures')
  // The data sections are the quick view's, sentence for sentence.
  const quick = (await admin.get(`/v1/reports/annual?year=2025&gridUnitId=${first.townId}`)).text
  for (const block of quick.trim().split('\n\n').slice(2)) t.ok(text.includes(block), block.slice(0, 30))
})

t.test('陕坝镇’s report is still a draft, past its due date, with figures live', async (t) => {
  const [report] = (await admin.get('/v1/annual-reports?year=2025&status=draft')).body.items
  t.match(report, { title: '陕坝镇2025年度法治政府建设情况报告', status: 'draft', late: true, issuer: '陕坝镇人民政府' })
  t.notOk(report.submittedAt)
  const live = (await admin.get(`/v1/statistics?year=2025&gridUnitId=${report.gridUnitId}`)).body
  t.same(report.figures, live)
  const doc = await admin.get(`/v1/annual-reports/${report.id}/document`, markdown)
  t.ok(doc.text.startsWith('**草稿**\n\n# 陕坝镇2025年度法治政府建设情况报告'))
  t.match(doc.text, /### （二）下一步工作\n\n（待补充）/, 'no next step written yet')
})

t.test('the seed printed its progress and wrote through the API, leaving a real audit trail', async (t) => {
  t.same(progress, [
    'grid units: 101 created, 0 changes applied, 0 already there (101 in the demo)',
    'rule-of-law-meetings: 6 created, 0 changes applied, 0 already there',
    'work-plans: 2 created, 4 changes applied, 0 already there',
    'decisions: 7 created, 2 changes applied, 0 already there',
    'legal-services: 166 created, 0 changes applied, 0 already there',
    'publicity-items: 324 created, 0 changes applied, 0 already there',
    'enforcement-cases: 9 created, 5 changes applied, 0 already there',
    'inspections: 5 created, 15 changes applied, 0 already there',
    'legal-education-events: 18 created, 1 changes applied, 0 already there',
    'disputes: 38 created, 29 changes applied, 0 already there',
    'annual-reports: 2 created, 1 changes applied, 0 already there',
  ])
  const trail = async (id: string) => (await admin.get(`/v1/audit-events?resourceId=${id}`)).body.items.map((e: any) => [e.action, e.after.status, e.actor])
  const walked = (await admin.get('/v1/disputes?q=团结村三组土地流转面积纠纷')).body.items[0]
  t.same(await trail(walked.id), [
    ['created', 'reported', DEMO_ACTOR],
    ['updated', 'mediating', DEMO_ACTOR],
    ['updated', 'resolved', DEMO_ACTOR],
  ])
  const inspection = (await admin.get('/v1/inspections?q=安全生产领域执法专项检查')).body.items[0]
  t.same((await trail(inspection.id)).map(([, status]: string[]) => status), ['planned', 'in_progress', 'rectifying', 'closed'])
  t.same((await trail(first.reportId)).map(([, status]: string[]) => status), ['draft', 'submitted'])
})

t.test('running the seed again changes nothing in any ledger, and leaves no key behind', async (t) => {
  const before = await tableCounts()
  t.equal(before!.keys, 1, 'only the test’s own admin key')
  t.match(before, { meetings: 6, plans: 2, services: 166, publicity: 324, inspections: 5, reports: 2, events: 18 })
  const again: string[] = []
  const second = await seedDemo(database, config, (line) => again.push(line))
  t.same(second, {
    townId: first.townId,
    reportId: first.reportId,
    unitsCreated: 0,
    recordsCreated: 0,
    recordsChanged: 0,
    alreadyThere: first.alreadyThere + first.unitsCreated + first.recordsCreated,
  })
  t.same(await tableCounts(), before)
  t.ok(again.includes('publicity-items: 0 created, 0 changes applied, 324 already there'))
})
