import { sql } from 'drizzle-orm'
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { instant, recordColumns, searchColumns } from './columns.js'
import { gridUnits } from './grid-units.js'

export const legalEducationEvents = pgTable(
  'legal_education_events',
  {
    ...recordColumns(),
    gridUnitId: uuid().notNull().references(() => gridUnits.id),
    title: text().notNull(),
    theme: text(),
    format: text().notNull(),
    venueType: text().notNull(),
    audience: text().notNull(),
    location: text(),
    organizer: text(),
    startsAt: instant().notNull(),
    endsAt: instant(),
    materialsDistributed: integer().notNull().default(0),
    attendance: integer().notNull().default(0),
    mediaItems: integer().notNull().default(0),
    notes: text(),
    ...searchColumns(
      sql`title || ' ' || coalesce(theme, '') || ' ' || coalesce(location, '') || ' ' || coalesce(organizer, '') || ' ' || coalesce(notes, '')`,
    ),
  },
  (t) => [
    index('legal_education_events_starts_idx').on(t.startsAt, t.id).where(sql`deleted_at IS NULL`),
    index('legal_education_events_grid_starts_idx').on(t.gridUnitId, t.startsAt, t.id).where(sql`deleted_at IS NULL`),
    index('legal_education_events_format_starts_idx').on(t.format, t.startsAt, t.id).where(sql`deleted_at IS NULL`),
    index('legal_education_events_venue_starts_idx').on(t.venueType, t.startsAt, t.id).where(sql`deleted_at IS NULL`),
    index('legal_education_events_audience_starts_idx').on(t.audience, t.startsAt, t.id).where(sql`deleted_at IS NULL`),
    index('legal_education_events_created_idx').on(t.createdAt, t.id).where(sql`deleted_at IS NULL`),
    index('legal_education_events_updated_idx').on(t.updatedAt, t.id).where(sql`deleted_at IS NULL`),
    index('legal_education_events_search_idx').using('gin', t.searchBigrams).where(sql`deleted_at IS NULL`),
  ],
)
