import { anyOf, equalTo } from '../../db/filters.js'
import { sortBy, timeSorts } from '../../db/keyset.js'
import { gridUnits } from '../../db/schema/index.js'
import { defineResource } from '../../records/define-resource.js'
import { unitTree } from '../../records/unit-tree.js'
import { GridFacility, GridUnit, GridUnitCreate, GridUnitUpdate, GridWorker, gridUnitFilters, type Level } from './schema.js'

/** county > town > village/community > grid; a unit's parent sits at any higher level (a grid may hang straight under a town). */
const rank: Record<Level, number> = { county: 0, town: 1, village: 2, community: 2, grid: 3 }

export const gridUnitsResource = defineResource({
  collection: 'grid-units',
  noun: 'grid unit',
  names: { one: 'GridUnit', many: 'GridUnits' },
  label: '网格单元',
  tag: { name: 'Grid units', description: '网格: counties, towns, villages, communities and grids, with their workers.' },
  schemas: { create: GridUnitCreate, update: GridUnitUpdate, record: GridUnit, filters: gridUnitFilters, components: [GridWorker, GridFacility] },
  table: gridUnits,
  owner: unitTree({ parentField: 'parentId', levelField: 'level', rank }),
  unique: { grid_units_code_live_key: 'code' },
  sorts: {
    code: sortBy(gridUnits.code),
    name: sortBy(gridUnits.name),
    ...timeSorts(gridUnits),
  },
  defaultSort: 'code',
  filters: (query) => [...anyOf(gridUnits.level, query.level), ...equalTo(gridUnits.parentId, query.parentId)],
  docs: {
    list: 'Filters: `level` (repeatable), `parentId` (direct children), `gridUnitId` (the unit and its whole subtree), `q` (name, code), `updatedSince`.',
    create: 'Rules: the parent exists and sits at a higher level (county > town > village/community > grid; a grid may hang straight under a town) — `parent-level`, `grid-unit-exists`; `code` is unique among live units (409 `conflict`).',
    update: 'Re-parenting moves the whole subtree and may never make a cycle (`no-cycle`); a level change must keep every child below it (`parent-level`).',
    delete: 'A unit that still has child units, records or API keys bound to it cannot be deleted (409 `rule-violation`, rule `grid-unit-in-use`).',
  },
  sheet: {
    headers: {
      name: '名称',
      code: '编码',
      level: '层级',
      gridUnitCode: '上级单位编码',
      gridUnitName: '上级单位',
      description: '说明',
      workers: '工作人员',
      facilities: '法治阵地',
      id: '记录编号',
      createdAt: '录入时间',
      updatedAt: '最后修改时间',
    },
  },
})
