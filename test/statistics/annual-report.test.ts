import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createInspection, createLegalService, createMeeting, createPublicityItem, createWorkPlan, issue, task } from './fixtures/ledgers.js'
import { discussion, insertCase, insertDecision, insertDispute, insertEvent, recording, review } from './fixtures/records.js'

const { admin, database } = await buildTestApp(t)
const db = database.db
const c = await createCounty(admin)
await admin.patch(`/v1/grid-units/${c.grid.id}`, { workers: [{ name: '王建国', role: 'grid_worker' }, { name: '李秀英', role: 'legal_literate' }] })
await admin.patch(`/v1/grid-units/${c.village.id}`, {
  workers: [{ name: '张律师', role: 'legal_adviser' }],
  facilities: [{ kind: 'rule_of_law_square', name: '团结村法治文化广场', establishedOn: '2025-07-01' }],
})
await admin.patch(`/v1/grid-units/${c.town.id}`, { facilities: [{ kind: 'legal_service_window', name: '团结镇公共法律服务工作站', establishedOn: '2019-05-10' }] })

await createMeeting(admin, c.town.id, '2025-03-18T09:30:00+08:00', { chairIsPrincipal: true, issues: [issue('2025-05-20T08:00:00.000Z'), issue()] })
await createMeeting(admin, c.town.id, '2025-06-10T09:30:00+08:00', { kind: 'central_group_study', chairIsPrincipal: true })
await createWorkPlan(admin, c.town.id, 2025, {
  tasks: [task('2025-06-30', '2025-06-20T08:00:00.000Z'), task('2025-09-30', '2025-09-10T08:00:00.000Z'), task('2025-10-31')],
})
await createLegalService(admin, c.town.id, '2025-04-11T10:00:00+08:00', { quantity: 3, opinionIssued: true })
await createLegalService(admin, c.village.id, '2025-05-11T10:00:00+08:00', { provider: 'village_legal_adviser', recipient: 'public', kind: 'legal_consultation', quantity: 25 })
await createPublicityItem(admin, c.town.id, '2025-04-10T10:00:00+08:00', { channels: ['government_platform', 'notice_board'] })
await createPublicityItem(admin, c.town.id, '2025-05-10T10:00:00+08:00', { category: 'policy_document' })
await createInspection(admin, c.town.id, '2025-09-01T09:00:00+08:00', {
  kind: 'case_file_review',
  status: 'rectifying',
  findings: [{ description: '案卷缺少送达回证', rectifiedAt: '2025-09-20T08:00:00.000Z' }, { description: '文书格式不规范' }],
})

await insertDecision(db, c.town.id, '2025-03-01T09:00:00+08:00', {
  status: 'adopted',
  legalityReview: review('lawful_with_revisions', '2025-03-10T02:00:00.000Z'),
  collectiveDiscussion: discussion('2025-03-20T02:00:00.000Z'),
  publishedAt: new Date('2025-03-25T02:00:00.000Z'),
})
await insertCase(db, c.grid.id, '2025-04-01T09:00:00+08:00', {
  status: 'closed',
  isMajor: true,
  legalReview: { reviewer: '司法所', conclusion: 'approved', completedAt: '2025-04-10T02:00:00.000Z' },
  recordings: [recording],
  publishedAt: new Date('2025-04-20T02:00:00.000Z'),
  reviews: [{ kind: 'litigation', filedAt: '2025-06-01T02:00:00.000Z', result: 'revoked', closedAt: '2025-09-01T02:00:00.000Z' }],
})
await insertCase(db, c.grid.id, '2025-05-01T09:00:00+08:00', { status: 'investigating' })
await insertEvent(db, c.village.id, '2025-03-15T09:00:00+08:00', { materialsDistributed: 300, attendance: 450, mediaItems: 2 })
await insertEvent(db, c.town.id, '2025-06-15T09:00:00+08:00', { venueType: 'enterprise', audience: 'enterprise_staff', materialsDistributed: 120, attendance: 80 })
await insertEvent(db, c.town.id, '2025-07-15T09:00:00+08:00', { venueType: 'government', format: 'training', audience: 'cadres', attendance: 50 })
await insertEvent(db, c.town.id, '2025-08-15T09:00:00+08:00', { venueType: 'government', format: 'training', audience: 'enforcement_officers', attendance: 30 })
const resolved = { status: 'resolved', resolution: { method: 'people_mediation', summary: '达成调解协议', agreementReached: true, resolvedAt: '2025-08-01T02:00:00.000Z' } }
await insertDispute(db, c.grid.id, '2025-07-01T09:00:00+08:00', { category: 'land', ...resolved })
await insertDispute(db, c.grid.id, '2025-07-02T09:00:00+08:00', { category: 'neighborhood', isPetitionBacklog: true, ...resolved })
await insertDispute(db, c.community.id, '2025-07-03T09:00:00+08:00', { category: 'neighborhood', status: 'mediating' })

