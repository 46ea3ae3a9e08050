import { cst, daysAfter, type DemoRecord } from './demo-record.js'
import { gridOf, personName, phoneNumber } from './demo-units.js'

type Category = 'land' | 'neighborhood' | 'marriage_family' | 'labor' | 'contract' | 'property_management' | 'damages' | 'village_affairs'
type Source = 'grid_inspection' | 'petition' | 'hotline' | 'walk_in' | 'referral'
type Method = 'people_mediation' | 'administrative_mediation' | 'judicial_confirmation' | 'legal_aid' | 'litigation_guidance'
type Outcome = 'resolved' | 'unresolved' | 'mediating' | 'escalated'

interface Row {
  place: string
  title: string
  category: Category
  date: string
  source: Source
  method: Method
  outcome?: Outcome
  backlog?: boolean
  time?: string
}

const methodNotes: Record<Method, string> = {
  people_mediation: '经村（社区）人民调解委员会调解，双方自愿达成调解协议并当场履行',
  administrative_mediation: '镇司法所会同相关站所开展行政调解，双方达成一致意见',
  judicial_confirmation: '经人民调解达成协议后，申请人民法院司法确认',
  legal_aid: '为当事人提供法律援助，协助其依法主张权利，双方和解',
  litigation_guidance: '释法明理后引导当事人依法诉讼，案件已由法院调解结案',
}

// 团结镇 2025: the 29 disputes of the town's report, every one resolved, two of them 信访积案.
const tuanjie2025: Row[] = [
  { place: '团结村', title: '团结村三组土地流转面积纠纷', category: 'land', date: '2025-03-12', source: 'grid_inspection', method: 'people_mediation' },
  { place: '联星村', title: '联星村承包地边界纠纷', category: 'land', date: '2025-03-25', source: 'grid_inspection', method: 'people_mediation' },
  { place: '红旗村', title: '红旗村耕地灌溉用水纠纷', category: 'land', date: '2025-04-18', source: 'walk_in', method: 'administrative_mediation' },
  { place: '永胜村', title: '永胜村宅基地使用权信访积案', category: 'land', date: '2025-05-06', source: 'petition', method: 'judicial_confirmation', backlog: true },
  { place: '光明村', title: '光明村土地确权遗留信访积案', category: 'land', date: '2025-05-20', source: 'petition', method: 'administrative_mediation', backlog: true },
  { place: '新丰村', title: '新丰村机耕路占地纠纷', category: 'land', date: '2025-06-10', source: 'grid_inspection', method: 'people_mediation' },
  { place: '胜丰村', title: '胜丰村土地租金拖欠纠纷', category: 'land', date: '2025-07-08', source: 'hotline', method: 'people_mediation' },
  { place: '民乐村', title: '民乐村林地界址纠纷', category: 'land', date: '2025-09-16', source: 'grid_inspection', method: 'people_mediation' },
  { place: '五星村', title: '五星村邻里排水纠纷', category: 'neighborhood', date: '2025-02-27', source: 'grid_inspection', method: 'people_mediation' },
  { place: '团结村', title: '团结村院墙越界纠纷', category: 'neighborhood', date: '2025-04-02', source: 'grid_inspection', method: 'people_mediation' },
  { place: '新华社区', title: '新华社区楼上漏水纠纷', category: 'neighborhood', date: '2025-05-14', source: 'hotline', method: 'people_mediation' },
  { place: '幸福社区', title: '幸福社区噪音扰邻纠纷', category: 'neighborhood', date: '2025-06-23', source: 'walk_in', method: 'people_mediation' },
  { place: '联星村', title: '联星村通行道路纠纷', category: 'neighborhood', date: '2025-08-05', source: 'grid_inspection', method: 'people_mediation' },
  { place: '红旗村', title: '红旗村牲畜啃食庄稼纠纷', category: 'neighborhood', date: '2025-10-11', source: 'grid_inspection', method: 'people_mediation' },
  { place: '永胜村', title: '永胜村赡养老人纠纷', category: 'marriage_family', date: '2025-03-03', source: 'walk_in', method: 'legal_aid' },
  { place: '光明村', title: '光明村离婚财产分割纠纷', category: 'marriage_family', date: '2025-04-27', source: 'referral', method: 'litigation_guidance' },
  { place: '新华社区', title: '新华社区家庭继承纠纷', category: 'marriage_family', date: '2025-07-19', source: 'walk_in', method: 'people_mediation' },
  { place: '新丰村', title: '新丰村子女抚养费纠纷', category: 'marriage_family', date: '2025-11-04', source: 'grid_inspection', method: 'people_mediation' },
  { place: '胜丰村', title: '胜丰村务工人员工资拖欠纠纷', category: 'labor', date: '2025-01-15', source: 'hotline', method: 'administrative_mediation' },
  { place: '幸福社区', title: '幸福社区装修工人劳务费纠纷', category: 'labor', date: '2025-06-02', source: 'walk_in', method: 'legal_aid' },
  { place: '民乐村', title: '民乐村农机手劳务报酬纠纷', category: 'labor', date: '2025-09-28', source: 'grid_inspection', method: 'people_mediation' },
  { place: '五星村', title: '五星村农资购销合同纠纷', category: 'contract', date: '2025-04-09', source: 'referral', method: 'people_mediation' },
  { place: '团结村', title: '团结村葵花收购合同纠纷', category: 'contract', date: '2025-10-21', source: 'grid_inspection', method: 'people_mediation' },
  { place: '新华社区', title: '新华社区物业费收缴纠纷', category: 'property_management', date: '2025-03-30', source: 'hotline', method: 'administrative_mediation' },
  { place: '幸福社区', title: '幸福社区停车位管理纠纷', category: 'property_management', date: '2025-08-26', source: 'grid_inspection', method: 'people_mediation' },
  { place: '联星村', title: '联星村交通事故赔偿纠纷', category: 'damages', date: '2025-05-31', source: 'referral', method: 'judicial_confirmation' },
  { place: '红旗村', title: '红旗村犬只伤人赔偿纠纷', category: 'damages', date: '2025-12-08', source: 'grid_inspection', method: 'people_mediation' },
  { place: '永胜村', title: '永胜村集体收益分配纠纷', category: 'village_affairs', date: '2025-02-11', source: 'walk_in', method: 'administrative_mediation' },
  { place: '光明村', title: '光明村村务公开异议纠纷', category: 'village_affairs', date: '2025-12-30', source: 'grid_inspection', method: 'people_mediation', time: '21:00' },
]

