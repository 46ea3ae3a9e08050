import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import { PgDialect, type PgColumn, type PgTable } from 'drizzle-orm/pg-core'
import { CASING } from './client.js'

// The busiest statements (a list page, a record's write and its audit event) are written as SQL
// templates over column lists rendered once, instead of through Drizzle's query builder, which on
// every call rendered each column and checked the kind of every value: an eighth of a list page's
// CPU and a fifth of a create's (bench/README.md). Values still go through each column's own
// encoder and decoder, so what is stored and read back is what the builder would store and read.

const dialect = new PgDialect({ casing: CASING })

/**
 * A `timestamptz` as PostgreSQL writes it in a UTC session (`2025-06-01 08:00:00.12+00`), rewritten
 * as RFC 3339 (`2025-06-01T08:00:00.120Z`) without making a Date and printing it again, which took
 * a sixth of a list page's CPU. Any other form goes through Date.
 */
export function isoInstant(value: unknown): string {
  if (typeof value !== 'string') return (value as Date).toISOString()
  const n = value.length
  if ((n === 22 || (n >= 24 && n <= 26 && value[19] === '.')) && value[4] === '-' && value[10] === ' ' && value.endsWith('+00')) {
    const fraction = value.slice(19, n - 3)
    return `${value.slice(0, 10)}T${value.slice(11, 19)}${fraction ? fraction.padEnd(4, '0') : '.000'}Z`
  }
  return new Date(value).toISOString()
}

const isInstant = (column: PgColumn) => /^timestamp.*with time zone$/.test(column.getSQLType())

interface Field {
  key: string
  column: PgColumn
  /** `"disputes"."grid_unit_id"` */
  qualified: string
  /** `"grid_unit_id"` */
  quoted: SQL
  name: string
  decode(value: unknown): unknown
}

export interface TableRows {
  /** `"disputes"."id", "disputes"."version", …`: the columns read back. */
  selectList: SQL
  /** Field key → its column's bare, quoted name, for statements over a subquery's rows. */
  quotedNames: Record<string, SQL>
  /** A row as the driver gives it (column names) → the record's fields, instants as RFC 3339 text. */
  read(row: Record<string, unknown>): Record<string, unknown>
  /** `INSERT … RETURNING` the read columns; absent fields take their defaults. */
  insert(values: Record<string, unknown>): SQL
  /** `UPDATE … SET` the given fields (and any extra assignments) `WHERE` …, `RETURNING` the read columns. */
  update(values: Record<string, unknown>, where: SQL, extra?: SQL[]): SQL
}

/** The statements of one table; `read` names the columns read back (all of them by default). */
export function tableRows(table: PgTable, read: Record<string, PgColumn> = getTableColumns(table)): TableRows {
  const fieldOf = (key: string, column: PgColumn): Field => {
    const qualified = dialect.sqlToQuery(sql`${column}`).sql
    const quoted = qualified.slice(qualified.lastIndexOf('.') + 1)
    const decode = isInstant(column) ? isoInstant : (value: unknown) => column.mapFromDriverValue(value)
    return { key, column, qualified, quoted: sql.raw(quoted), name: quoted.slice(1, -1), decode }
  }
  const all = new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [key, fieldOf(key, column as PgColumn)]))
  const readFields = Object.entries(read).map(([key, column]) => fieldOf(key, column))
  const selectList = sql.raw(readFields.map((f) => f.qualified).join(', '))
  const fieldFor = (key: string): Field => {
    const field = all.get(key)
    if (!field) throw new Error(`${key} is not a column of this table`)
    return field
  }
  const param = (field: Field, value: unknown) => (value === null || value === undefined ? sql`NULL` : sql`${field.column.mapToDriverValue(value)}`)
  const present = (values: Record<string, unknown>) => Object.keys(values).filter((key) => values[key] !== undefined).map(fieldFor)

  return {
    selectList,
    quotedNames: Object.fromEntries(readFields.map((f) => [f.key, f.quoted])),
    read(row) {
      const record: Record<string, unknown> = {}
      for (const f of readFields) {
        const value = row[f.name]
        record[f.key] = value === null || value === undefined ? null : f.decode(value)
      }
      return record
    },
    insert(values) {
      const fields = present(values)
      return sql`INSERT INTO ${table} (${sql.join(fields.map((f) => f.quoted), sql`, `)})
        VALUES (${sql.join(fields.map((f) => param(f, values[f.key])), sql`, `)}) RETURNING ${selectList}`
    },
    update(values, where, extra = []) {
      const sets = [...present(values).map((f) => sql`${f.quoted} = ${param(f, values[f.key])}`), ...extra]
      return sql`UPDATE ${table} SET ${sql.join(sets, sql`, `)} WHERE ${where} RETURNING ${selectList}`
    },
  }
}
