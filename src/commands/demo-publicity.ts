import { cst, type DemoRecord } from './demo-record.js'
import { SHANBA_CODE, TUANJIE_CODE, settlementCode } from './demo-units.js'

// 政务公开. 团结镇 2025: some 300 items over its three channels — 政务平台 (government_platform),
// 村（社区）公示栏 (notice_board) and 网格群 (grid_group) — written from a few recurring titles, as
// a town's publicity ledger really repeats: the monthly and quarterly disclosures, each village's
// 村务 and 财务 disclosures, the year's policy documents and the decisions.

type Category = 'policy_document' | 'fiscal' | 'enforcement' | 'decision' | 'village_affairs' | 'other'
type Channel = 'government_platform' | 'notice_board' | 'grid_group'

interface Item {
  unitCode: string
  title: string
  category: Category
  channels: Channel[]
  date: string
}

const platform: Channel[] = ['government_platform']
const platformAndBoard: Channel[] = ['government_platform', 'notice_board']
const platformAndGroup: Channel[] = ['government_platform', 'grid_group']
const everywhere: Channel[] = ['government_platform', 'notice_board', 'grid_group']
const boardAndGroup: Channel[] = ['notice_board', 'grid_group']

const day = (month: number, d: number) => `2025-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`
const months = Array.from({ length: 12 }, (_, i) => i + 1)
const quarters = [1, 2, 3, 4]
const quarterNames = ['一', '二', '三', '四']

const monthly: [string, Category, Channel[]][] = [
  ['财政收支情况', 'fiscal', platformAndBoard],
  ['惠民惠农补贴资金发放情况', 'fiscal', everywhere],
  ['行政执法信息公示', 'enforcement', platform],
  ['“双随机、一公开”抽查结果', 'enforcement', platformAndGroup],
  ['城乡低保、特困人员救助情况', 'other', platformAndBoard],
  ['重点工作动态', 'other', platformAndGroup],
]

const villages = ['团结村', '联星村', '红旗村', '永胜村', '光明村', '新丰村', '胜丰村', '民乐村', '五星村', '新华社区', '幸福社区']

const quarterly: [string, Category, Channel[]][] = [
  ['村务公开', 'village_affairs', boardAndGroup],
  ['财务公开', 'fiscal', ['notice_board']],
  ['党务公开', 'village_affairs', ['notice_board']],
  ['民生事项公开', 'village_affairs', boardAndGroup],
]

const yearly: [string, string][] = [
  ['2025年度耕地地力保护补贴面积', '04-25'],
  ['2025年度低保户民主评议结果', '06-18'],
  ['2025年度村级公益事业“一事一议”项目', '09-10'],
]

const policies = [
  '关于做好2025年春季森林草原防灭火工作的通知',
  '团结镇2025年耕地地力保护补贴实施方案',
  '团结镇2025年农业生产社会化服务项目实施方案',
  '团结镇城乡居民医疗保险参保缴费政策解读',
  '团结镇2025年防汛抗旱应急预案',
  '团结镇农村低保政策问答',
  '团结镇2025年高素质农民培育工作方案',
  '团结镇农机购置与应用补贴政策解读',
  '团结镇2025年安全生产工作要点',
  '团结镇关于规范农村宅基地审批管理的通知',
  '团结镇2025年秸秆禁烧和综合利用工作方案',
  '团结镇2025年秋冬季大气污染防治工作方案',
  '团结镇退役军人优待政策解读',
  '团结镇2025年就业创业扶持政策汇编',
  '团结镇残疾人两项补贴政策解读',
  '团结镇2025年冬春季疫病防控工作方案',
  '团结镇农村集体“三资”管理办法',
  '团结镇2025年法治政府建设工作方案',
  '团结镇行政执法事项清单',
  '团结镇权责清单（2025年版）',
]

const decisions = [
  ['团结镇2025年农村人居环境整治实施方案', '03'],
  ['团结镇高标准农田建设项目', '04'],
  ['团结镇村集体经济发展资金使用方案', '07'],
  ['《团结镇村规民约修订指导意见》', '10'],
] as const

function tuanjieItems(): Item[] {
  const town = TUANJIE_CODE
  const items: Item[] = []
  for (const m of months) {
    for (const [topic, category, channels] of monthly) items.push({ unitCode: town, title: `团结镇2025年${m}月${topic}`, category, channels, date: day(m, 26) })
  }
  for (const village of villages) {
    const unitCode = settlementCode(village)
    for (const q of quarters) {
      for (const [topic, category, channels] of quarterly) {
        items.push({ unitCode, title: `${village}2025年第${quarterNames[q - 1]}季度${topic}`, category, channels, date: day(q * 3, 25) })
      }
    }
    for (const [topic, date] of yearly) items.push({ unitCode, title: `${village}${topic}公示`, category: 'village_affairs', channels: boardAndGroup, date: `2025-${date}` })
  }
  policies.forEach((title, i) => items.push({ unitCode: town, title, category: 'policy_document', channels: i % 2 === 0 ? platformAndGroup : everywhere, date: day(1 + Math.floor(i / 2), 12) }))
  for (const [subject, month] of decisions) {
    items.push({ unitCode: town, title: `关于${subject}公开征求意见的公告`, category: 'decision', channels: everywhere, date: `2025-${month}-02` })
    items.push({ unitCode: town, title: `${subject}决策结果公开`, category: 'decision', channels: platformAndBoard, date: `2025-${month}-20` })
  }
  items.push({ unitCode: town, title: '团结镇2025年度重大行政决策事项目录', category: 'decision', channels: platform, date: '2025-02-10' })
  return items
}

const shanbaItems: Item[] = [
  ...months.map((m): Item => ({ unitCode: SHANBA_CODE, title: `陕坝镇2025年${m}月财政收支情况`, category: 'fiscal', channels: platformAndBoard, date: day(m, 27) })),
  { unitCode: SHANBA_CODE, title: '关于陕坝镇老旧小区改造项目公开征求意见的公告', category: 'decision', channels: everywhere, date: '2025-10-16' },
  { unitCode: settlementCode('民主村'), title: '民主村2025年度土地承包经营权流转情况公示', category: 'village_affairs', channels: boardAndGroup, date: '2025-06-15' },
]

export const demoPublicity: DemoRecord[] = [...tuanjieItems(), ...shanbaItems].map((item) => ({
  collection: 'publicity-items',
  unitCode: item.unitCode,
  marker: item.title,
  create: { title: item.title, category: item.category, channels: item.channels, publishedAt: cst(item.date, '16:00') },
  patches: [],
}))
