import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { instant, recordColumns, searchColumns } from './columns.js'
import { gridUnits } from './grid-units.js'

export const ruleOfLawMeetings = pgTable(
  'rule_of_law_meetings',
  {
    ...recordColumns(),
    gridUnitId: uuid().notNull().references(() => gridUnits.id),
    title: text().notNull(),
    kind: text().notNull(),
    heldAt: instant().notNull(),
    chairedBy: text().notNull(),
    chairIsPrincipal: boolean().notNull().default(false),
    attendance: integer().notNull().default(0),
    summary: text(),
    issues: jsonb().$type<Record<string, unknown>[]>().notNull().default([]),
    ...searchColumns(sql`title || ' ' || chaired_by || ' ' || coalesce(summary, '')`),
  },
  (t) => [
    index('rule_of_law_meetings_held_idx').on(t.heldAt, t.id).where(sql`deleted_at IS NULL`),
    index('rule_of_law_meetings_grid_held_idx').on(t.gridUnitId, t.heldAt, t.id).where(sql`deleted_at IS NULL`),
    index('rule_of_law_meetings_kind_held_idx').on(t.kind, t.heldAt, t.id).where(sql`deleted_at IS NULL`),
    index('rule_of_law_meetings_created_idx').on(t.createdAt, t.id).where(sql`deleted_at IS NULL`),
    index('rule_of_law_meetings_updated_idx').on(t.updatedAt, t.id).where(sql`deleted_at IS NULL`),
    index('rule_of_law_meetings_search_idx').using('gin', t.searchBigrams).where(sql`deleted_at IS NULL`),
  ],
)
