import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { instant, recordColumns, searchColumns } from './columns.js'
import { gridUnits } from './grid-units.js'

export const inspections = pgTable(
  'inspections',
  {
    ...recordColumns(),
    gridUnitId: uuid().notNull().references(() => gridUnits.id),
    title: text().notNull(),
    kind: text().notNull(),
    domain: text().notNull(),
    startedAt: instant().notNull(),
    endedAt: instant(),
    casesReviewed: integer().notNull().default(0),
    findings: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    status: text().notNull(),
    ...searchColumns(sql`title`),
  },
  (t) => [
    index('inspections_started_idx').on(t.startedAt, t.id).where(sql`deleted_at IS NULL`),
    index('inspections_grid_started_idx').on(t.gridUnitId, t.startedAt, t.id).where(sql`deleted_at IS NULL`),
    index('inspections_kind_started_idx').on(t.kind, t.startedAt, t.id).where(sql`deleted_at IS NULL`),
    index('inspections_status_started_idx').on(t.status, t.startedAt, t.id).where(sql`deleted_at IS NULL`),
    index('inspections_domain_started_idx').on(t.domain, t.startedAt, t.id).where(sql`deleted_at IS NULL`),
    index('inspections_created_idx').on(t.createdAt, t.id).where(sql`deleted_at IS NULL`),
    index('inspections_updated_idx').on(t.updatedAt, t.id).where(sql`deleted_at IS NULL`),
    index('inspections_search_idx').using('gin', t.searchBigrams).where(sql`deleted_at IS NULL`),
  ],
)
