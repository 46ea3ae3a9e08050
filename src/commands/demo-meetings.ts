import { cst, daysAfter, type DemoRecord } from './demo-record.js'
import { SHANBA_CODE, TUANJIE_CODE } from './demo-units.js'

// 团结镇 2025: two 法治专题会议 and two 党委理论学习中心组学法, each chaired by the party secretary,
// settling the 8 重点难点问题 of the town's report (two at each).

interface Row {
  unitCode: string
  title: string
  kind: 'special_meeting' | 'central_group_study'
  date: string
  chairedBy: string
  attendance: number
  summary: string
  /** Issues studied, and the days after the meeting each was settled (none: still open). */
  issues: { title: string; settledAfterDays?: number }[]
}

const secretary = '团结镇党委书记 张志强'

const rows: Row[] = [
  {
    unitCode: TUANJIE_CODE,
    title: '团结镇2025年第一次法治建设专题会议',
    kind: 'special_meeting',
    date: '2025-02-26',
    chairedBy: secretary,
    attendance: 32,
    summary: '传达学习上级法治建设工作要点，审议《团结镇2025年法治政府建设工作方案》，研究部署全年法治建设任务。',
    issues: [
      { title: '镇村两级重大行政决策合法性审查流程不规范', settledAfterDays: 40 },
      { title: '村（社区）法律顾问服务台账不健全', settledAfterDays: 55 },
    ],
  },
  {
    unitCode: TUANJIE_CODE,
    title: '团结镇党委理论学习中心组2025年第一次集体学法',
    kind: 'central_group_study',
    date: '2025-04-28',
    chairedBy: secretary,
    attendance: 35,
    summary: '集中学习习近平法治思想和《中华人民共和国民法典》相关内容，围绕依法化解土地纠纷交流研讨。',
    issues: [
      { title: '土地承包经营权流转纠纷调处依据不统一', settledAfterDays: 60 },
      { title: '信访积案化解缺乏法律专业力量', settledAfterDays: 75 },
    ],
  },
  {
    unitCode: TUANJIE_CODE,
    title: '团结镇2025年第二次法治建设专题会议',
    kind: 'special_meeting',
    date: '2025-08-14',
    chairedBy: secretary,
    attendance: 30,
    summary: '听取上半年法治政府建设工作情况汇报，研究推进行政执法规范化和法治文化阵地建设。',
    issues: [
      { title: '综合行政执法案卷归档不及时', settledAfterDays: 45 },
      { title: '法治文化广场选址和建设资金', settledAfterDays: 30 },
    ],
  },
  {
    unitCode: TUANJIE_CODE,
    title: '团结镇党委理论学习中心组2025年第二次集体学法',
    kind: 'central_group_study',
    date: '2025-11-26',
    chairedBy: secretary,
    attendance: 34,
    summary: '学习《中华人民共和国行政复议法》和《信访工作条例》，研讨依法行政中的风险防范。',
    issues: [
      { title: '行政复议应诉工作机制不完善', settledAfterDays: 20 },
      { title: '网格员法治培训覆盖面不足', settledAfterDays: 25 },
    ],
  },
  {
    unitCode: TUANJIE_CODE,
    title: '团结镇2024年法治建设专题会议',
    kind: 'special_meeting',
    date: '2024-03-14',
    chairedBy: secretary,
    attendance: 28,
    summary: '研究部署2024年法治政府建设重点工作。',
    issues: [{ title: '村规民约与法律法规相抵触条款清理', settledAfterDays: 90 }],
  },
  {
    unitCode: SHANBA_CODE,
    title: '陕坝镇2025年法治建设专题会议',
    kind: 'special_meeting',
    date: '2025-03-19',
    chairedBy: '陕坝镇党委书记 刘建军',
    attendance: 36,
    summary: '研究部署陕坝镇2025年法治政府建设工作。',
    issues: [{ title: '老旧小区物业纠纷多发', settledAfterDays: 120 }, { title: '城区占道经营执法力量不足' }],
  },
]

export const demoMeetings: DemoRecord[] = rows.map((row) => {
  const heldAt = cst(row.date, '15:00')
  const issues = row.issues.map(({ title, settledAfterDays }) =>
    settledAfterDays === undefined ? { title, status: 'open' } : { title, status: 'resolved', resolvedAt: daysAfter(heldAt, settledAfterDays) },
  )
  return {
    collection: 'rule-of-law-meetings',
    unitCode: row.unitCode,
    marker: row.title,
    create: { title: row.title, kind: row.kind, heldAt, chairedBy: row.chairedBy, chairIsPrincipal: true, attendance: row.attendance, summary: row.summary, issues },
    patches: [],
  }
})
