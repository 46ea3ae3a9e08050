import { sql } from 'drizzle-orm'
import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { instant, recordColumns, searchColumns } from './columns.js'
import { gridUnits } from './grid-units.js'

export const legalServices = pgTable(
  'legal_services',
  {
    ...recordColumns(),
    gridUnitId: uuid().notNull().references(() => gridUnits.id),
    subject: text().notNull(),
    provider: text().notNull(),
    providerName: text(),
    recipient: text().notNull(),
    kind: text().notNull(),
    servedAt: instant().notNull(),
    quantity: integer().notNull().default(1),
    opinionIssued: boolean().notNull().default(false),
    notes: text(),
    ...searchColumns(sql`subject || ' ' || coalesce(provider_name, '') || ' ' || coalesce(notes, '')`),
  },
  (t) => [
    index('legal_services_served_idx').on(t.servedAt, t.id).where(sql`deleted_at IS NULL`),
    index('legal_services_grid_served_idx').on(t.gridUnitId, t.servedAt, t.id).where(sql`deleted_at IS NULL`),
    index('legal_services_kind_served_idx').on(t.kind, t.servedAt, t.id).where(sql`deleted_at IS NULL`),
    index('legal_services_provider_served_idx').on(t.provider, t.servedAt, t.id).where(sql`deleted_at IS NULL`),
    index('legal_services_created_idx').on(t.createdAt, t.id).where(sql`deleted_at IS NULL`),
    index('legal_services_updated_idx').on(t.updatedAt, t.id).where(sql`deleted_at IS NULL`),
    index('legal_services_search_idx').using('gin', t.searchBigrams).where(sql`deleted_at IS NULL`),
  ],
)
