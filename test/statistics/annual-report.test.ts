import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { discussion, insertCase, insertDecision, insertDispute, insertEvent, recording, review } from './fixtures/records.js'

const { admin, database } = await buildTestApp(t)
const db = database.db
const c = await createCounty(admin)
await admin.patch(`/v1/grid-units/${c.grid.id}`, { workers: [{ name: '王建国', role: 'grid_worker' }, { name: '李秀英', role: 'legal_literate' }] })
await admin.patch(`/v1/grid-units/${c.village.id}`, { workers: [{ name: '张律师', role: 'legal_adviser' }] })

await insertDecision(db, c.town.id, '2025-03-01T09:00:00+08:00', {
  status: 'adopted',
  legalityReview: review('lawful_with_revisions', '2025-03-10T02:00:00.000Z'),
  collectiveDiscussion: discussion('2025-03-20T02:00:00.000Z'),
})
await insertCase(db, c.grid.id, '2025-04-01T09:00:00+08:00', {
  status: 'closed',
  isMajor: true,
  legalReview: { reviewer: '司法所', conclusion: 'approved', completedAt: '2025-04-10T02:00:00.000Z' },
  recordings: [recording],
  reviews: [{ kind: 'litigation', filedAt: '2025-06-01T02:00:00.000Z', result: 'revoked', closedAt: '2025-09-01T02:00:00.000Z' }],
})
await insertCase(db, c.grid.id, '2025-05-01T09:00:00+08:00', { status: 'investigating' })
await insertEvent(db, c.village.id, '2025-03-15T09:00:00+08:00', { materialsDistributed: 300, attendance: 450, mediaItems: 2 })
await insertEvent(db, c.town.id, '2025-06-15T09:00:00+08:00', { venueType: 'enterprise', audience: 'enterprise_staff', materialsDistributed: 120, attendance: 80 })
await insertEvent(db, c.town.id, '2025-07-15T09:00:00+08:00', { venueType: 'government', format: 'training', audience: 'cadres', attendance: 50 })
const resolved = { status: 'resolved', resolution: { method: 'people_mediation', summary: '达成调解协议', agreementReached: true, resolvedAt: '2025-08-01T02:00:00.000Z' } }
await insertDispute(db, c.grid.id, '2025-07-01T09:00:00+08:00', { category: 'land', ...resolved })
await insertDispute(db, c.grid.id, '2025-07-02T09:00:00+08:00', { category: 'neighborhood', isPetitionBacklog: true, ...resolved })
await insertDispute(db, c.community.id, '2025-07-03T09:00:00+08:00', { category: 'neighborhood', status: 'mediating' })

const expected = `# 团结镇2025年法治政府建设情况报告（数据部分）

> 本部分数据由系统根据团结镇及其下辖各级单元的记录统计，年度按北京时间计算；网格与人员数据为统计时的现状。

## 一、规范行政决策

全年提出重大行政决策1项。严格落实重大行政决策合法性审查制度，完成合法性审查1项，审查结论为修改后合法1项。经集体讨论决定通过重大行政决策1项。

## 二、严格规范执法

全年立案行政执法案件2件，已作出处理决定1件。全面落实行政执法“三项制度”，重大执法决定经法制审核1件，执法全过程记录案件1件；立案超过90日尚未作出决定的案件1件。全年发生行政复议0件、行政诉讼1件，行政复议、行政诉讼败诉1件。

## 三、普法宣传

全年开展普法宣传活动3场次，其中进农村1场次、进企业1场次、进机关1场次；发放宣传资料420份，受教育群众580人次，制作普法短视频及图文2个。组织干部法治培训1次，开展集中学法0次。

## 四、基层治理

团结镇共划分网格1个，配备网格员1名，培育“法律明白人”1名；2个村（社区）中1个配备法律顾问，覆盖率50%。

全年排查矛盾纠纷3件，化解2件，化解率66.7%，其中化解信访积案1件，尚在调处1件。从类型看，土地纠纷1件、邻里纠纷2件。
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
    decisions: { total: 1, legalityReviewed: 1, adopted: 1 },
    enforcement: { registered: 2, decided: 1, majorLegallyReviewed: 1, withRecordings: 1, overdue: 1, litigations: 1, lost: 1 },
    legalEducation: { events: 3, materialsDistributed: 420, attendance: 580, mediaItems: 2, cadreTrainings: 1 },
    disputes: { total: 3, resolved: 2, open: 1, petitionBacklogResolved: 1 },
    gridUnits: { grids: 1, gridWorkers: 1, legalLiterates: 1, villagesAndCommunities: 2, withLegalAdviser: 1 },
  })
})

t.test('a year without records is reported in words, not as empty figures', async (t) => {
  const res = await admin.get(`/v1/reports/annual?year=2019&gridUnitId=${c.otherTown.id}`)
  t.equal(res.status, 200)
  t.equal(
    res.text,
    `# 陕坝镇2019年法治政府建设情况报告（数据部分）

> 本部分数据由系统根据陕坝镇及其下辖各级单元的记录统计，年度按北京时间计算；网格与人员数据为统计时的现状。

## 一、规范行政决策

全年提出重大行政决策0项。全年未开展重大行政决策合法性审查。全年无经集体讨论决定通过的重大行政决策。

## 二、严格规范执法

全年立案行政执法案件0件，已作出处理决定0件。全面落实行政执法“三项制度”，重大执法决定经法制审核0件，执法全过程记录案件0件；无立案超过90日尚未作出决定的案件。全年未发生行政复议和行政诉讼案件，无行政复议、行政诉讼败诉案件。

## 三、普法宣传

全年未开展普法宣传活动。组织干部法治培训0次，开展集中学法0次。

## 四、基层治理

陕坝镇共划分网格1个，配备网格员0名，培育“法律明白人”0名；辖区内暂无村（社区）建制。

全年未排查到矛盾纠纷。
`,
  )
})
