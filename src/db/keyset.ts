import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import { decodeCursor, encodeCursor } from '../core/cursor.js'
import { invalid } from '../core/problems.js'
import { queryRows, type Executor } from './client.js'
import { ownedWithin } from './filters.js'
import { isInstant, preparedRows, statementKey, type TableStatements } from './statements.js'
import { gridUnits } from './schema/index.js'

export interface SortField {
  column: PgColumn
  /** An index on (owning grid unit, this column, id) exists: a small subtree's list reads it unit by unit. */
  perUnitIndex?: boolean
}

/** A sort field on `column`; instants and text are compared as what they are. */
export const sortBy = (column: PgColumn, options: { perUnitIndex?: boolean } = {}): SortField => ({ column, ...options })

export interface PageRequest {
  sort: string
  cursor?: string | undefined
  limit: number
}

export interface Page<Row> {
  rows: Row[]
  nextCursor: string | null
}

export interface KeysetQuery {
  table: PgTable & { id: AnyColumn }
  statements: TableStatements
  sorts: Record<string, SortField>
  /** Conditions every row must meet (live, filters, search). */
  where: SQL[]
  page: PageRequest
  /** Only rows owned (through `column`) by the grid units matching `units`, a condition on grid_units. */
  owners?: { column: AnyColumn; units: SQL } | undefined
  /** Send the statement prepared under a name (parsed and planned once per connection); see `reads.ts`. */
  prepared?: boolean
}

/**
 * Reading unit by unit pays off for a few units (a grid, a village): each one's rows come straight
 * from its own index. A large subtree reads better through the sort index, which a filter narrows
 * without fetching a page's worth of rows per unit (bench/README.md).
 */
const PER_UNIT_MAX_UNITS = 24

/**
 * Subtree sizes seen lately, per database and units condition. The size only chooses the plan, never
 * the rows, so a size a minute stale (a unit added since) costs at most some speed; a list then
 * costs one statement, not a count first.
 */
const SUBTREE_SIZE_TTL_MS = 60_000
const SUBTREE_SIZES_KEPT = 10_000
const subtreeSizes = new WeakMap<Executor, Map<string, { few: boolean; until: number }>>()

async function fewUnits(db: Executor, units: SQL): Promise<boolean> {
  const count = sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${gridUnits} WHERE ${units} LIMIT ${PER_UNIT_MAX_UNITS + 1}) u`
  let sizes = subtreeSizes.get(db)
  if (!sizes) subtreeSizes.set(db, (sizes = new Map()))
  const key = statementKey(count)
  const now = Date.now()
  const known = sizes.get(key)
  if (known && known.until > now) return known.few
  const [row] = await preparedRows<{ n: number }>(db, count)
  const few = (row?.n ?? 0) <= PER_UNIT_MAX_UNITS
  sizes.delete(key)
  if (sizes.size >= SUBTREE_SIZES_KEPT) sizes.delete(sizes.keys().next().value!)
  sizes.set(key, { few, until: now + SUBTREE_SIZE_TTL_MS })
  return few
}

function cursorCondition(q: KeysetQuery, field: SortField, descending: boolean): SQL[] {
  if (!q.page.cursor) return []
  const cursor = decodeCursor(q.page.cursor, q.page.sort)
  const instant = isInstant(field.column)
  if (typeof cursor.value !== 'string' || (instant && Number.isNaN(Date.parse(cursor.value)))) {
    throw invalid([{ in: 'query', pointer: '/cursor', message: 'is not a cursor this service issued' }])
  }
  const value = instant ? sql`${cursor.value}::timestamptz` : sql`${cursor.value}`
  return [
    descending
      ? sql`(${field.column}, ${q.table.id}) < (${value}, ${cursor.id}::uuid)`
      : sql`(${field.column}, ${q.table.id}) > (${value}, ${cursor.id}::uuid)`,
  ]
}

/** The statement of one page: read unit by unit (`perUnit`) or through the sort index. */
export function keysetStatement(q: KeysetQuery, perUnit: boolean): SQL {
  const descending = q.page.sort.startsWith('-')
  const name = descending ? q.page.sort.slice(1) : q.page.sort
  const field = q.sorts[name]
  if (!field) throw invalid([{ in: 'query', pointer: '/sort', message: `cannot sort by ${name}` }])
  const conditions = [...q.where, ...cursorCondition(q, field, descending)]
  const direction = descending ? sql`DESC` : sql`ASC`
  if (!Number.isInteger(q.page.limit) || q.page.limit < 1) throw new Error(`page size ${q.page.limit} is not a positive integer`)
  // The page size is written into the text: as a parameter, PostgreSQL would cost a generic plan as
  // if it read a tenth of the rows, and never reuse one.
  const take = sql.raw(String(q.page.limit + 1))
  const order = sql`${field.column} ${direction}, ${q.table.id} ${direction}`
  const { statements, table, owners } = q
  if (owners && perUnit) {
    const unitPage = sql`SELECT ${statements.selectList} FROM ${table}
      WHERE ${and(sql`${owners.column} = units.unit_id`, ...conditions)} ORDER BY ${order} LIMIT ${take}`
    return sql`SELECT per_unit.* FROM (SELECT ${gridUnits.id} AS unit_id FROM ${gridUnits} WHERE ${owners.units}) units
      CROSS JOIN LATERAL (${unitPage}) per_unit
      ORDER BY per_unit.${statements.quotedNames[name]} ${direction}, per_unit.${statements.quotedNames.id} ${direction} LIMIT ${take}`
  }
  if (owners) conditions.push(ownedWithin(owners.column, owners.units))
  return sql`SELECT ${statements.selectList} FROM ${table} WHERE ${and(...conditions)} ORDER BY ${order} LIMIT ${take}`
}

/**
 * Keyset paging over `(sort column, id)`: the cursor carries the last row's pair and the next page
 * starts strictly after it, so page 10 000 costs what page 1 costs (an index range scan) and rows
 * inserted or deleted meanwhile never make a row appear twice.
 *
 * A list limited to a small subtree of grid units, sorted by a column indexed per unit, is read unit
 * by unit (a LATERAL join taking each unit's first rows from its index, then merged): a small unit's
 * few old rows are then found at once, instead of by walking the whole table's sort index.
 */
export async function keysetPage(db: Executor, q: KeysetQuery): Promise<Page<Record<string, unknown> & { id: string }>> {
  const name = q.page.sort.replace(/^-/, '')
  const perUnit = Boolean(q.owners && q.sorts[name]?.perUnitIndex && (await fewUnits(db, q.owners.units)))
  const statement = keysetStatement(q, perUnit)
  const run = q.prepared ? preparedRows : queryRows
  const rows = (await run<Record<string, unknown>>(db, statement)).map(q.statements.decode) as (Record<string, unknown> & { id: string })[]
  if (rows.length <= q.page.limit) return { rows, nextCursor: null }
  rows.length = q.page.limit
  const last = rows[q.page.limit - 1]!
  return { rows, nextCursor: encodeCursor({ sort: q.page.sort, value: String(last[name]), id: last.id }) }
}

/** The sorts every record table has: by creation and by last change. */
export const timeSorts = (table: { createdAt: PgColumn; updatedAt: PgColumn }): Record<'createdAt' | 'updatedAt', SortField> => ({
  createdAt: sortBy(table.createdAt),
  updatedAt: sortBy(table.updatedAt),
})
