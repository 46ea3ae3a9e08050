import { sql } from 'drizzle-orm'
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { instant, recordColumns, searchColumns } from './columns.js'
import { gridUnits } from './grid-units.js'

export const publicityItems = pgTable(
  'publicity_items',
  {
    ...recordColumns(),
    gridUnitId: uuid().notNull().references(() => gridUnits.id),
    title: text().notNull(),
    category: text().notNull(),
    channels: text().array().notNull(),
    publishedAt: instant().notNull(),
    uri: text(),
    ...searchColumns(sql`title`),
  },
  (t) => [
    index('publicity_items_published_idx').on(t.publishedAt, t.id).where(sql`deleted_at IS NULL`),
    index('publicity_items_grid_published_idx').on(t.gridUnitId, t.publishedAt, t.id).where(sql`deleted_at IS NULL`),
    index('publicity_items_category_published_idx').on(t.category, t.publishedAt, t.id).where(sql`deleted_at IS NULL`),
    // `channel` asks for items with any of the given channels among theirs: an overlap the GIN index answers.
    index('publicity_items_channels_idx').using('gin', t.channels).where(sql`deleted_at IS NULL`),
    index('publicity_items_created_idx').on(t.createdAt, t.id).where(sql`deleted_at IS NULL`),
    index('publicity_items_updated_idx').on(t.updatedAt, t.id).where(sql`deleted_at IS NULL`),
    index('publicity_items_search_idx').using('gin', t.searchBigrams).where(sql`deleted_at IS NULL`),
  ],
)
