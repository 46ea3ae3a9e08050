import { sql, type SQL } from 'drizzle-orm'
import { integer, text, timestamp, uuid } from 'drizzle-orm/pg-core'

// Millisecond precision everywhere: JavaScript dates carry milliseconds, and keyset cursors compare
// the value a client saw with the stored one, so the two must be the same instant.
export const instant = () => timestamp({ withTimezone: true, precision: 3, mode: 'date' })

/** Columns every record has: identity, optimistic-lock version, times, and the soft-delete mark. */
export const recordColumns = () => ({
  id: uuid().primaryKey().default(sql`gen_random_uuid()`),
  version: integer().notNull().default(1),
  createdAt: instant().notNull().defaultNow(),
  updatedAt: instant().notNull().defaultNow(),
  deletedAt: instant(),
})

/**
 * Lower-cased text the `q` filter searches. A GIN index over its bigrams (fazhi_bigrams, see the
 * first migration) serves two-character Chinese words such as 土地, which trigrams cannot.
 */
export const searchText = (expression: SQL) => text().generatedAlwaysAs(sql`lower(${expression})`)

export const gridUnitReference = () => uuid().notNull()
