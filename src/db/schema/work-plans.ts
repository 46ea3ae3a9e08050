import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { instant, recordColumns, searchColumns } from './columns.js'
import { gridUnits } from './grid-units.js'

export const workPlans = pgTable(
  'work_plans',
  {
    ...recordColumns(),
    gridUnitId: uuid().notNull().references(() => gridUnits.id),
    year: integer().notNull(),
    title: text().notNull(),
    status: text().notNull(),
    adoptedAt: instant(),
    tasks: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    ...searchColumns(sql`title`),
  },
  (t) => [
    index('work_plans_year_idx').on(t.year, t.id).where(sql`deleted_at IS NULL`),
    index('work_plans_grid_year_idx').on(t.gridUnitId, t.year, t.id).where(sql`deleted_at IS NULL`),
    index('work_plans_status_year_idx').on(t.status, t.year, t.id).where(sql`deleted_at IS NULL`),
    index('work_plans_created_idx').on(t.createdAt, t.id).where(sql`deleted_at IS NULL`),
    index('work_plans_updated_idx').on(t.updatedAt, t.id).where(sql`deleted_at IS NULL`),
    index('work_plans_search_idx').using('gin', t.searchBigrams).where(sql`deleted_at IS NULL`),
  ],
)
