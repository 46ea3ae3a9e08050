import { sql } from 'drizzle-orm'
import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { instant, recordColumns, searchColumns } from './columns.js'
import { gridUnits } from './grid-units.js'

export const enforcementCases = pgTable(
  'enforcement_cases',
  {
    ...recordColumns(),
    gridUnitId: uuid().notNull().references(() => gridUnits.id),
    caseNumber: text().notNull(),
    title: text().notNull(),
    domain: text().notNull(),
    isMajor: boolean().notNull().default(false),
    party: jsonb().$type<Record<string, unknown>>().notNull(),
    officers: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    registeredAt: instant().notNull(),
    status: text().notNull(),
    legalReview: jsonb().$type<Record<string, unknown>>(),
    decision: jsonb().$type<Record<string, unknown>>(),
    publishedAt: instant(),
    recordings: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    reviews: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    ...searchColumns(sql`case_number || ' ' || title`),
  },
  (t) => [
    uniqueIndex('enforcement_cases_case_number_live_key').on(t.caseNumber).where(sql`deleted_at IS NULL`),
    index('enforcement_cases_case_number_idx').on(t.caseNumber, t.id).where(sql`deleted_at IS NULL`),
    index('enforcement_cases_registered_idx').on(t.registeredAt, t.id).where(sql`deleted_at IS NULL`),
    // `overdue` is "still open and registered before now() - 90 days": this partial index keeps
    // only open cases, so the filter reads the open ones by date instead of every case.
    index('enforcement_cases_open_registered_idx')
      .on(t.registeredAt, t.id)
      .where(sql`deleted_at IS NULL AND status IN ('registered', 'investigating', 'legal_review')`),
    // Major cases (重大执法决定) are few: a partial index serves `isMajor=true`.
    index('enforcement_cases_major_registered_idx').on(t.registeredAt, t.id).where(sql`deleted_at IS NULL AND is_major`),
    // Reviews are counted by the year they were filed, a date inside the JSON: the statistics read
    // a unit's reviewed cases through this index instead of every case of the unit.
    index('enforcement_cases_grid_reviewed_idx').on(t.gridUnitId).where(sql`deleted_at IS NULL AND reviews <> '[]'::jsonb`),
    index('enforcement_cases_grid_registered_idx').on(t.gridUnitId, t.registeredAt, t.id).where(sql`deleted_at IS NULL`),
    index('enforcement_cases_status_registered_idx').on(t.status, t.registeredAt, t.id).where(sql`deleted_at IS NULL`),
    index('enforcement_cases_domain_registered_idx').on(t.domain, t.registeredAt, t.id).where(sql`deleted_at IS NULL`),
    index('enforcement_cases_created_idx').on(t.createdAt, t.id).where(sql`deleted_at IS NULL`),
    index('enforcement_cases_updated_idx').on(t.updatedAt, t.id).where(sql`deleted_at IS NULL`),
    index('enforcement_cases_search_idx').using('gin', t.searchBigrams).where(sql`deleted_at IS NULL`),
  ],
)
