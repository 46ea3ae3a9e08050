import type { AnnualReportFigures } from './figures.js'
import { conclusionLabels, publicityCategoryLabels, publicityChannelLabels } from './labels.js'
import { heading1, heading2, paragraph, type ReportBlock } from './model.js'
import { countsOf, listCounts } from './phrasing.js'

// 二、规范行政决策, in the example report's three sub-points: legality review of major decisions
// (重大行政决策程序暂行条例), the legal adviser's work for the government, and 政务公开.

function legalityReview({ decisions: d }: AnnualReportFigures): string {
  if (d.total + d.legalityReviewed + d.adopted + d.published === 0) {
    return '全年无新提出的重大行政决策，无开展合法性审查、集体讨论决定的决策事项。'
  }
  const proposed = d.total > 0 ? `全年提出重大行政决策${d.total}项` : '全年无新提出的重大行政决策'
  let reviewed: string
  if (d.legalityReviewed === 0) {
    reviewed = '无经合法性审查的决策事项'
  } else if (d.byConclusion.lawful === d.legalityReviewed) {
    reviewed = `开展合法性审查${d.legalityReviewed}次，审查结论均为合法`
  } else {
    const conclusions = listCounts(countsOf(conclusionLabels, d.byConclusion), '项')
    reviewed = `开展合法性审查${d.legalityReviewed}次，审查结论为${conclusions}`
  }
  const adopted = d.adopted > 0 ? `经集体讨论决定通过${d.adopted}项` : '无经集体讨论决定通过的重大行政决策'
  const published = d.published > 0 ? `依法向社会公开${d.published}项` : '无向社会公开的重大行政决策'
  return `严格落实重大行政决策公众参与、专家论证、风险评估、合法性审查、集体讨论决定等法定程序，${proposed}，${reviewed}；${adopted}，${published}。`
}

function legalAdviser({ legalServices: s }: AnnualReportFigures): string {
  if (s.governmentServices === 0 && s.legalOpinions === 0) {
    return '全年无法律顾问为党委、政府提供法律服务的记录。'
  }
  // Opinions may have gone to the public only: then the services to the government are none, said in words.
  const served = s.governmentServices > 0 ? `法律顾问全年为党委、政府提供法律服务${s.governmentServices}次` : '全年无法律顾问为党委、政府提供法律服务的记录'
  const clauses = [`充分发挥法律顾问作用，${served}`]
  clauses.push(s.legalOpinions > 0 ? `出具法律意见书${s.legalOpinions}份` : '未出具法律意见书')
  if (s.byKind.contract_review > 0) clauses.push(`审查各类合同${s.byKind.contract_review}件`)
  if (s.byKind.major_matter_consultation > 0) clauses.push(`提供重大事项法律咨询${s.byKind.major_matter_consultation}次`)
  return `${clauses.join('，')}，为依法决策提供法律支撑。`
}

function publicity({ publicity: p }: AnnualReportFigures): string {
  if (p.items === 0) return '全年无主动公开的政务信息。'
  const categories = listCounts(countsOf(publicityCategoryLabels, p.byCategory), '条')
  const channels = listCounts(countsOf(publicityChannelLabels, p.byChannel), '条')
  return [
    `坚持以公开为常态、不公开为例外，全年主动公开政务信息${p.items}条`,
    categories ? `，其中${categories}` : '',
    // An item published on two channels counts under each (API.md §5), so the channels do not add up.
    channels ? `；分渠道看，${channels}（同一信息可经多个渠道公开）` : '',
    '。',
  ].join('')
}

export function decisionsSection(f: AnnualReportFigures): ReportBlock[] {
  return [
    heading1('二、规范行政决策'),
    heading2('（一）重大行政决策合法性审查'),
    paragraph(legalityReview(f)),
    heading2('（二）法律顾问'),
    paragraph(legalAdviser(f)),
    heading2('（三）政务公开'),
    paragraph(publicity(f)),
  ]
}
