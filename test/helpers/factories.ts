import type { components } from '../../sdk/schema.js'
import type { Client } from './app.js'

export type GridUnit = components['schemas']['GridUnit']
type GridUnitFields = Partial<components['schemas']['GridUnitCreate']>

let counter = 0
export const uniqueCode = (prefix = 'U') => `${prefix}${process.pid}${Date.now().toString(36)}${++counter}`

export async function createGridUnit(api: Client, fields: GridUnitFields): Promise<GridUnit> {
  const res = await api.post('/v1/grid-units', { code: uniqueCode(), name: '测试单元', level: 'grid', ...fields })
  if (res.status !== 201) throw new Error(`grid unit not created: ${res.status} ${res.text}`)
  return res.body as GridUnit
}

/**
 * A small county: 杭锦后旗 → 团结镇 (→ 团结村 → 一网格, 新华社区) and 陕坝镇 (→ 二网格).
 * Returns the units by name.
 */
export async function createCounty(api: Client) {
  const county = await createGridUnit(api, { name: '杭锦后旗', level: 'county' })
  const town = await createGridUnit(api, { name: '团结镇', level: 'town', parentId: county.id })
  const village = await createGridUnit(api, { name: '团结村', level: 'village', parentId: town.id })
  const grid = await createGridUnit(api, { name: '团结村第一网格', level: 'grid', parentId: village.id })
  const community = await createGridUnit(api, { name: '新华社区', level: 'community', parentId: town.id })
  const otherTown = await createGridUnit(api, { name: '陕坝镇', level: 'town', parentId: county.id })
  const otherGrid = await createGridUnit(api, { name: '陕坝镇第二网格', level: 'grid', parentId: otherTown.id })
  return { county, town, village, grid, community, otherTown, otherGrid }
}
