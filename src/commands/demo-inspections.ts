import { cst, daysAfter, type DemoRecord } from './demo-record.js'
import { SHANBA_CODE, TUANJIE_CODE } from './demo-units.js'

// 执法监督. 团结镇 2025: two 执法专项检查 and two 案卷评查, every finding rectified and each closed
// (findings-rectified); 陕坝镇's self-inspection is still being put right.

interface Row {
  unitCode: string
  title: string
  kind: 'special_inspection' | 'case_file_review' | 'self_inspection'
  domain: 'urban_management' | 'land_resources' | 'environment' | 'safety_production' | 'market_regulation' | 'agriculture' | 'other'
  date: string
  days: number
  casesReviewed: number
  /** Each finding with the days after the start it was rectified (none: not yet). */
  findings: [description: string, rectifiedAfterDays?: number][]
}

const rows: Row[] = [
  {
    unitCode: TUANJIE_CODE,
    title: '团结镇2025年安全生产领域执法专项检查',
    kind: 'special_inspection',
    domain: 'safety_production',
    date: '2025-05-19',
    days: 10,
    casesReviewed: 6,
    findings: [
      ['2 家农产品加工企业现场检查记录未经当事人签字确认', 20],
      ['1 起责令整改案件未按期开展复查', 25],
    ],
  },
  {
    unitCode: TUANJIE_CODE,
    title: '团结镇2025年农资市场执法专项检查',
    kind: 'special_inspection',
    domain: 'agriculture',
    date: '2025-09-08',
    days: 7,
    casesReviewed: 4,
    findings: [['抽样送检农药的检验报告未及时告知当事人', 15]],
  },
  {
    unitCode: TUANJIE_CODE,
    title: '团结镇2025年上半年行政执法案卷评查',
    kind: 'case_file_review',
    domain: 'urban_management',
    date: '2025-07-14',
    days: 5,
    casesReviewed: 3,
    findings: [
      ['1 件案卷缺少送达回证', 12],
      ['1 件案卷执法全过程记录视频未归档', 12],
    ],
  },
  {
    unitCode: TUANJIE_CODE,
    title: '团结镇2025年下半年行政执法案卷评查',
    kind: 'case_file_review',
    domain: 'land_resources',
    date: '2025-12-01',
    days: 5,
    casesReviewed: 5,
    findings: [['1 件案卷法制审核意见书未载明审核人员', 10]],
  },
  {
    unitCode: SHANBA_CODE,
    title: '陕坝镇2025年城市管理执法自查',
    kind: 'self_inspection',
    domain: 'urban_management',
    date: '2025-11-17',
    days: 6,
    casesReviewed: 8,
    findings: [['户外广告设置审批台账不完整', 20], ['2 件案卷立案审批超过规定时限']],
  },
]

function inspection(row: Row): DemoRecord {
  const startedAt = cst(row.date, '09:00')
  const found = row.findings.map(([description]) => ({ description }))
  const rectified = row.findings.map(([description, after]) => (after === undefined ? { description } : { description, rectifiedAt: daysAfter(startedAt, after) }))
  const allRectified = row.findings.every(([, after]) => after !== undefined)
  const base = { title: row.title, kind: row.kind, domain: row.domain, startedAt, casesReviewed: row.casesReviewed }
  // Planned, carried out, its findings put right, then closed: planned → in_progress → rectifying → closed.
  const patches: Record<string, unknown>[] = [{ status: 'in_progress' }, { status: 'rectifying', endedAt: daysAfter(startedAt, row.days), findings: found }]
  patches.push(allRectified ? { status: 'closed', findings: rectified } : { findings: rectified })
  return { collection: 'inspections', unitCode: row.unitCode, marker: row.title, create: { ...base, status: 'planned' }, patches }
}

export const demoInspections: DemoRecord[] = rows.map(inspection)
