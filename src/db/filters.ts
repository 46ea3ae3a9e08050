import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { isPlainDate, nextDay, startOfChinaDay } from '../core/china-time.js'
import { gridUnits } from './schema/index.js'

// The shared filter vocabulary of every list and figure. Each returns SQL conditions.

/**
 * The one subtree predicate: a grid unit's `path` lists its ancestors and itself, so the units at or
 * below `root` are those whose path contains it (served by the GIN index on `path`). `path` is the
 * column of `grid_units` or of an alias of it; `root` an id or an SQL expression.
 */
export const pathUnder = (root: string | SQL, path: AnyColumn | SQL = gridUnits.path): SQL =>
  typeof root === 'string' ? sql`${path} @> ARRAY[${root}]::uuid[]` : sql`${path} @> ARRAY[${root}]`

/** The same test on a path already read: the unit lies at or below `root`. */
export const pathHas = (path: readonly string[], root: string): boolean => path.includes(root)

/** Every root in `roots` bounds the units: a unit must lie below all of them (a jurisdiction and a filter). */
export const unitsUnderAll = (roots: readonly (string | SQL)[]): SQL => sql.join(roots.map((root) => pathUnder(root)), sql` AND `)

/**
 * A root read through a sub-select, so that no plan, custom or generic, is made for its subtree's
 * size: PostgreSQL's plan cache then finds the generic plan no dearer than a custom one and keeps it,
 * and a prepared list is planned once per connection. Only for a statement whose plan must not turn
 * on that size anyway: a list, where the service itself chooses between reading unit by unit and
 * the sort index (keyset.ts).
 */
export const unplannedRoot = (root: string): SQL => sql`(SELECT ${root}::uuid)`

/**
 * Rows whose owner is one of the units matching `units` (a condition on grid_units). `= ANY(ARRAY(…))`,
 * not `IN (…)` or a join: PostgreSQL cannot tell how much of a table a subtree owns, and as a join it
 * may guess a few rows and sort every match of a deep page instead of reading the sort index in order.
 */
export const ownedWithin = (ownerColumn: AnyColumn, units: SQL): SQL =>
  sql`${ownerColumn} = ANY(ARRAY(SELECT ${gridUnits.id} FROM ${gridUnits} WHERE ${units}))`

/**
 * Case-insensitive substring search over a table's `search_text`. From two characters on, the GIN
 * index over its stored bigrams narrows the rows first; LIKE then confirms each match.
 */
export function textSearch(columns: { searchText: AnyColumn; searchBigrams: AnyColumn }, q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const like = sql`${columns.searchText} LIKE lower(${pattern})`
  return [...q].length >= 2 ? sql`${columns.searchBigrams} @> fazhi_bigrams(lower(${q})) AND ${like}` : like
}

/**
 * Conditions bounding a column by a parameter's value. How many rows one matches runs from none to
 * all, and a generic plan guesses a fixed share: with nothing changed since an instant, it would walk
 * the whole sort index. A list holding one is planned for its values on every call (reads.ts).
 */
const boundsByValue = new WeakSet<SQL>()
const boundByValue = (condition: SQL): SQL => {
  boundsByValue.add(condition)
  return condition
}
export const isBoundByValue = (condition: SQL): boolean => boundsByValue.has(condition)

/** Inclusive `from`/`to` bounds; a plain date is that whole day in China Standard Time (UTC+8). */
export function dateRange(column: AnyColumn, from: string | undefined, to: string | undefined): SQL[] {
  const conditions: SQL[] = []
  if (from) conditions.push(boundByValue(sql`${column} >= ${isPlainDate(from) ? startOfChinaDay(from) : from}::timestamptz`))
  if (to) {
    conditions.push(
      boundByValue(isPlainDate(to) ? sql`${column} < ${startOfChinaDay(nextDay(to))}::timestamptz` : sql`${column} <= ${to}::timestamptz`),
    )
  }
  return conditions
}

/** Rows changed after an instant (exclusive): a change feed's next page. */
export const changedSince = (column: AnyColumn, instant: string): SQL => boundByValue(sql`${column} > ${instant}::timestamptz`)

const literals = (values: readonly string[]) => sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', '))

/**
 * One of these values. The values (enum members, checked against the schema) are written into the
 * text, not sent as parameters: a prepared list then has a statement per combination, whose plan
 * is made for exactly those values — a rare status keeps its index when the plan is reused.
 */
export const anyOf = (column: AnyColumn | SQL, values: readonly string[] | undefined): SQL[] =>
  values && values.length > 0 ? [sql`${column} IN (${literals(values)})`] : []

/**
 * A boolean filter: absent means both. The value is written into the text, like `anyOf`'s: a plan
 * made for a parameter could not use a partial index over one value (the petition backlog's).
 */
export const equalsFlag = (column: AnyColumn, value: boolean | undefined): SQL[] =>
  value === undefined ? [] : [sql`${column} = ${sql.raw(value ? 'true' : 'false')}`]

/** A member of a JSON column as text: `(column ->> 'member')`, the form expression indexes are written in. */
export const jsonMember = (column: AnyColumn, member: string): SQL => sql`(${column} ->> ${sql.raw(`'${member.replace(/'/g, "''")}'`)})`

/**
 * Still in one of `openStatuses` more than `days` after `since`: written with literal statuses and
 * interval, not parameters, so the planner can prove a partial index over the open rows applies.
 */
export const openLongerThan = (status: AnyColumn, openStatuses: readonly string[], since: AnyColumn, days: number): SQL =>
  sql`(${status} IN (${literals(openStatuses)}) AND ${since} < now() - interval '${sql.raw(String(Math.trunc(days)))} days')`

/** A yes/no filter over a condition: true keeps the rows that meet it, false the others, absent all. */
export const whether = (condition: SQL, value: boolean | undefined): SQL[] =>
  value === undefined ? [] : [value ? condition : sql`NOT ${condition}`]

/** Rows whose column equals the value given; absent means no condition. */
export const equalTo = (column: AnyColumn, value: string | number | undefined): SQL[] => (value === undefined ? [] : [sql`${column} = ${value}`])

/** Rows whose array column shares at least one of the values (`&&`, served by a GIN index). */
export const overlaps = (column: AnyColumn, values: readonly string[] | undefined): SQL[] =>
  values && values.length > 0 ? [sql`${column} && ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`] : []