const tuanjie2024: Row[] = [
  { place: '团结村', title: '团结村二组土地调整纠纷', category: 'land', date: '2024-04-16', source: 'grid_inspection', method: 'people_mediation' },
  { place: '新华社区', title: '新华社区绿化带占用纠纷', category: 'property_management', date: '2024-06-05', source: 'hotline', method: 'administrative_mediation' },
  { place: '联星村', title: '联星村季节工工资纠纷', category: 'labor', date: '2024-08-21', source: 'walk_in', method: 'legal_aid' },
  { place: '红旗村', title: '红旗村赡养费纠纷', category: 'marriage_family', date: '2024-10-09', source: 'walk_in', method: 'people_mediation', outcome: 'unresolved' },
  // Reported half an hour before midnight on New Year's Eve, China time: a dispute of 2024.
  { place: '五星村', title: '五星村相邻通风采光纠纷', category: 'neighborhood', date: '2024-12-31', source: 'grid_inspection', method: 'people_mediation', time: '23:30' },
]

const shanba2025: Row[] = [
  { place: '北街社区', title: '北街社区电梯维修费分摊纠纷', category: 'property_management', date: '2025-03-18', source: 'hotline', method: 'people_mediation' },
  { place: '南街社区', title: '南街社区楼道堆物纠纷', category: 'neighborhood', date: '2025-06-12', source: 'grid_inspection', method: 'people_mediation' },
  { place: '民主村', title: '民主村土地承包经营权纠纷', category: 'land', date: '2025-09-03', source: 'walk_in', method: 'people_mediation', outcome: 'mediating' },
  { place: '北街社区', title: '北街社区商铺雇员工资纠纷', category: 'labor', date: '2025-11-20', source: 'referral', method: 'legal_aid', outcome: 'escalated' },
]

function dispute(row: Row, i: number): DemoRecord {
  const reportedAt = cst(row.date, row.time)
  const outcome = row.outcome ?? 'resolved'
  const mediator = `${row.place}人民调解委员会 ${personName(600 + i)}`
  const resolution = { method: row.method, summary: methodNotes[row.method], agreementReached: true, resolvedAt: daysAfter(reportedAt, 5 + (i % 9)) }
  const create = {
    title: row.title,
    description: row.backlog ? `${row.title.replace('信访积案', '')}问题多年信访未息，列入信访积案清单，镇党委包案化解。` : `网格员登记：${row.title}。`,
    category: row.category,
    source: row.source,
    isPetitionBacklog: row.backlog ?? false,
    parties: [
      { name: personName(700 + i), role: 'applicant', phone: phoneNumber(700 + i) },
      { name: personName(800 + i), role: 'respondent' },
    ],
    reportedAt,
  }
  // Every third dispute walks reported → mediating → its outcome; the rest arrive already settled.
  if (i % 3 === 0 || outcome !== 'resolved') {
    const last = outcome === 'resolved' ? { status: 'resolved', resolution } : { status: outcome }
    const steps = outcome === 'mediating' ? [{ status: 'mediating', mediator }] : [{ status: 'mediating', mediator }, last]
    return { collection: 'disputes', unitCode: gridOf(row.place, i), marker: row.title, create, patches: steps }
  }
  return {
    collection: 'disputes',
    unitCode: gridOf(row.place, i),
    marker: row.title,
    create: { ...create, mediator, status: 'resolved', resolution },
    patches: [],
  }
}

export const demoDisputes: DemoRecord[] = [...tuanjie2025, ...tuanjie2024, ...shanba2025].map(dispute)
