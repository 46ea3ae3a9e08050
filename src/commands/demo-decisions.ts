import { cst, daysAfter, type DemoRecord } from './demo-record.js'
import { SHANBA_CODE, TUANJIE_CODE } from './demo-units.js'

interface Row {
  unitCode: string
  title: string
  summary: string
  category: 'major_matter' | 'major_project' | 'large_fund' | 'normative_document'
  proposedBy: string
  date: string
  conclusion: 'lawful' | 'lawful_with_revisions'
  /** How far it has come: adopted, or still under review. */
  stage: 'adopted' | 'under_review'
  walk?: boolean
}

const rows: Row[] = [
  {
    unitCode: TUANJIE_CODE,
    title: '关于团结镇2025年农村人居环境整治实施方案的决策',
    summary: '明确全镇 9 个村垃圾收运、厕所改造和村容村貌整治的任务、资金和责任分工。',
    category: 'major_matter',
    proposedBy: '团结镇农业农村综合服务中心',
    date: '2025-02-18',
    conclusion: 'lawful',
    stage: 'adopted',
    walk: true,
  },
  {
    unitCode: TUANJIE_CODE,
    title: '关于团结镇高标准农田建设项目的决策',
    summary: '在联星村、红旗村实施高标准农田建设 1.2 万亩，配套渠系和机耕路。',
    category: 'major_project',
    proposedBy: '团结镇农业农村综合服务中心',
    date: '2025-03-20',
    conclusion: 'lawful_with_revisions',
    stage: 'adopted',
  },
  {
    unitCode: TUANJIE_CODE,
    title: '关于团结镇村集体经济发展资金使用的决策',
    summary: '统筹使用扶持村级集体经济发展资金，建设冷链仓储设施并明确收益分配办法。',
    category: 'large_fund',
    proposedBy: '团结镇财政所',
    date: '2025-06-09',
    conclusion: 'lawful',
    stage: 'adopted',
  },
  {
    unitCode: TUANJIE_CODE,
    title: '关于印发《团结镇村规民约修订指导意见》的决策',
    summary: '指导各村（社区）依法修订村规民约、居民公约，删除与法律法规相抵触的条款。',
    category: 'normative_document',
    proposedBy: '团结镇司法所',
    date: '2025-09-02',
    conclusion: 'lawful',
    stage: 'adopted',
  },
  {
    unitCode: TUANJIE_CODE,
    title: '关于团结镇2024年农村饮水安全巩固提升工程的决策',
    summary: '改造团结村、五星村供水管网，解决季节性供水不足。',
    category: 'major_project',
    proposedBy: '团结镇水利工作站',
    date: '2024-04-11',
    conclusion: 'lawful',
    stage: 'adopted',
  },
  {
    unitCode: TUANJIE_CODE,
    title: '关于团结镇闲置集体资产盘活利用的决策',
    summary: '对闲置校舍和村部公开招租，租金纳入村集体经济收入。',
    category: 'major_matter',
    proposedBy: '团结镇经济发展办公室',
    date: '2024-08-26',
    conclusion: 'lawful_with_revisions',
    stage: 'adopted',
  },
  {
    unitCode: SHANBA_CODE,
    title: '关于陕坝镇老旧小区改造项目的决策',
    summary: '改造北街、南街社区 12 个老旧小区的管网、屋面和停车设施。',
    category: 'major_project',
    proposedBy: '陕坝镇城乡建设办公室',
    date: '2025-10-14',
    conclusion: 'lawful',
    stage: 'under_review',
  },
]

function decision(row: Row): DemoRecord {
  const proposedAt = cst(row.date)
  const base = { title: row.title, summary: row.summary, category: row.category, proposedBy: row.proposedBy, proposedAt }
  const participation = { publicParticipation: { method: 'solicitation', completedAt: daysAfter(proposedAt, 10), summary: '在镇政府网站和各村（社区）公示栏公开征求意见 15 天' } }
  const review = {
    riskAssessment: { level: 'low', completedAt: daysAfter(proposedAt, 14), summary: '社会稳定风险评估为低风险' },
    legalityReview: {
      reviewer: row.unitCode === SHANBA_CODE ? '陕坝镇司法所' : '团结镇司法所、镇法律顾问',
      conclusion: row.conclusion,
      opinion: row.conclusion === 'lawful' ? '程序合法，内容合法' : '建议修改部分条款后提交集体讨论',
      completedAt: daysAfter(proposedAt, 18),
    },
  }
  const adoption = {
    collectiveDiscussion: { meeting: '镇党委会议', heldAt: daysAfter(proposedAt, 25), outcome: 'adopted' },
    publishedAt: daysAfter(proposedAt, 28),
  }
  const record = { collection: 'decisions' as const, unitCode: row.unitCode, marker: row.title }
  if (row.stage === 'under_review') return { ...record, create: { ...base, ...participation, ...review, status: 'under_review' }, patches: [] }
  if (row.walk) {
    return {
      ...record,
      create: { ...base, ...participation, status: 'draft' },
      patches: [{ status: 'under_review', ...review }, { status: 'adopted', ...adoption }],
    }
  }
  return { ...record, create: { ...base, ...participation, ...review, ...adoption, status: 'adopted' }, patches: [] }
}

export const demoDecisions: DemoRecord[] = rows.map(decision)
