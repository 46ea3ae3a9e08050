import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { instant, recordColumns, searchColumns } from './columns.js'
import { gridUnits } from './grid-units.js'

export const annualReports = pgTable(
  'annual_reports',
  {
    ...recordColumns(),
    gridUnitId: uuid().notNull().references(() => gridUnits.id),
    year: integer().notNull(),
    title: text(),
    addressee: text().notNull(),
    issuer: text().notNull(),
    narrative: jsonb().$type<Record<string, unknown>>().notNull(),
    status: text().notNull(),
    submittedAt: instant(),
    publishedAt: instant(),
    // The figures as filed: written when the report is submitted, cleared when it is returned; a
    // draft's figures are computed on every read instead.
    figures: jsonb().$type<Record<string, unknown>>(),
    ...searchColumns(sql`coalesce(title, '') || ' ' || addressee || ' ' || issuer`),
  },
  (t) => [
    uniqueIndex('annual_reports_unit_year_live_key').on(t.gridUnitId, t.year).where(sql`deleted_at IS NULL`),
    index('annual_reports_year_idx').on(t.year, t.id).where(sql`deleted_at IS NULL`),
    index('annual_reports_grid_year_idx').on(t.gridUnitId, t.year, t.id).where(sql`deleted_at IS NULL`),
    index('annual_reports_status_year_idx').on(t.status, t.year, t.id).where(sql`deleted_at IS NULL`),
    index('annual_reports_created_idx').on(t.createdAt, t.id).where(sql`deleted_at IS NULL`),
    index('annual_reports_updated_idx').on(t.updatedAt, t.id).where(sql`deleted_at IS NULL`),
    index('annual_reports_search_idx').using('gin', t.searchBigrams).where(sql`deleted_at IS NULL`),
  ],
)
