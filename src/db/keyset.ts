import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import { decodeCursor, encodeCursor } from '../core/cursor.js'
import { invalid } from '../core/problems.js'
import { queryRows, type Executor } from './client.js'
import type { TableRows } from './statements.js'
import { gridUnits } from './schema/index.js'

export interface SortField {
  column: AnyColumn
  kind: 'timestamp' | 'text'
  /** An index on (owning grid unit, this column, id) exists: subtree lists read it unit by unit. */
  ownerIndexed?: boolean
}

export interface PageRequest {
  sort: string
  cursor?: string | undefined
  limit: number
}

export interface Page<Row> {
  rows: Row[]
  nextCursor: string | null
}

/** Rows limited to the grid units matching `units` (a condition on grid_units), through `column`. */
export interface OwnerScope {
  column: AnyColumn
  units: SQL
}

type KeysetTable = PgTable & { id: AnyColumn }

/**
 * Reading unit by unit pays off for a few units (a grid, a village): each one's rows come straight
 * from its own index. A large subtree reads better through the sort index: for a town of 89 units
 * and a status filter, the per-unit read fetched some 200 rows per unit to keep 21 (128 ms, against
 * 1.6 ms through the status index, on the benchmark's million disputes; bench/README.md).
 */
const PER_UNIT_MAX_UNITS = 24

async function fewUnits(db: Executor, units: SQL): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${gridUnits} WHERE ${units} LIMIT ${PER_UNIT_MAX_UNITS + 1}) u`,
  )
  return (row?.n ?? 0) <= PER_UNIT_MAX_UNITS
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
export async function keysetPage<Row extends { id: string }>(
  db: Executor,
  table: KeysetTable,
  reader: TableRows,
  sortFields: Record<string, SortField>,
  where: SQL[],
  page: PageRequest,
  field: (row: Row, name: string) => unknown,
  owners?: OwnerScope,
): Promise<Page<Row>> {
  const descending = page.sort.startsWith('-')
  const name = descending ? page.sort.slice(1) : page.sort
  const sortField = sortFields[name]
  if (!sortField) throw invalid([{ in: 'query', pointer: '/sort', message: `cannot sort by ${name}` }])
  const conditions = [...where]
  if (page.cursor) {
    const cursor = decodeCursor(page.cursor, page.sort)
    if (typeof cursor.value !== 'string' || (sortField.kind === 'timestamp' && Number.isNaN(Date.parse(cursor.value)))) {
      throw invalid([{ in: 'query', pointer: '/cursor', message: 'is not a cursor this service issued' }])
    }
    const value = sortField.kind === 'timestamp' ? sql`${cursor.value}::timestamptz` : sql`${cursor.value}`
    conditions.push(
      descending
        ? sql`(${sortField.column}, ${table.id}) < (${value}, ${cursor.id}::uuid)`
        : sql`(${sortField.column}, ${table.id}) > (${value}, ${cursor.id}::uuid)`,
    )
  }
  const direction = descending ? sql`DESC` : sql`ASC`
  const take = page.limit + 1
  const order = sql`${sortField.column} ${direction}, ${table.id} ${direction}`
  let statement: SQL
  if (owners && sortField.ownerIndexed && (await fewUnits(db, owners.units))) {
    const perUnit = sql`SELECT ${reader.selectList} FROM ${table}
      WHERE ${and(sql`${owners.column} = units.unit_id`, ...conditions)} ORDER BY ${order} LIMIT ${take}`
    statement = sql`SELECT per_unit.* FROM (SELECT ${gridUnits.id} AS unit_id FROM ${gridUnits} WHERE ${owners.units}) units
      CROSS JOIN LATERAL (${perUnit}) per_unit
      ORDER BY per_unit.${reader.quotedNames[name]} ${direction}, per_unit.${reader.quotedNames.id} ${direction} LIMIT ${take}`
  } else {
    // `= ANY(ARRAY(…))`, not `IN (…)`: PostgreSQL cannot tell how much of the table a subtree owns,
    // and as a join it guessed a few rows and chose to sort every match of a deep page (3.8 s for a
    // town 10 000 rows in, against 0.2 ms reading the sort index in order, as it does now).
    if (owners) conditions.push(sql`${owners.column} = ANY(ARRAY(SELECT ${gridUnits.id} FROM ${gridUnits} WHERE ${owners.units}))`)
    statement = sql`SELECT ${reader.selectList} FROM ${table} WHERE ${and(...conditions)} ORDER BY ${order} LIMIT ${take}`
  }
  const rows = (await queryRows<Record<string, unknown>>(db, statement)).map(reader.read) as Row[]
  if (rows.length <= page.limit) return { rows, nextCursor: null }
  rows.length = page.limit
  const last = rows[page.limit - 1]!
  const lastValue = field(last, name)
  return {
    rows,
    nextCursor: encodeCursor({
      sort: page.sort,
      value: lastValue instanceof Date ? lastValue.toISOString() : String(lastValue),
      id: last.id,
    }),
  }
}
