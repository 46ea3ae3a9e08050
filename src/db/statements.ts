import { createHash } from 'node:crypto'
import { getTableColumns, is, Param, Placeholder, SQL, sql } from 'drizzle-orm'
import { alias, PgDialect, type PgColumn, type PgTable } from 'drizzle-orm/pg-core'
import { CASING, type Executor } from './client.js'

// The busiest statements (a list page, a record's write and its audit event) are SQL templates over
// column lists rendered once, not Drizzle's query builder, which renders every column and checks the
// kind of every value on each call (bench/README.md). Values still go through each column's own
// encoder and decoder, so what is stored and read back is what the builder would store and read.

const dialect = new PgDialect({ casing: CASING })

/**
 * A `timestamptz` as PostgreSQL writes it in a UTC session (`2025-06-01 08:00:00.12+00`), rewritten
 * as RFC 3339 (`2025-06-01T08:00:00.120Z`) by slicing the text: making a Date and printing it again
 * costs a list page a measurable share of its CPU. Any other form (a Date included) goes through Date.
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

export const isInstant = (column: PgColumn) => /^timestamp.*with time zone$/.test(column.getSQLType())

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

export interface TableStatements {
  /** `"disputes"."id", "disputes"."version", …`: the columns read back. */
  selectList: SQL
  /** Field key → its column's bare, quoted name, for statements over a subquery's rows. */
  quotedNames: Record<string, SQL>
  /**
   * A row as the driver gives it (column names) → the fields, instants as RFC 3339 text: the one
   * decoder of every read, whichever statement produced the row.
   */
  decode(row: Record<string, unknown>): Record<string, unknown>
  /** `INSERT … RETURNING` the read columns; absent fields take their defaults. */
  insert(values: Record<string, unknown>): SQL
  /** `UPDATE … SET` the given fields (and any extra assignments) `WHERE` …, `RETURNING` the read columns. */
  update(values: Record<string, unknown>, where: SQL, extra?: SQL[]): SQL
}

/** The statements of one table; `read` names the columns read back (all of them by default). */
export function tableStatements(table: PgTable, read: Record<string, PgColumn> = getTableColumns(table)): TableStatements {
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
    decode(row) {
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

/**
 * A table under another name, for statements that read it twice or join it laterally: `columns`
 * render as `"alias"."column"`, `from` as `"table" "alias"` (an alias alone renders only its name).
 */
export function aliased<T extends PgTable>(table: T, name: string): { columns: T; from: SQL; name: SQL } {
  return { columns: alias(table, name) as unknown as T, from: sql`${table} ${sql.identifier(name)}`, name: sql`${sql.identifier(name)}` }
}

/** A statement's text and values as one string: equal keys, equal statements. */
export const statementKey = (statement: SQL): string => {
  const { sql: text, params } = dialect.sqlToQuery(statement)
  return `${text}\u0000${JSON.stringify(params)}`
}

/** A statement's text, rendered once; its parameters are numbered in the order they appear. */
export const renderedText = (statement: SQL): string => dialect.sqlToQuery(statement).sql

/**
 * Rows of a statement sent under a name (node-postgres prepared statement): PostgreSQL parses and
 * plans it once per connection. The name must stand for one text, rendered once (`renderedText`),
 * so a hot statement costs no rendering per call; the values may differ.
 */
export async function namedTextRows<T>(ex: Executor, name: string, text: string, params: unknown[]): Promise<T[]> {
  const result = (await ex._.session.prepareQuery({ sql: text, params }, undefined, name, false).execute()) as { rows: T[] }
  return result.rows
}

const statementNames = new Map<string, string>()

/** The name a statement's text is prepared under: equal texts, equal names. */
function statementName(text: string): string {
  let name = statementNames.get(text)
  if (!name) {
    name = `s_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`
    if (statementNames.size < 10_000) statementNames.set(text, name)
  }
  return name
}

/**
 * Rows of a statement prepared under a name derived from its text: a statement whose text repeats
 * (the same columns, values as parameters) is parsed and planned once per connection.
 */
export async function preparedRows<T>(ex: Executor, statement: SQL | ReadyStatement): Promise<T[]> {
  if (!is(statement, SQL)) return namedTextRows<T>(ex, statement.name, statement.text, statement.params)
  const query = dialect.sqlToQuery(statement)
  const result = (await ex._.session.prepareQuery(query, undefined, statementName(query.sql), false).execute()) as { rows: T[] }
  return result.rows
}

/** A statement ready to send: its name, its text and this call's values. */
export interface ReadyStatement {
  name: string
  text: string
  params: unknown[]
}

/** A shape's rendering: the text, and for each parameter the value's name or a value fixed in the template. */
interface Rendering {
  name: string
  text: string
  slots: ({ named: string } | { fixed: unknown })[]
}

const renderings = new Map<string, Rendering>()

/** A named value of a shaped statement's template (see `shapedStatement`). */
export const slot = (name: string): Placeholder => sql.placeholder(name)

/**
 * A statement whose text follows from its shape alone (the table, the columns it names, the parts
 * it has), its values `slot`s in the template: rendered once per shape, then filled per call.
 * Rendering a write's template on every call took a tenth of a patch's CPU (bench/README.md).
 */
export function shapedStatement(shape: string, template: () => SQL, values: Record<string, unknown>): ReadyStatement {
  let rendering = renderings.get(shape)
  if (!rendering) {
    const query = dialect.sqlToQuery(template())
    const slots = query.params.map((p) => {
      const placeholder = p instanceof Param ? p.value : p
      return placeholder instanceof Placeholder ? { named: placeholder.name as string } : { fixed: p }
    })
    rendering = { name: statementName(query.sql), text: query.sql, slots }
    if (renderings.size < 10_000) renderings.set(shape, rendering)
  }
  const params = rendering.slots.map((s) => {
    if ('fixed' in s) return s.fixed
    if (!(s.named in values)) throw new Error(`no value for ${s.named} in the statement of ${shape}`)
    return values[s.named]
  })
  return { name: rendering.name, text: rendering.text, params }
}
