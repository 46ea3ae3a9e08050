import type { AnnualReportFigures } from './figures.js'
import { disputeCategoryLabels } from './labels.js'
import { heading1, heading2, paragraph, type AnnualReportInput, type ReportBlock } from './model.js'
import { countsOf, listCounts, percent, wholeUnit } from './phrasing.js'

// 五、坚持法治为民: the grids and their workers, disputes settled where they arise (新时代“枫桥
// 经验”), petition backlogs, and the public legal services with the village legal advisers.

function grids({ gridUnits: g }: AnnualReportFigures, unitName: string): string {
  if (g.grids === 0) return '辖区尚未划分网格。'
  const workers = g.gridWorkers > 0 ? `配备网格员${g.gridWorkers}名` : '尚未配备网格员'
  return `${wholeUnit(unitName)}划分网格${g.grids}个，${workers}，将法治宣传、矛盾排查、法律服务融入网格化服务管理。`
}

function disputes({ disputes: d }: AnnualReportFigures): string {
  const backlog = d.petitionBacklogResolved > 0 ? `化解信访积案${d.petitionBacklogResolved}起` : '全年无化解的信访积案'
  if (d.total === 0 || d.resolutionRate === null) return `全年无排查登记的矛盾纠纷；${backlog}。`
  const rate = percent(d.resolutionRate)
  const found = `坚持和发展新时代“枫桥经验”，全年排查矛盾纠纷${d.total}件`
  const clauses = [
    d.resolved >= d.total
      ? `${found}，全部化解，化解率${rate}`
      : d.resolved > 0
        ? `${found}，化解${d.resolved}件，化解率${rate}`
        : // None settled yet: no "化解0件，化解率0%".
          `${found}，尚无化解的纠纷`,
  ]
  if (d.open > 0) {
    clauses.push(`尚在调处${d.open}件` + (d.overdue > 0 ? `（其中超过30日未化解${d.overdue}件）` : ''))
  }
  const unresolved = d.total - d.resolved - d.open
  if (unresolved > 0) clauses.push(`调处未成${unresolved}件`)
  const categories = listCounts(countsOf(disputeCategoryLabels, d.byCategory), '件')
  const byCategory = categories ? `。从类型看，${categories}` : ''
  return `${clauses.join('，')}${byCategory}；${backlog}。`
}

function publicServices({ legalServices: s, gridUnits: g }: AnnualReportFigures): string {
  const kinds = listCounts(
    [
      { label: '法律咨询', n: s.byKind.legal_consultation },
      { label: '调解指引', n: s.byKind.mediation_guidance },
      { label: '法律援助转介', n: s.byKind.legal_aid_referral },
      { label: '信访案件法律服务', n: s.byKind.petition_case },
    ],
    '次',
  )
  // byKind sums every recipient (API.md §5), so it is not written as a part of publicServed.
  const served =
    s.publicServed > 0
      ? kinds
        ? `全年提供${kinds}，服务群众${s.publicServed}人次`
        : `全年为群众提供法律服务${s.publicServed}人次`
      : '全年无为群众提供法律服务的记录'
  let advisers: string
  if (g.legalAdviserCoverage === null) advisers = '辖区无村（社区）建制'
  else if (g.withLegalAdviser >= g.villagesAndCommunities) {
    advisers = `${g.villagesAndCommunities}个村（社区）均配备法律顾问，覆盖率${percent(g.legalAdviserCoverage)}，实现村（社区）法律顾问全覆盖`
  } else if (g.withLegalAdviser > 0) {
    advisers = `${g.villagesAndCommunities}个村（社区）中${g.withLegalAdviser}个配备法律顾问，覆盖率${percent(g.legalAdviserCoverage)}`
  } else advisers = `${g.villagesAndCommunities}个村（社区）尚未配备法律顾问`
  return `${served}；${advisers}。`
}

export function peopleSection(input: AnnualReportInput): ReportBlock[] {
  const f = input.figures
  return [
    heading1('五、坚持法治为民'),
    heading2('（一）网格化服务管理'),
    paragraph(grids(f, input.unitName)),
    heading2('（二）矛盾纠纷化解'),
    paragraph(disputes(f)),
    heading2('（三）公共法律服务'),
    paragraph(publicServices(f)),
  ]
}
