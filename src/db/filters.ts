import { sql, type SQL, type AnyColumn } from 'drizzle-orm'

// The shared filter vocabulary of every list. Each returns one SQL condition.

/** Rows owned by `rootId` or by any unit below it (a grid unit's `path` lists its ancestors and itself). */
export const inSubtree = (ownerColumn: AnyColumn | SQL, rootId: string): SQL =>
  sql`${ownerColumn} IN (SELECT gu.id FROM grid_units gu WHERE gu.path @> ARRAY[${rootId}]::uuid[])`

/**
 * Case-insensitive substring search over a table's `search_text`. From two characters on, the GIN
 * index over its stored bigrams narrows the rows first; LIKE then confirms each match.
 */
export function textSearch(columns: { searchText: AnyColumn; searchBigrams: AnyColumn }, q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const like = sql`${columns.searchText} LIKE lower(${pattern})`
  return [...q].length >= 2 ? sql`${columns.searchBigrams} @> fazhi_bigrams(lower(${q})) AND ${like}` : like
}

const CHINA_OFFSET = '+08:00'
const isPlainDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value)

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  // The day after 9999-12-31 is written `+010000-…` by toISOString; PostgreSQL reads `10000-01-01`.
  return d.toISOString().replace(/^\+0*/, '').slice(0, -'T00:00:00.000Z'.length)
}

/** Inclusive `from`/`to` bounds; a plain date is that whole day in China Standard Time (UTC+8). */
export function dateRange(column: AnyColumn, from: string | undefined, to: string | undefined): SQL[] {
  const conditions: SQL[] = []
  if (from) conditions.push(sql`${column} >= ${isPlainDate(from) ? `${from}T00:00:00${CHINA_OFFSET}` : from}::timestamptz`)
  if (to) {
    conditions.push(
      isPlainDate(to)
        ? sql`${column} < ${`${nextDay(to)}T00:00:00${CHINA_OFFSET}`}::timestamptz`
        : sql`${column} <= ${to}::timestamptz`,
    )
  }
  return conditions
}

export const anyOf = (column: AnyColumn | SQL, values: readonly string[] | undefined): SQL[] =>
  values && values.length > 0 ? [sql`${column} IN (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`] : []
