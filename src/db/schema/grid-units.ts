import { sql } from 'drizzle-orm'
import { type AnyPgColumn, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { recordColumns, searchColumns } from './columns.js'

export interface GridWorkerRow {
  name: string
  role: string
  phone?: string
}

export const gridUnits = pgTable(
  'grid_units',
  {
    ...recordColumns(),
    code: text().notNull(),
    name: text().notNull(),
    level: text().notNull(),
    parentId: uuid().references((): AnyPgColumn => gridUnits.id),
    // Ids from the root down to this unit itself: a subtree is `path @> ARRAY[root]`, served by GIN.
    path: uuid().array().notNull(),
    description: text(),
    workers: jsonb().$type<GridWorkerRow[]>().notNull().default([]),
    facilities: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    ...searchColumns(sql`name || ' ' || code`),
  },
  (t) => [
    uniqueIndex('grid_units_code_live_key').on(t.code).where(sql`deleted_at IS NULL`),
    index('grid_units_code_idx').on(t.code, t.id),
    index('grid_units_name_idx').on(t.name, t.id),
    index('grid_units_created_idx').on(t.createdAt, t.id),
    index('grid_units_updated_idx').on(t.updatedAt, t.id),
    index('grid_units_parent_idx').on(t.parentId),
    index('grid_units_path_idx').using('gin', t.path),
    index('grid_units_search_idx').using('gin', t.searchBigrams),
  ],
)
