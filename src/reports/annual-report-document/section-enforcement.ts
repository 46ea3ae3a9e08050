import type { AnnualReportFigures } from './figures.js'
import { heading1, heading2, paragraph, type ReportBlock } from './model.js'
import { listCounts } from './phrasing.js'

// 三、严格规范执法: the officers' training, the cases under the three systems (行政执法公示、执法
// 全过程记录、重大执法决定法制审核, 国办发〔2018〕118号), reviews and lawsuits, and the inspections.

function officers({ legalEducation: l }: AnnualReportFigures): string {
  return l.officerTrainings > 0
    ? `组织行政执法人员业务培训${l.officerTrainings}次，持续提升执法人员依法行政能力和水平。`
    : '全年无组织开展的执法人员业务培训。'
}

/** `公示执法信息3件` or, for zero, `无…`: one clause of the three-systems sentence. */
const clause = (n: number, some: string, none: string) => (n > 0 ? `${some}${n}件` : none)

function cases({ enforcement: e }: AnnualReportFigures): string {
  const reviews = listCounts(
    [
      { label: '行政复议', n: e.reconsiderations },
      { label: '行政诉讼', n: e.litigations },
    ],
    '件',
  )
  // `lost` counts reviews that ended this year, wherever they were filed (API.md §5).
  const lost = e.lost > 0 ? `行政复议、行政诉讼败诉${e.lost}件` : '无行政复议、行政诉讼败诉案件'
  const review = reviews
    ? `全年发生${reviews}，${lost}。`
    : e.lost > 0
      ? `全年无新发生的行政复议、行政诉讼案件，以前年度案件本年败诉${e.lost}件。`
      : '全年无行政复议、行政诉讼案件，亦无败诉案件。'
  if (e.registered === 0) return `全年无立案的行政执法案件。${review}`
  const decided = e.decided > 0 ? `作出行政处理决定${e.decided}件` : '尚无作出处理决定的案件'
  const systems = [
    clause(e.published, '公示执法决定', '无公示的执法决定'),
    clause(e.withRecordings, '执法全过程记录案件', '无执法全过程记录的案件'),
    clause(e.majorLegallyReviewed, '重大执法决定法制审核', '无重大执法决定法制审核案件'),
  ].join('，')
  const overdue =
    e.overdue > 0 ? `立案超过90日尚未作出决定的案件${e.overdue}件` : '无立案超过90日未作出决定的案件'
  return `全年立案行政执法案件${e.registered}件，${decided}。全面落实行政执法“三项制度”，${systems}；${overdue}。${review}`
}

function supervision({ supervision: s }: AnnualReportFigures): string {
  const kinds = listCounts(
    [
      { label: '执法专项检查', n: s.specialInspections },
      { label: '案卷评查', n: s.caseFileReviews },
      { label: '执法自查', n: s.selfInspections },
      { label: '风险排查', n: s.riskScreenings },
    ],
    '次',
  )
  if (kinds === null) return '全年无开展的执法监督检查。'
  const findings =
    s.findings === 0
      ? '检查中未发现问题'
      : s.rectified >= s.findings
        ? `发现问题${s.findings}个，已全部整改到位`
        : s.rectified > 0
          ? `发现问题${s.findings}个，已整改${s.rectified}个，其余正在整改`
          : `发现问题${s.findings}个，均在整改中`
  return `开展${kinds}，${findings}。`
}

export function enforcementSection(f: AnnualReportFigures): ReportBlock[] {
  return [
    heading1('三、严格规范执法'),
    heading2('（一）加强执法队伍建设'),
    paragraph(officers(f)),
    heading2('（二）落实行政执法“三项制度”'),
    paragraph(cases(f)),
    heading2('（三）强化执法监督'),
    paragraph(supervision(f)),
  ]
}
