import { cst, daysAfter, type DemoRecord } from './demo-record.js'
import { SHANBA_CODE, TUANJIE_CODE, personName } from './demo-units.js'

interface Row {
  unitCode: string
  caseNumber: string
  title: string
  domain: 'urban_management' | 'land_resources' | 'environment' | 'market_regulation' | 'agriculture'
  date: string
  decision: { type: 'warning' | 'fine' | 'order_to_correct'; fineAmountFen?: number }
  stage: 'closed' | 'decided' | 'investigating'
  isMajor?: boolean
  reviews?: { kind: 'reconsideration' | 'litigation'; filedAfterDays: number; result: 'upheld' | 'dismissed'; closedAfterDays: number }[]
  walk?: boolean
}

const tuanjieOfficers = [
  { name: '王海军', certificateNumber: '15082619001' },
  { name: '李强', certificateNumber: '15082619002' },
]
const shanbaOfficers = [
  { name: '赵志勇', certificateNumber: '15082619011' },
  { name: '孙丽', certificateNumber: '15082619012' },
]

const rows: Row[] = [
  { unitCode: TUANJIE_CODE, caseNumber: '杭后团综执罚〔2025〕1号', title: '团结镇主街占道经营案', domain: 'urban_management', date: '2025-03-10', decision: { type: 'fine', fineAmountFen: 20_000 }, stage: 'closed', walk: true },
  {
    unitCode: TUANJIE_CODE,
    caseNumber: '杭后团综执罚〔2025〕2号',
    title: '联星村村民未经批准占用耕地建房案',
    domain: 'land_resources',
    date: '2025-05-12',
    decision: { type: 'order_to_correct' },
    stage: 'closed',
    isMajor: true,
    // The party applied for reconsideration; the decision was upheld: nothing lost.
    reviews: [{ kind: 'reconsideration', filedAfterDays: 60, result: 'upheld', closedAfterDays: 110 }],
  },
  { unitCode: TUANJIE_CODE, caseNumber: '杭后团综执罚〔2025〕3号', title: '红旗村露天焚烧秸秆案', domain: 'environment', date: '2025-10-20', decision: { type: 'warning' }, stage: 'closed' },
  { unitCode: TUANJIE_CODE, caseNumber: '杭后团综执罚〔2025〕4号', title: '团结镇某商店无照经营案', domain: 'market_regulation', date: '2025-07-03', decision: { type: 'fine', fineAmountFen: 50_000 }, stage: 'closed' },
  { unitCode: TUANJIE_CODE, caseNumber: '杭后团综执罚〔2025〕5号', title: '五星村违规销售禁用农药案', domain: 'agriculture', date: '2025-11-12', decision: { type: 'fine', fineAmountFen: 100_000 }, stage: 'decided' },
  { unitCode: TUANJIE_CODE, caseNumber: '杭后团综执罚〔2024〕7号', title: '团结镇集市违规搭建案', domain: 'urban_management', date: '2024-05-22', decision: { type: 'order_to_correct' }, stage: 'closed' },
  {
    unitCode: TUANJIE_CODE,
    caseNumber: '杭后团综执罚〔2024〕9号',
    title: '新丰村非法采砂案',
    domain: 'land_resources',
    date: '2024-07-15',
    decision: { type: 'fine', fineAmountFen: 300_000 },
    stage: 'closed',
    reviews: [{ kind: 'litigation', filedAfterDays: 45, result: 'upheld', closedAfterDays: 130 }],
  },
  { unitCode: SHANBA_CODE, caseNumber: '杭后陕综执罚〔2025〕3号', title: '陕坝镇北街油烟扰民案', domain: 'environment', date: '2025-04-08', decision: { type: 'fine', fineAmountFen: 10_000 }, stage: 'closed' },
  { unitCode: SHANBA_CODE, caseNumber: '杭后陕综执罚〔2025〕8号', title: '陕坝镇南街违规设置户外广告案', domain: 'urban_management', date: '2025-10-09', decision: { type: 'order_to_correct' }, stage: 'investigating' },
]

function enforcementCase(row: Row, i: number): DemoRecord {
  const registeredAt = cst(row.date)
  const decidedAt = daysAfter(registeredAt, 12)
  const officers = row.unitCode === SHANBA_CODE ? shanbaOfficers : tuanjieOfficers
  const base = {
    caseNumber: row.caseNumber,
    title: row.title,
    domain: row.domain,
    isMajor: row.isMajor ?? false,
    party: { type: 'person', name: personName(900 + i), idNumber: `15082619${String(700101 + i * 37).padStart(6, '0')}${String(1000 + i)}`, phone: `1384781${String(2000 + i)}` },
    officers,
    registeredAt,
  }
  const legalReview = row.isMajor ? { legalReview: { reviewer: '团结镇司法所', conclusion: 'approved', opinion: '事实清楚，证据确凿，程序合法', completedAt: daysAfter(registeredAt, 9) } } : {}
  const decision = { decision: { ...row.decision, documentNumber: row.caseNumber.replace('执罚', '执罚决字'), decidedAt } }
  const recordings = {
    recordings: [
      { kind: 'body_camera', uri: `https://evidence.example.gov.cn/${encodeURIComponent(row.caseNumber)}/scene.mp4`, recordedAt: daysAfter(registeredAt, 1) },
      { kind: 'document', uri: `https://evidence.example.gov.cn/${encodeURIComponent(row.caseNumber)}/decision.pdf`, recordedAt: decidedAt },
    ],
  }
  const reviews = (row.reviews ?? []).map((r) => ({ kind: r.kind, filedAt: daysAfter(decidedAt, r.filedAfterDays), result: r.result, closedAt: daysAfter(decidedAt, r.closedAfterDays) }))
  const record = { collection: 'enforcement-cases' as const, unitCode: row.unitCode, marker: row.caseNumber }
  if (row.stage === 'investigating') return { ...record, create: { ...base, status: 'investigating' }, patches: [] }
  if (row.walk) {
    return {
      ...record,
      create: { ...base, status: 'registered' },
      patches: [{ status: 'investigating' }, { status: 'decided', ...decision }, { status: 'closed', ...recordings, publishedAt: daysAfter(decidedAt, 3) }],
    }
  }
  // A closed case's reviews come later: they are added after closing, as the contract allows.
  // 行政执法公示: every decision is made public within days (国办发〔2018〕118号).
  const created = { ...base, ...legalReview, ...decision, ...recordings, publishedAt: daysAfter(decidedAt, 3), status: row.stage }
  return { ...record, create: created, patches: reviews.length > 0 ? [{ reviews }] : [] }
}

export const demoCases: DemoRecord[] = rows.map(enforcementCase)
