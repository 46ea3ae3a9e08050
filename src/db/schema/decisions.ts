import { sql } from 'drizzle-orm'
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { instant, recordColumns, searchColumns } from './columns.js'
import { gridUnits } from './grid-units.js'

export const decisions = pgTable(
  'decisions',
  {
    ...recordColumns(),
    gridUnitId: uuid().notNull().references(() => gridUnits.id),
    title: text().notNull(),
    summary: text(),
    category: text().notNull(),
    proposedBy: text().notNull(),
    proposedAt: instant().notNull(),
    status: text().notNull(),
    publicParticipation: jsonb().$type<Record<string, unknown>>(),
    expertArgumentation: jsonb().$type<Record<string, unknown>>(),
    riskAssessment: jsonb().$type<Record<string, unknown>>(),
    legalityReview: jsonb().$type<Record<string, unknown>>(),
    collectiveDiscussion: jsonb().$type<Record<string, unknown>>(),
    publishedAt: instant(),
    ...searchColumns(sql`title || ' ' || coalesce(summary, '') || ' ' || proposed_by`),
  },
  (t) => [
    index('decisions_proposed_idx').on(t.proposedAt, t.id).where(sql`deleted_at IS NULL`),
    index('decisions_grid_proposed_idx').on(t.gridUnitId, t.proposedAt, t.id).where(sql`deleted_at IS NULL`),
    index('decisions_status_proposed_idx').on(t.status, t.proposedAt, t.id).where(sql`deleted_at IS NULL`),
    index('decisions_category_proposed_idx').on(t.category, t.proposedAt, t.id).where(sql`deleted_at IS NULL`),
    index('decisions_conclusion_proposed_idx')
      .on(sql`(legality_review ->> 'conclusion')`, t.proposedAt, t.id)
      .where(sql`deleted_at IS NULL`),
    // Legality reviews and adoptions are counted by their own dates, kept inside the JSON as RFC 3339
    // UTC text (normalizeDateTimes), whose byte order is time order: a unit's year is an index range.
    index('decisions_grid_reviewed_idx')
      .on(t.gridUnitId, sql`((legality_review ->> 'completedAt') COLLATE "C")`)
      .where(sql`deleted_at IS NULL AND legality_review IS NOT NULL`),
    index('decisions_grid_adopted_idx')
      .on(t.gridUnitId, sql`((collective_discussion ->> 'heldAt') COLLATE "C")`)
      .where(sql`deleted_at IS NULL AND status = 'adopted'`),
    index('decisions_created_idx').on(t.createdAt, t.id).where(sql`deleted_at IS NULL`),
    index('decisions_updated_idx').on(t.updatedAt, t.id).where(sql`deleted_at IS NULL`),
    index('decisions_search_idx').using('gin', t.searchBigrams).where(sql`deleted_at IS NULL`),
  ],
)
