import { sql } from 'drizzle-orm'
import { boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { instant, recordColumns, searchColumns } from './columns.js'
import { gridUnits } from './grid-units.js'

export const disputes = pgTable(
  'disputes',
  {
    ...recordColumns(),
    gridUnitId: uuid().notNull().references(() => gridUnits.id),
    title: text().notNull(),
    description: text(),
    category: text().notNull(),
    source: text().notNull(),
    isPetitionBacklog: boolean().notNull().default(false),
    parties: jsonb().$type<Record<string, unknown>[]>().notNull(),
    reportedAt: instant().notNull(),
    mediator: text(),
    status: text().notNull(),
    resolution: jsonb().$type<Record<string, unknown>>(),
    ...searchColumns(sql`title || ' ' || coalesce(description, '') || ' ' || coalesce(mediator, '')`),
  },
  (t) => [
    index('disputes_reported_idx').on(t.reportedAt, t.id).where(sql`deleted_at IS NULL`),
    index('disputes_grid_reported_idx').on(t.gridUnitId, t.reportedAt, t.id).where(sql`deleted_at IS NULL`),
    index('disputes_status_reported_idx').on(t.status, t.reportedAt, t.id).where(sql`deleted_at IS NULL`),
    index('disputes_source_reported_idx').on(t.source, t.reportedAt, t.id).where(sql`deleted_at IS NULL`),
    // 信访积案 are few: a partial index finds them without walking every dispute.
    index('disputes_backlog_reported_idx').on(t.reportedAt, t.id).where(sql`deleted_at IS NULL AND is_petition_backlog`),
    // `overdue` is "still open and reported before now() - 30 days": this partial index keeps only
    // open disputes, so the filter reads the open ones by date instead of every dispute.
    index('disputes_open_reported_idx')
      .on(t.reportedAt, t.id)
      .where(sql`deleted_at IS NULL AND status IN ('reported', 'mediating', 'escalated')`),
    // 积案 are counted by the year they were resolved, a date inside the JSON (RFC 3339 UTC text, whose
    // byte order is time order): a unit's year of resolved backlogs is an index range.
    index('disputes_grid_backlog_resolved_idx')
      .on(t.gridUnitId, sql`((resolution ->> 'resolvedAt') COLLATE "C")`)
      .where(sql`deleted_at IS NULL AND is_petition_backlog AND status = 'resolved'`),
    index('disputes_category_reported_idx').on(t.category, t.reportedAt, t.id).where(sql`deleted_at IS NULL`),
    index('disputes_created_idx').on(t.createdAt, t.id).where(sql`deleted_at IS NULL`),
    index('disputes_updated_idx').on(t.updatedAt, t.id).where(sql`deleted_at IS NULL`),
    index('disputes_search_idx').using('gin', t.searchBigrams).where(sql`deleted_at IS NULL`),
  ],
)
