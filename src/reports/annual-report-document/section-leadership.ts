import type { AnnualReportFigures } from './figures.js'
import { heading1, officeParagraphs, paragraph, type AnnualReportInput, type ReportBlock } from './model.js'
import { listCounts, wholeUnit } from './phrasing.js'

// 一、强化政治引领: the party committee's meetings and study sessions on the rule of law, the
// issues they settled, the year's work plan, and the cadres' training (API.md, the table's first row).

function meetings({ meetings: m }: AnnualReportFigures, territory: string): string {
  const kinds = listCounts(
    [
      { label: '法治专题会议', n: m.specialMeetings },
      { label: '党委中心组法治学习', n: m.centralGroupStudies },
      { label: '政府常务会议学法', n: m.executiveStudies },
    ],
    '次',
  )
  if (kinds === null) return '全年无召开的法治专题会议和党委中心组、政府常务会议学法'
  const lead = `${territory}坚持把法治政府建设摆在全局工作的突出位置，`
  const held = m.specialMeetings + m.centralGroupStudies + m.executiveStudies
  const chaired =
    m.principalChaired >= held
      ? `党政主要负责人主持召开${kinds}`
      : m.principalChaired > 0
        ? `召开${kinds}，其中党政主要负责人主持${m.principalChaired}次`
        : `召开${kinds}，全年无党政主要负责人主持的法治会议`
  const issues =
    m.issuesStudied === 0
      ? '全年无提交会议研究的法治建设重点难点问题'
      : m.issuesResolved >= m.issuesStudied
        ? `研究解决法治建设重点难点问题${m.issuesStudied}件`
        : m.issuesResolved > 0
          ? `研究法治建设重点难点问题${m.issuesStudied}件，已解决${m.issuesResolved}件`
          : `研究法治建设重点难点问题${m.issuesStudied}件，均在推进解决中`
  return `${lead}${chaired}，${issues}`
}

function workPlan({ workPlans: w, year }: AnnualReportFigures): string {
  if (w.adopted === 0) return `全年无印发的${year}年度法治政府建设工作方案`
  const plans = w.adopted > 1 ? `${w.adopted}个` : ''
  if (w.tasks === 0) return `制定印发${year}年度法治政府建设工作方案${plans}`
  const progress =
    w.tasksDone >= w.tasks ? `已全部完成` : w.tasksDone > 0 ? `已完成${w.tasksDone}项` : '均在推进中'
  const overdue = w.tasksOverdue > 0 ? `逾期未完成${w.tasksOverdue}项` : '无逾期未完成任务'
  return `制定印发${year}年度法治政府建设工作方案${plans}，细化任务清单、责任分工和完成时限，明确工作任务${w.tasks}项，${progress}，${overdue}`
}

function training({ legalEducation: l }: AnnualReportFigures): string {
  const { cadreTrainings: cadres, studySessions: studies } = l
  if (cadres > 0 && studies > 0) {
    return `组织干部法治培训、专题学习${cadres + studies}次，其中干部法治培训${cadres}次、专题学习${studies}次，推动领导干部带头尊法学法守法用法`
  }
  if (cadres > 0) return `组织干部法治培训${cadres}次，推动领导干部带头尊法学法守法用法`
  if (studies > 0) return `组织法治专题学习${studies}次，推动领导干部带头尊法学法守法用法`
  return '全年无组织开展的干部法治培训和专题学习'
}

export function leadershipSection(input: AnnualReportInput): ReportBlock[] {
  const f = input.figures
  const blocks = [
    heading1('一、强化政治引领'),
    paragraph(`${meetings(f, wholeUnit(input.unitName))}。${workPlan(f)}。${training(f)}。`),
  ]
  // 党政主要负责人履行推进法治建设第一责任人职责情况 is part of every such report
  // (《法治政府建设与责任落实督察工作规定》, 2019); it is the office's own account.
  if (input.narrative.principalDuties) blocks.push(...officeParagraphs(input.narrative.principalDuties))
  return blocks
}
