import { and, eq, getTableColumns, inArray, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import { queryRows, type Executor } from './client.js'
import { pathUnder } from './filters.js'
import { apiKeys, gridUnits } from './schema/index.js'
import { readColumns } from './schema/columns.js'
import { aliased, tableStatements } from './statements.js'

// The grid-unit tree: the owner every record's jurisdiction is judged by, and the tree's own upkeep.

export type UnitRow = Omit<typeof gridUnits.$inferSelect, 'searchText' | 'searchBigrams' | 'createdAt' | 'updatedAt' | 'deletedAt'> & {
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

const units = tableStatements(gridUnits, readColumns(gridUnits))

/** The live unit `id`, and whether it lies at or below `jurisdiction` (always, for no jurisdiction). */
export async function findLiveUnit(ex: Executor, id: string, jurisdiction: string | null): Promise<{ unit: UnitRow; inJurisdiction: boolean } | undefined> {
  const within = jurisdiction ? pathUnder(jurisdiction) : sql`true`
  const [row] = await queryRows<Record<string, unknown>>(
    ex,
    sql`SELECT ${units.selectList}, ${within} AS in_jurisdiction FROM ${gridUnits} WHERE ${gridUnits.id} = ${id} AND ${gridUnits.deletedAt} IS NULL`,
  )
  return row && { unit: units.decode(row) as UnitRow, inJurisdiction: row.in_jurisdiction === true }
}

/** A live child of `unitId` at one of `levels`, if any. */
export async function childAtLevels(ex: Executor, unitId: string, levels: readonly string[]): Promise<string | undefined> {
  const [child] = await ex
    .select({ id: gridUnits.id })
    .from(gridUnits)
    .where(and(eq(gridUnits.parentId, unitId), isNull(gridUnits.deletedAt), inArray(gridUnits.level, [...levels])))
    .limit(1)
  return child?.id
}

const moved = aliased(gridUnits, 'moved')
const below = aliased(gridUnits, 'below')

/** After `unitId` got a new parent (and path), every unit below it takes the new path prefix. */
export async function carrySubtree(ex: Executor, unitId: string): Promise<void> {
  const [m, b] = [moved.columns, below.columns]
  await ex.execute(sql`
    UPDATE ${below.from} SET ${units.quotedNames.path} = ${m.path} || ${b.path}[array_position(${b.path}, ${m.id}) + 1 :]
    FROM ${moved.from}
    WHERE ${m.id} = ${unitId} AND ${pathUnder(sql`${m.id}`, b.path)} AND ${b.id} <> ${m.id}`)
}

/** A table whose rows are owned by a grid unit through `ownerColumn`. */
export interface OwnedTable {
  label: string
  table: PgTable & { deletedAt: AnyColumn }
  ownerColumn: AnyColumn
}

/** What still refers to a unit: live child units, live records of each owned table, active API keys. */
export async function unitUses(ex: Executor, unitId: string, owned: readonly OwnedTable[]): Promise<string[]> {
  const uses: { label: string; exists: SQL }[] = [
    { label: 'child units', exists: sql`SELECT 1 FROM ${gridUnits} WHERE ${gridUnits.parentId} = ${unitId} AND ${gridUnits.deletedAt} IS NULL` },
    ...owned.map((o) => ({
      label: o.label,
      exists: sql`SELECT 1 FROM ${o.table} WHERE ${o.ownerColumn} = ${unitId} AND ${o.table.deletedAt} IS NULL`,
    })),
    { label: 'API keys', exists: sql`SELECT 1 FROM ${apiKeys} WHERE ${apiKeys.gridUnitId} = ${unitId} AND ${apiKeys.revokedAt} IS NULL` },
  ]
  const columns = sql.join(uses.map((u, i) => sql`EXISTS (${u.exists}) AS ${sql.identifier(`use_${i}`)}`), sql`, `)
  const [row] = await queryRows<Record<string, boolean>>(ex, sql`SELECT ${columns}`)
  return uses.filter((_, i) => row?.[`use_${i}`] === true).map((u) => u.label)
}

/** The live units among `codes`, by code. */
export async function liveUnitIdsByCode(ex: Executor, codes: readonly string[]): Promise<{ id: string; code: string }[]> {
  return ex.select({ id: gridUnits.id, code: gridUnits.code }).from(gridUnits).where(and(inArray(gridUnits.code, [...codes]), isNull(gridUnits.deletedAt)))
}

/** The id and version of a live record of `table` owned by `unitId` whose `field` holds `value`. */
export async function liveRecordId(ex: Executor, table: PgTable, field: string, value: string, unitId: string): Promise<{ id: string; version: number } | undefined> {
  const columns = getTableColumns(table) as Record<string, AnyColumn>
  const [id, version, owner, deletedAt, marker] = ['id', 'version', 'gridUnitId', 'deletedAt', field].map((key) => {
    const column = columns[key]
    if (!column) throw new Error(`${key} is not a column of this table`)
    return column
  })
  const [row] = await queryRows<{ id: string; version: number }>(
    ex,
    sql`SELECT ${id} AS id, ${version} AS version FROM ${table} WHERE ${marker} = ${value} AND ${owner} = ${unitId} AND ${deletedAt} IS NULL LIMIT 1`,
  )
  return row
}

/** The live units at or below `jurisdiction` (every live unit without one), by code, at most `limit`. */
export async function unitsWithin(ex: Executor, jurisdiction: string | null, limit: number) {
  return ex
    .select({ id: gridUnits.id, code: gridUnits.code, name: gridUnits.name, level: gridUnits.level })
    .from(gridUnits)
    .where(and(isNull(gridUnits.deletedAt), ...(jurisdiction ? [pathUnder(jurisdiction)] : [])))
    .orderBy(gridUnits.code)
    .limit(limit)
}

/** Code and name of each of these units (live or not: a record keeps naming its unit). */
export async function unitNames(ex: Executor, ids: readonly string[]): Promise<Map<string, { code: string; name: string }>> {
  if (ids.length === 0) return new Map()
  const rows = await ex.select({ id: gridUnits.id, code: gridUnits.code, name: gridUnits.name }).from(gridUnits).where(inArray(gridUnits.id, [...new Set(ids)]))
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]))
}
