import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { queryRows, type Executor } from './client.js'
import { pathUnder } from './filters.js'
import { annualReports, gridUnits } from './schema/index.js'
import { tableStatements } from './statements.js'

/** The live direct children of a unit that lie inside `jurisdiction` (all of them without one), by code. */
export async function liveChildren(ex: Executor, parentId: string, jurisdiction: string | null) {
  return ex
    .select({ id: gridUnits.id, code: gridUnits.code, name: gridUnits.name, level: gridUnits.level })
    .from(gridUnits)
    .where(and(eq(gridUnits.parentId, parentId), isNull(gridUnits.deletedAt), ...(jurisdiction ? [pathUnder(jurisdiction)] : [])))
    .orderBy(asc(gridUnits.code), asc(gridUnits.id))
}

const filed = tableStatements(annualReports, {
  id: annualReports.id,
  gridUnitId: annualReports.gridUnitId,
  status: annualReports.status,
  submittedAt: annualReports.submittedAt,
})

/** The live reports of `year` of these units (instants as RFC 3339 text, like every read). */
export async function reportsOfYear(ex: Executor, unitIds: readonly string[], year: number) {
  if (unitIds.length === 0) return []
  const rows = await queryRows<Record<string, unknown>>(
    ex,
    sql`SELECT ${filed.selectList} FROM ${annualReports}
      WHERE ${inArray(annualReports.gridUnitId, [...unitIds])} AND ${annualReports.year} = ${year} AND ${annualReports.deletedAt} IS NULL`,
  )
  return rows.map((row) => filed.decode(row) as { id: string; gridUnitId: string; status: string; submittedAt: string | null })
}
