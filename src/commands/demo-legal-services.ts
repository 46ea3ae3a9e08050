import { cst, type DemoRecord } from './demo-record.js'
import { SHANBA_CODE, TUANJIE_CODE, settlementCode } from './demo-units.js'

// 法律服务台账. 团结镇 2025: the government legal adviser's 8 services to the party committee and
// government, 2 of them with a written legal opinion; and the public's consultations and mediation
// guidance at the service window and with the village legal advisers, one entry per person served.

type Kind = 'contract_review' | 'major_matter_consultation' | 'petition_case' | 'legal_consultation' | 'mediation_guidance'

interface GovernmentRow {
  subject: string
  kind: Kind
  date: string
  opinion?: boolean
}

const adviser = '内蒙古河套律师事务所 王俊峰律师'

const forGovernment: GovernmentRow[] = [
  { subject: '审查团结镇高标准农田建设项目施工合同', kind: 'contract_review', date: '2025-04-02' },
  { subject: '审查团结镇闲置校舍租赁合同', kind: 'contract_review', date: '2025-05-16' },
  { subject: '审查团结镇冷链仓储设施建设合同', kind: 'contract_review', date: '2025-07-10' },
  { subject: '团结镇农村人居环境整治实施方案法律咨询', kind: 'major_matter_consultation', date: '2025-03-05', opinion: true },
  { subject: '团结镇村集体经济发展资金使用方案法律咨询', kind: 'major_matter_consultation', date: '2025-06-20', opinion: true },
  { subject: '《团结镇村规民约修订指导意见》合法性咨询', kind: 'major_matter_consultation', date: '2025-09-12' },
  { subject: '团结镇征收集体土地补偿安置问题法律咨询', kind: 'major_matter_consultation', date: '2025-10-28' },
  { subject: '永胜村宅基地使用权信访积案法律分析', kind: 'petition_case', date: '2025-05-12' },
]

// What people asked about at the window: a short list, repeated over the year.
const consultations = [
  '土地承包经营权流转合同效力',
  '宅基地使用权继承',
  '农民工工资拖欠维权途径',
  '离婚财产分割',
  '赡养义务与养老费用分担',
  '交通事故损害赔偿标准',
  '农资买卖合同质量纠纷',
  '民间借贷利息约定',
  '工伤认定程序',
  '遗嘱效力与继承顺序',
  '邻里相邻权纠纷处理',
  '土地征收补偿标准',
]
const guidance = ['邻里纠纷申请人民调解', '婚姻家庭纠纷调解程序', '劳务费纠纷调解与司法确认', '物业纠纷调解途径']

const places = ['团结村', '联星村', '红旗村', '永胜村', '光明村', '新丰村', '胜丰村', '民乐村', '五星村', '新华社区', '幸福社区']

/** The day of the n-th entry: the 156 spread from early January to late December 2025. */
const dayOf = (n: number) => new Date(Date.UTC(2025, 0, 6 + Math.floor((n * 9) / 4))).toISOString().slice(0, 10)

function publicEntry(kind: 'legal_consultation' | 'mediation_guidance', topic: string, n: number): DemoRecord {
  // Two in three at the town's service window, the rest with a village's legal adviser.
  const atWindow = n % 3 !== 2
  const place = places[n % places.length]!
  const subject = `${topic}（登记号 TJ2025-${String(n + 1).padStart(3, '0')}）`
  return {
    collection: 'legal-services',
    unitCode: atWindow ? TUANJIE_CODE : settlementCode(place),
    marker: subject,
    create: {
      subject,
      provider: atWindow ? 'service_window' : 'village_legal_adviser',
      providerName: atWindow ? '团结镇公共法律服务工作站' : `${place}法律顾问`,
      recipient: 'public',
      kind,
      servedAt: cst(dayOf(n), n % 2 === 0 ? '10:00' : '15:30'),
    },
    patches: [],
  }
}

const tuanjiePublic: DemoRecord[] = [
  ...Array.from({ length: 132 }, (_, i) => publicEntry('legal_consultation', `群众咨询${consultations[i % consultations.length]}问题`, i)),
  ...Array.from({ length: 24 }, (_, i) => publicEntry('mediation_guidance', `${guidance[i % guidance.length]}指引`, 132 + i)),
]

const government = (row: GovernmentRow): DemoRecord => ({
  collection: 'legal-services',
  unitCode: TUANJIE_CODE,
  marker: row.subject,
  create: {
    subject: row.subject,
    provider: 'government_legal_adviser',
    providerName: adviser,
    recipient: 'government',
    kind: row.kind,
    servedAt: cst(row.date, '10:00'),
    opinionIssued: row.opinion ?? false,
    ...(row.opinion ? { notes: '出具书面法律意见书，提交镇党委会议参考' } : {}),
  },
  patches: [],
})

const shanba: DemoRecord[] = [
  {
    collection: 'legal-services',
    unitCode: SHANBA_CODE,
    marker: '陕坝镇老旧小区改造项目法律咨询',
    create: { subject: '陕坝镇老旧小区改造项目法律咨询', provider: 'government_legal_adviser', providerName: '内蒙古蒙益律师事务所', recipient: 'government', kind: 'major_matter_consultation', servedAt: cst('2025-10-20'), opinionIssued: true },
    patches: [],
  },
  {
    // A service window may log a day's visitors as one entry.
    collection: 'legal-services',
    unitCode: settlementCode('北街社区'),
    marker: '“民法典宣传月”社区法律咨询日',
    create: { subject: '“民法典宣传月”社区法律咨询日', provider: 'service_window', recipient: 'public', kind: 'legal_consultation', servedAt: cst('2025-05-20'), quantity: 18 },
    patches: [],
  },
]

export const demoLegalServices: DemoRecord[] = [...forGovernment.map(government), ...tuanjiePublic, ...shanba]
