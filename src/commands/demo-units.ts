// The demo county's grid units: 杭锦后旗 with 团结镇 (9 villages, 2 communities, 76 grids, as in the
// town's 2025 report) and a smaller neighbour, 陕坝镇. Codes are stable: a re-run finds each unit by
// its code and creates only what is missing.

export interface DemoWorker {
  name: string
  role: 'grid_leader' | 'grid_worker' | 'legal_adviser' | 'legal_literate' | 'mediator' | 'police' | 'other'
  phone?: string
}

export interface DemoUnit {
  code: string
  name: string
  level: 'county' | 'town' | 'village' | 'community' | 'grid'
  parentCode: string | null
  description?: string
  workers: DemoWorker[]
  facilities?: DemoFacility[]
}

export interface DemoFacility {
  kind: 'rule_of_law_square' | 'legal_service_window' | 'mediation_room' | 'legal_library' | 'other'
  name: string
  establishedOn: string
}

const surnames = [...'王李张刘陈杨赵黄周吴徐孙马胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜']
const givenNames = [
  '建国', '秀英', '志强', '桂兰', '海军', '玉兰', '永胜', '丽', '福', '金花', '文斌', '春梅', '建军', '淑珍', '国庆',
  '红梅', '德胜', '秀兰', '占军', '美玲', '宝山', '凤英', '长青', '翠花', '振华', '丽娟', '俊峰', '玉梅', '志刚',
  '海燕', '晓东', '桂芳', '瑞', '彩霞', '永强', '慧敏', '铁柱', '雪梅', '树林', '艳', '东升',
]

/** The k-th name of the demo: 40 surnames × 41 given names are distinct for the first 1 640. */
export const personName = (k: number) => `${surnames[k % surnames.length]}${givenNames[k % givenNames.length]}`
export const phoneNumber = (k: number) => `1394781${String(k % 10_000).padStart(4, '0')}`

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

export const COUNTY_CODE = '150826'
export const TUANJIE_CODE = '150826103'
export const SHANBA_CODE = '150826100'

interface Settlement {
  name: string
  code: string
  level: 'village' | 'community'
  grids: number
  literates: number
  hasAdviser: boolean
  /** 法治阵地 beyond the mediation room every village and community has. */
  facilities?: DemoFacility[]
}

const tuanjie: Settlement[] = [
  ...['团结村', '联星村', '红旗村', '永胜村', '光明村', '新丰村', '胜丰村', '民乐村', '五星村'].map((name, i) => ({
    name,
    code: `${TUANJIE_CODE}${201 + i}`,
    level: 'village' as const,
    grids: 7,
    literates: 8,
    hasAdviser: true,
    // The town's one 法治文化广场, built in 2025 beside 团结村's service centre.
    ...(name === '团结村' ? { facilities: [{ kind: 'rule_of_law_square' as const, name: '团结村法治文化广场', establishedOn: '2025-07-01' }] } : {}),
  })),
  { name: '新华社区', code: `${TUANJIE_CODE}001`, level: 'community', grids: 6, literates: 7, hasAdviser: true },
  { name: '幸福社区', code: `${TUANJIE_CODE}002`, level: 'community', grids: 7, literates: 7, hasAdviser: true },
]

const shanba: Settlement[] = [
  { name: '北街社区', code: `${SHANBA_CODE}001`, level: 'community', grids: 3, literates: 4, hasAdviser: true },
  { name: '南街社区', code: `${SHANBA_CODE}002`, level: 'community', grids: 3, literates: 4, hasAdviser: true },
  { name: '民主村', code: `${SHANBA_CODE}201`, level: 'village', grids: 2, literates: 3, hasAdviser: false },
]

/** The code of a settlement's n-th grid (1-based). */
export const gridCode = (settlementCode: string, n: number) => `${settlementCode}G${String(n).padStart(2, '0')}`

const settlements = new Map([...tuanjie, ...shanba].map((s) => [s.name, s]))

/** The code of a village or community, by name. */
export function settlementCode(name: string): string {
  const s = settlements.get(name)
  if (!s) throw new Error(`no demo settlement ${name}`)
  return s.code
}

/** One of a settlement's grids, picked by a running number so records spread over them. */
export const gridOf = (name: string, i: number) => gridCode(settlementCode(name), 1 + (i % settlements.get(name)!.grids))

function townUnits(town: DemoUnit, settlements: Settlement[], gridWorkersOf: (gridIndex: number) => number, k: { next: number }): DemoUnit[] {
  const units: DemoUnit[] = [town]
  let gridIndex = 0
  for (const s of settlements) {
    const staff: DemoWorker[] = [{ name: personName(k.next), role: 'grid_leader', phone: phoneNumber(k.next++) }]
    if (s.hasAdviser) staff.push({ name: `${personName(k.next++)}（河套律师事务所）`, role: 'legal_adviser' })
    for (let i = 0; i < s.literates; i++) staff.push({ name: personName(k.next++), role: 'legal_literate' })
    staff.push({ name: personName(k.next++), role: 'mediator' })
    const facilities: DemoFacility[] = [{ kind: 'mediation_room', name: `${s.name}人民调解室`, establishedOn: '2019-06-20' }, ...(s.facilities ?? [])]
    units.push({ code: s.code, name: s.name, level: s.level, parentCode: town.code, workers: staff, facilities })
    for (let n = 1; n <= s.grids; n++) {
      const workers: DemoWorker[] = []
      for (let i = gridWorkersOf(gridIndex); i > 0; i--) workers.push({ name: personName(k.next), role: 'grid_worker', phone: phoneNumber(k.next++) })
      units.push({ code: gridCode(s.code, n), name: `${s.name}第${numerals[n - 1]}网格`, level: 'grid', parentCode: s.code, workers })
      gridIndex++
    }
  }
  return units
}

function buildDemoUnits(): DemoUnit[] {
  const k = { next: 0 }
  const county: DemoUnit = { code: COUNTY_CODE, name: '杭锦后旗', level: 'county', parentCode: null, description: '内蒙古自治区巴彦淖尔市杭锦后旗（演示数据）', workers: [] }
  const tuanjieTown: DemoUnit = {
    code: TUANJIE_CODE,
    name: '团结镇',
    level: 'town',
    parentCode: COUNTY_CODE,
    description: '杭锦后旗团结镇，辖 9 个村、2 个社区，划分 76 个网格（演示数据）',
    workers: [
      { name: personName(k.next), role: 'grid_leader', phone: phoneNumber(k.next++) },
      { name: `${personName(k.next++)}（团结镇司法所）`, role: 'mediator' },
    ],
    facilities: [{ kind: 'legal_service_window', name: '团结镇公共法律服务工作站', establishedOn: '2019-05-10' }],
  }
  const shanbaTown: DemoUnit = {
    code: SHANBA_CODE,
    name: '陕坝镇',
    level: 'town',
    parentCode: COUNTY_CODE,
    description: '杭锦后旗陕坝镇（演示数据）',
    workers: [],
    facilities: [{ kind: 'legal_library', name: '陕坝镇法治书屋', establishedOn: '2025-04-23' }],
  }
  // 团结镇: 50 grids with three grid workers and 26 with two make its 202.
  return [
    county,
    ...townUnits(tuanjieTown, tuanjie, (i) => (i < 50 ? 3 : 2), k),
    ...townUnits(shanbaTown, shanba, () => 2, k),
  ]
}

export const demoUnits: DemoUnit[] = buildDemoUnits()
