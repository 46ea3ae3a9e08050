import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import { integer, text, timestamp, uuid, type PgColumn, type PgTable } from 'drizzle-orm/pg-core'

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
 * What the `q` filter searches: the lower-cased text, and its bigrams (fazhi_bigrams, see the
 * first migration) under a GIN index, which serves two-character Chinese words such as 土地 that
 * trigrams cannot. The bigrams are stored, not an index expression, so rechecking a lossy bitmap
 * reads them instead of recomputing them row by row. (A generated column cannot read another,
 * hence the expression twice.)
 */
export const searchColumns = (expression: SQL) => ({
  searchText: text().generatedAlwaysAs(sql`lower(${expression})`),
  searchBigrams: text().array().generatedAlwaysAs(sql`fazhi_bigrams(lower(${expression}))`),
})

/**
 * The columns a record is read back with: all but the search columns, which only the `q` filter
 * reads, inside PostgreSQL. Fetching them cost every list page the parsing of some hundred bigrams
 * a row (a sixth of its CPU, and most of its garbage).
 */
export function readColumns<T extends PgTable>(table: T): Omit<T['_']['columns'], 'searchText' | 'searchBigrams'> {
  const { searchText: _text, searchBigrams: _bigrams, ...read } = getTableColumns(table) as Record<string, PgColumn>
  return read as Omit<T['_']['columns'], 'searchText' | 'searchBigrams'>
}