const expected = `# 团结镇2025年法治政府建设情况报告（数据部分）

> 本部分数据由系统根据团结镇及其下辖各级单元的记录统计，年度按北京时间计算；网格、人员与法治阵地数据为统计时的现状。

## 一、强化政治引领

全镇坚持把法治政府建设摆在全局工作的突出位置，党政主要负责人主持召开法治专题会议、党委中心组法治学习各1次，研究法治建设重点难点问题2件，已解决1件。制定印发2025年度法治政府建设工作方案，细化任务清单、责任分工和完成时限，明确工作任务3项，已完成2项，逾期未完成1项。组织干部法治培训1次，推动领导干部带头尊法学法守法用法。

## 二、规范行政决策

### （一）重大行政决策合法性审查

严格落实重大行政决策公众参与、专家论证、风险评估、合法性审查、集体讨论决定等法定程序，全年提出重大行政决策1项，开展合法性审查1次，审查结论为修改后合法1项；经集体讨论决定通过1项，依法向社会公开1项。

### （二）法律顾问

充分发挥法律顾问作用，法律顾问全年为党委、政府提供法律服务3次，出具法律意见书1份，审查各类合同3件，为依法决策提供法律支撑。

### （三）政务公开

坚持以公开为常态、不公开为例外，全年主动公开政务信息2条，其中政策文件、财政信息各1条；分渠道看，政务平台1条、公开栏2条（同一信息可经多个渠道公开）。

## 三、严格规范执法

### （一）加强执法队伍建设

组织行政执法人员业务培训1次，持续提升执法人员依法行政能力和水平。

### （二）落实行政执法“三项制度”

全年立案行政执法案件2件，作出行政处理决定1件。全面落实行政执法“三项制度”，公示执法决定1件，执法全过程记录案件1件，重大执法决定法制审核1件；立案超过90日尚未作出决定的案件1件。全年发生行政诉讼1件，行政复议、行政诉讼败诉1件。

### （三）强化执法监督

开展案卷评查1次，发现问题2个，已整改1个，其余正在整改。

## 四、深化普法宣传

深入开展“法治进乡村、进企业”活动2场，发放宣传资料420份，受教育群众530人次；全年共开展各类普法活动4场，发放宣传资料420份，受教育群众610人次，其中进机关2场。

创新普法形式，制作普法短视频、图文2条；新建法治文化广场1个，辖区现有法治文化广场、法治服务窗口各1个；培育法律“明白人”1名，推动法治宣传教育入脑入心。

## 五、坚持法治为民

### （一）网格化服务管理

全镇划分网格1个，配备网格员1名，将法治宣传、矛盾排查、法律服务融入网格化服务管理。

### （二）矛盾纠纷化解

坚持和发展新时代“枫桥经验”，全年排查矛盾纠纷3件，化解2件，化解率66.7%，尚在调处1件（其中超过30日未化解1件）。从类型看，土地纠纷1件、邻里纠纷2件；化解信访积案1起。

### （三）公共法律服务

全年提供法律咨询25次，服务群众25人次；2个村（社区）中1个配备法律顾问，覆盖率50%。
`

