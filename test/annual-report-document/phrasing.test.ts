import t from 'tap'
import { renderAnnualReportMarkdown } from '../../src/reports/annual-report-document/index.js'
import type { AnnualReportFigures } from '../../src/reports/annual-report-document/index.js'
import { chinaDate, chineseDate } from '../../src/reports/annual-report-document/index.js'
import { listCounts, percent, wholeUnit } from '../../src/reports/annual-report-document/phrasing.js'
import { nothingRecorded, tuanjie2025, tuanjie2025Figures as f } from './fixtures.js'

const render = (figures: AnnualReportFigures) => renderAnnualReportMarkdown({ ...tuanjie2025, figures })

t.test('a year with nothing recorded says 全年无…, and never prints a zero count', async (t) => {
  const markdown = render(nothingRecorded())
  t.notMatch(markdown, /(?<![\d.])0(次|件|项|条|场|个|名|份|起|人次|%)/)
  for (const phrase of [
    '全年无召开的法治专题会议和党委中心组、政府常务会议学法',
    '全年无印发的2025年度法治政府建设工作方案',
    '全年无组织开展的干部法治培训和专题学习',
    '全年无新提出的重大行政决策',
    '全年无法律顾问为党委、政府提供法律服务的记录',
    '全年无主动公开的政务信息',
    '全年无组织开展的执法人员业务培训',
    '全年无立案的行政执法案件',
    '全年无行政复议、行政诉讼案件，亦无败诉案件',
    '全年无开展的执法监督检查',
    '全年无开展的普法宣传活动',
    '全年无制作的普法短视频、图文',
    '辖区无法治文化广场等法治阵地',
    '全年无排查登记的矛盾纠纷',
    '全年无化解的信访积案',
    '全年无为群众提供法律服务的记录',
    '辖区无村（社区）建制',
  ]) {
    t.ok(markdown.includes(phrase), phrase)
  }
  t.match(markdown, '## 五、坚持法治为民', 'every section is still there')
})

t.test('counts that differ are each said; equal ones share 各', async (t) => {
  const markdown = render({
    ...f,
    meetings: { specialMeetings: 2, centralGroupStudies: 3, executiveStudies: 0, principalChaired: 3, issuesStudied: 10, issuesResolved: 7 },
  })
  t.match(markdown, '召开法治专题会议2次、党委中心组法治学习3次，其中党政主要负责人主持3次，研究法治建设重点难点问题10件，已解决7件')
  t.equal(listCounts([{ label: 'A', n: 2 }, { label: 'B', n: 2 }, { label: 'C', n: 0 }], '次'), 'A、B各2次')
  t.equal(listCounts([{ label: 'A', n: 1 }], '次'), 'A1次')
  t.equal(listCounts([{ label: 'A', n: 0 }], '次'), null)
})

t.test('rates are percentages; open and overdue disputes and partial coverage are said', async (t) => {
  t.equal(percent(1), '100%')
  t.equal(percent(2 / 3), '66.7%')
  t.equal(percent(0.125), '12.5%')
  const markdown = render({
    ...f,
    disputes: { ...f.disputes, total: 3, resolved: 2, resolutionRate: 2 / 3, open: 1, overdue: 1 },
    gridUnits: { ...f.gridUnits, villagesAndCommunities: 11, withLegalAdviser: 8, legalAdviserCoverage: 8 / 11 },
  })
  t.match(markdown, '全年排查矛盾纠纷3件，化解2件，化解率66.7%，尚在调处1件（其中超过30日未化解1件）')
  t.match(markdown, '11个村（社区）中8个配备法律顾问，覆盖率72.7%')
})

t.test('reviews, losses and work-plan progress are phrased by what happened', async (t) => {
  const markdown = render({
    ...f,
    enforcement: { ...f.enforcement, reconsiderations: 1, litigations: 1, lost: 1, overdue: 2 },
    workPlans: { adopted: 1, tasks: 20, tasksDone: 15, tasksOverdue: 2 },
    supervision: { ...f.supervision, caseFileReviews: 1, findings: 5, rectified: 4 },
  })
  t.match(markdown, '全年发生行政复议、行政诉讼各1件，行政复议、行政诉讼败诉1件')
  t.match(markdown, '立案超过90日尚未作出决定的案件2件')
  t.match(markdown, '明确工作任务20项，已完成15项，逾期未完成2项')
  t.match(markdown, '开展执法专项检查2次、案卷评查1次，发现问题5个，已整改4个，其余正在整改')
})

t.test('the date is written as GB/T 9704 prescribes, from a UTC+8 calendar day', async (t) => {
  t.equal(chineseDate('2026-02-20'), '2026年2月20日')
  t.equal(chineseDate('2026-12-01'), '2026年12月1日')
  t.throws(() => chineseDate('2026-2-20'))
  t.equal(chinaDate(new Date('2026-02-19T16:30:00Z')), '2026-02-20', 'half past midnight in Beijing is already the 20th')
  t.equal(chinaDate(new Date('2026-02-20T15:59:59Z')), '2026-02-20')
})

t.test('the report names its territory by the unit’s kind', async (t) => {
  t.equal(wholeUnit('团结镇'), '全镇')
  t.equal(wholeUnit('杭锦后旗'), '全旗')
  t.equal(wholeUnit('沙海苏木'), '全苏木')
  t.equal(wholeUnit('团结'), '辖区')
})
