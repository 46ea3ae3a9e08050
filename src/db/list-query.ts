import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import { decodeCursor, encodeCursor } from '../http/cursor.js'
import { invalid } from '../http/problems.js'
import type { Executor } from './client.js'

export interface SortField {
  column: AnyColumn
  kind: 'timestamp' | 'text'
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

/**
 * Keyset paging over `(sort column, id)`: the cursor carries the last row's pair and the next page
 * starts strictly after it, so page 10 000 costs what page 1 costs (an index range scan) and rows
 * inserted or deleted meanwhile never make a row appear twice.
 */
export async function keysetPage<Row extends { id: string }>(
  db: Executor,
  table: PgTable & { id: AnyColumn },
  sortFields: Record<string, SortField>,
  where: SQL[],
  page: PageRequest,
  field: (row: Row, name: string) => unknown,
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
  const rows = (await db
    .select()
    .from(table)
    .where(and(...conditions))
    .orderBy(sql`${sortField.column} ${direction}`, sql`${table.id} ${direction}`)
    .limit(page.limit + 1)) as Row[]
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
