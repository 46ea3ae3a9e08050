import type { Writable } from 'node:stream'
import { writeXlsx, type SheetColumn } from '../spreadsheets/index.js'
import type { Breakdown } from './breakdown.js'

// The county's 汇总表: a row per town and a total row, the figures of the report's table in its
// order, Chinese headers, numbers as numbers (rates as fractions a clerk formats as %).

const figure = (field: string, header: string, kind: 'integer' | 'number' = 'integer'): SheetColumn => ({
  field: `statistics.${field}`,
  header,
  kind,
  required: false,
  example: '',
  format: '',
})

export const breakdownColumns: SheetColumn[] = [
  { field: 'gridUnit.code', header: '单位编码', kind: 'text', required: false, example: '', format: '' },
  { field: 'gridUnit.name', header: '单位名称', kind: 'text', required: false, example: '', format: '' },
  { field: 'report.status', header: '年度报告', kind: 'enum', labels: { draft: '草稿', submitted: '已报送', published: '已公开' }, required: false, example: '', format: '' },
  { field: 'report.submittedAt', header: '报送时间', kind: 'datetime', required: false, example: '', format: '' },
  figure('meetings.specialMeetings', '法治专题会议（次）'),
  figure('meetings.centralGroupStudies', '中心组学法（次）'),
  figure('meetings.issuesResolved', '解决重点难点问题（件）'),
  figure('workPlans.adopted', '年度工作方案（个）'),
  figure('decisions.legalityReviewed', '重大决策合法性审查（次）'),
  figure('legalServices.governmentServices', '法律顾问服务政府（次）'),
  figure('legalServices.legalOpinions', '法律意见书（份）'),
  figure('publicity.items', '政务公开（条）'),
  figure('legalEducation.officerTrainings', '执法人员培训（次）'),
  figure('enforcement.registered', '执法立案（件）'),
  figure('enforcement.lost', '复议诉讼败诉（件）'),
  figure('supervision.specialInspections', '执法专项检查（次）'),
  figure('supervision.caseFileReviews', '案卷评查（次）'),
  figure('supervision.rectified', '问题整改（个）'),
  figure('legalEducation.outreach.events', '法治进村校企（场）'),
  figure('legalEducation.outreach.materialsDistributed', '发放资料（份）'),
  figure('legalEducation.outreach.attendance', '受教育群众（人次）'),
  figure('legalEducation.mediaItems', '短视频图文（条）'),
  figure('gridUnits.facilities.rule_of_law_square', '法治文化广场（个）'),
  figure('gridUnits.legalLiterates', '法律明白人（名）'),
  figure('gridUnits.grids', '网格（个）'),
  figure('gridUnits.gridWorkers', '网格员（名）'),
  figure('disputes.total', '矛盾纠纷（件）'),
  figure('disputes.resolved', '化解（件）'),
  figure('disputes.resolutionRate', '化解率', 'number'),
  figure('disputes.petitionBacklogResolved', '信访积案化解（起）'),
  figure('legalServices.publicServed', '法律咨询调解指引（次）'),
  figure('gridUnits.legalAdviserCoverage', '法律顾问覆盖率', 'number'),
]

/** The breakdown as an .xlsx summary table (one sheet), written to `out`. */
export async function writeBreakdownSheet(out: Writable, breakdown: Breakdown): Promise<void> {
  const total = { gridUnit: { code: '合计', name: breakdown.gridUnit.name }, report: null, statistics: breakdown.total }
  await writeXlsx(out, breakdownColumns, [...breakdown.items, total], { sheetName: `${breakdown.year}年汇总表` })
}
