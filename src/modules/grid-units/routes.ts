import type { FastifyInstance } from 'fastify'
import { registerRecordRoutes } from '../../http/record-routes.js'
import type { ModuleContext } from '../../records/record-service.js'
import { GridUnit, GridUnitCreate, GridUnitList, GridUnitListQuery, GridUnitUpdate } from './schema.js'
import { gridUnitService } from './service.js'

export async function gridUnitRoutes(app: FastifyInstance, ctx: ModuleContext) {
  registerRecordRoutes(app, ctx, {
    collection: 'grid-units',
    tag: 'Grid units',
    one: 'GridUnit',
    many: 'GridUnits',
    label: '网格单元',
    schemas: { record: GridUnit, create: GridUnitCreate, update: GridUnitUpdate, list: GridUnitList, query: GridUnitListQuery },
    service: gridUnitService(ctx),
    notes: {
      list: 'Filters: `level` (repeatable), `parentId` (direct children), `gridUnitId` (the unit and its whole subtree), `q` (name, code), `updatedSince`. Sorts: `code` (default), `name`, `createdAt`, `updatedAt`.',
      create: 'Rules: the parent exists and sits at a higher level (county > town > village/community > grid; a grid may hang straight under a town) — `parent-level`, `grid-unit-exists`; `code` is unique among live units (409 `conflict`).',
      update: 'Re-parenting moves the whole subtree and may never make a cycle (`no-cycle`); a level change must keep every child below it (`parent-level`).',
      delete: 'A unit that still has child units, records or API keys bound to it cannot be deleted (409 `rule-violation`, rule `grid-unit-in-use`).',
    },
  })
}