t.test('the annual report is Chinese Markdown written from the year’s figures', async (t) => {
  const res = await admin.get(`/v1/reports/annual?year=2025&gridUnitId=${c.town.id}`)
  t.equal(res.status, 200)
  t.equal(res.headers['content-type'], 'text/markdown; charset=utf-8')
  t.equal(res.text, expected)
})

t.test('every figure in the report is one the statistics answer', async (t) => {
  const stats = (await admin.get(`/v1/statistics?year=2025&gridUnitId=${c.town.id}`)).body
  t.match(stats, {
    meetings: { specialMeetings: 1, centralGroupStudies: 1, executiveStudies: 0, principalChaired: 2, issuesStudied: 2, issuesResolved: 1 },
    workPlans: { adopted: 1, tasks: 3, tasksDone: 2, tasksOverdue: 1 },
    decisions: { total: 1, legalityReviewed: 1, adopted: 1, published: 1 },
    legalServices: { governmentServices: 3, legalOpinions: 1, publicServed: 25, byKind: { contract_review: 3, legal_consultation: 25 } },
    publicity: { items: 2, byCategory: { fiscal: 1, policy_document: 1 }, byChannel: { government_platform: 1, notice_board: 2 } },
    enforcement: { registered: 2, decided: 1, majorLegallyReviewed: 1, withRecordings: 1, published: 1, overdue: 1, litigations: 1, lost: 1 },
    supervision: { caseFileReviews: 1, findings: 2, rectified: 1 },
    legalEducation: {
      events: 4,
      outreach: { events: 2, materialsDistributed: 420, attendance: 530 },
      materialsDistributed: 420,
      attendance: 610,
      mediaItems: 2,
      cadreTrainings: 1,
      officerTrainings: 1,
    },
    disputes: { total: 3, resolved: 2, open: 1, overdue: 1, petitionBacklogResolved: 1 },
    gridUnits: {
      grids: 1,
      gridWorkers: 1,
      legalLiterates: 1,
      villagesAndCommunities: 2,
      withLegalAdviser: 1,
      facilities: { rule_of_law_square: 1, legal_service_window: 1 },
      facilitiesEstablished: { rule_of_law_square: 1, legal_service_window: 0 },
    },
  })
})

t.test('a year without records is reported in words, never as 0', async (t) => {
  const res = await admin.get(`/v1/reports/annual?year=2019&gridUnitId=${c.otherTown.id}`)
  t.equal(res.status, 200)
  t.equal(
    res.text,
    `# 陕坝镇2019年法治政府建设情况报告（数据部分）

> 本部分数据由系统根据陕坝镇及其下辖各级单元的记录统计，年度按北京时间计算；网格、人员与法治阵地数据为统计时的现状。

## 一、强化政治引领

全年无召开的法治专题会议和党委中心组、政府常务会议学法。全年无印发的2019年度法治政府建设工作方案。全年无组织开展的干部法治培训和专题学习。

## 二、规范行政决策

### （一）重大行政决策合法性审查

全年无新提出的重大行政决策，无开展合法性审查、集体讨论决定的决策事项。

### （二）法律顾问

全年无法律顾问为党委、政府提供法律服务的记录。

### （三）政务公开

全年无主动公开的政务信息。

## 三、严格规范执法

### （一）加强执法队伍建设

全年无组织开展的执法人员业务培训。

### （二）落实行政执法“三项制度”

全年无立案的行政执法案件。全年无行政复议、行政诉讼案件，亦无败诉案件。

### （三）强化执法监督

全年无开展的执法监督检查。

## 四、深化普法宣传

全年无开展的普法宣传活动。

全年无制作的普法短视频、图文；辖区无法治文化广场等法治阵地；辖区无登记的法律“明白人”。

## 五、坚持法治为民

### （一）网格化服务管理

全镇划分网格1个，尚未配备网格员，将法治宣传、矛盾排查、法律服务融入网格化服务管理。

### （二）矛盾纠纷化解

全年无排查登记的矛盾纠纷；全年无化解的信访积案。

### （三）公共法律服务

全年无为群众提供法律服务的记录；辖区无村（社区）建制。
`,
  )
})
