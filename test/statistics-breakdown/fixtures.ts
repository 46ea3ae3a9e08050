import { createDispute, resolution } from '../disputes/fixtures.js'
import type { Client } from '../helpers/app.js'
import { createGridUnit, uniqueCode, type GridUnit } from '../helpers/factories.js'
import { createEvent } from '../legal-education-events/fixtures/events.js'

// A county whose towns are created out of code order, each with records of its own (not a test itself).

export const breakdownUrl = '/v1/statistics/breakdown'

async function created(api: Client, url: string, body: Record<string, unknown>) {
  const res = await api.post(url, body)
  if (res.status !== 201) throw new Error(`${url}: ${res.status} ${res.text}`)
  return res.body
}

/** 旗 → 乙镇 (code …-B), 甲镇 (…-A), 丙镇 (…-C, with nothing at all); records only below the towns. */
export async function countyWithTowns(api: Client) {
  const prefix = uniqueCode('BD')
  const county = await createGridUnit(api, { code: `${prefix}`, name: '杭锦后旗', level: 'county' })
  const townB = await createGridUnit(api, { code: `${prefix}-B`, name: '乙镇', level: 'town', parentId: county.id })
  const townA = await createGridUnit(api, { code: `${prefix}-A`, name: '甲镇', level: 'town', parentId: county.id })
  const townC = await createGridUnit(api, { code: `${prefix}-C`, name: '丙镇', level: 'town', parentId: county.id })
  const village = (town: GridUnit, suffix: string, extra: Record<string, unknown> = {}) =>
    createGridUnit(api, { code: `${town.code}-${suffix}`, name: `${town.name}${suffix}村`, level: 'village', parentId: town.id, ...extra })
  const villageA = await village(townA, '1', {
    workers: [
      { name: '李律师', role: 'legal_adviser' },
      { name: '王明白', role: 'legal_literate' },
    ],
    facilities: [{ kind: 'rule_of_law_square', name: '甲镇法治文化广场', establishedOn: '2025-05-01' }],
  })
  const gridA = await createGridUnit(api, {
    code: `${villageA.code}-G`,
    name: '甲镇一网格',
    level: 'grid',
    parentId: villageA.id,
    workers: [
      { name: '赵网格', role: 'grid_worker' },
      { name: '钱网格', role: 'grid_worker' },
    ],
  })
  const villageB = await village(townB, '1')
  const gridB = await createGridUnit(api, { code: `${villageB.code}-G`, name: '乙镇一网格', level: 'grid', parentId: villageB.id, workers: [{ name: '孙网格', role: 'grid_worker' }] })

  // 甲镇: two disputes (one resolved, one a resolved 积案), two events, a legal service, a publicity item.
  await createDispute(api, gridA.id, { status: 'resolved', resolution: resolution() })
  await createDispute(api, gridA.id, { category: 'neighborhood', isPetitionBacklog: true, reportedAt: '2024-11-01T02:00:00Z', status: 'resolved', resolution: resolution('2025-03-01T02:00:00.000Z') })
  await createEvent(api, villageA.id, { attendance: 300, materialsDistributed: 500, mediaItems: 2 })
  await createEvent(api, townA.id, { venueType: 'government', audience: 'cadres', format: 'training', attendance: 40 })
  await created(api, '/v1/legal-services', { gridUnitId: townA.id, subject: '审查合同', provider: 'government_legal_adviser', recipient: 'government', kind: 'contract_review', servedAt: '2025-04-11T02:00:00Z', quantity: 3, opinionIssued: true })
  await created(api, '/v1/publicity-items', { gridUnitId: townA.id, title: '团结镇2025年预算公开', category: 'fiscal', channels: ['government_platform', 'notice_board'], publishedAt: '2025-04-10T02:00:00Z' })
  // 乙镇: an open dispute, an event, two services to the public, and an event of another year.
  await createDispute(api, gridB.id, { category: 'labor' })
  await createEvent(api, gridB.id, { venueType: 'school', audience: 'students', attendance: 120, materialsDistributed: 80 })
  await createEvent(api, gridB.id, { startsAt: '2024-05-01T02:00:00Z', attendance: 999 })
  await created(api, '/v1/legal-services', { gridUnitId: villageB.id, subject: '法律咨询', provider: 'village_legal_adviser', recipient: 'public', kind: 'legal_consultation', servedAt: '2025-06-01T02:00:00Z', quantity: 25 })
  return { county, townA, townB, townC, villageA, villageB, gridA, gridB }
}

/** Every numeric leaf of a statistics object by its path, rates (fractions) left out: the additive counts. */
export function counts(statistics: Record<string, unknown>, path = ''): Record<string, number> {
  const found: Record<string, number> = {}
  for (const [key, value] of Object.entries(statistics)) {
    const at = path ? `${path}.${key}` : key
    if (key === 'year' || key === 'gridUnit' || /Rate$|Coverage$/.test(key)) continue
    if (typeof value === 'number') found[at] = value
    else if (value && typeof value === 'object') Object.assign(found, counts(value as Record<string, unknown>, at))
  }
  return found
}
