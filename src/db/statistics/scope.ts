import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { yearBounds } from '../../core/china-time.js'
import { pathUnder } from '../filters.js'
import { gridUnits } from '../schema/index.js'
import { aliased } from '../statements.js'

/** The enum values the figures are broken down by and the statuses they count, from the modules that define them. */
export interface StatisticsVocabulary {
  legalityConclusions: readonly string[]
  venueTypes: readonly string[]
  outreachVenues: readonly string[]
  disputeCategories: readonly string[]
  openCaseStatuses: readonly string[]
  decidedCaseStatuses: readonly string[]
  lostReviewResults: readonly string[]
  openDisputeStatuses: readonly string[]
  caseOverdueDays: number
  disputeOverdueDays: number
  meetingKinds: readonly string[]
  serviceKinds: readonly string[]
  publicityCategories: readonly string[]
  publicityChannels: readonly string[]
  inspectionKinds: readonly string[]
  facilityKinds: readonly string[]
}

export const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `)

/** `json_build_object('a', …, 'b', …)`: a section in the shape the API answers. */
export const object = (entries: Record<string, SQL>): SQL =>
  sql`json_build_object(${sql.join(Object.entries(entries).map(([key, value]) => sql`${key}::text, ${value}`), sql`, `)})`

export const countWhere = (condition: SQL) => sql`count(*) FILTER (WHERE ${condition})`
export const sumOf = (expression: SQL | AnyColumn, condition?: SQL) =>
  condition ? sql`coalesce(sum(${expression}) FILTER (WHERE ${condition}), 0)` : sql`coalesce(sum(${expression}), 0)`

/** One count (or sum) per enum value, zeros included. */
export const perValue = (values: readonly string[], count: (value: string) => SQL) => object(Object.fromEntries(values.map((v) => [v, count(v)])))

type Owned = { gridUnitId: AnyColumn; deletedAt: AnyColumn }
export type OwnedRows = { columns: Owned; from: SQL; name: SQL }

const units = aliased(gridUnits, 'u')

/** The year and subtree every section reads: index ranges of the year, unit by unit. */
export interface YearScope {
  rootId: string
  year: number
  /** Today in UTC+8, for what is overdue now. */
  today: string
  v: StatisticsVocabulary
  inYear(column: SQL | AnyColumn): SQL
  /** The same, for an RFC 3339 UTC text inside JSON, compared as bytes (the order of time for that form). */
  inYearAsText(expression: SQL): SQL
  /** The subtree's units, each joined laterally to its live rows meeting `condition`, read through its (unit, date) index. */
  perUnit(rows: OwnedRows, condition: SQL): SQL
}

export function yearScope(rootId: string, year: number, today: string, v: StatisticsVocabulary): YearScope {
  const { from, to } = yearBounds(year)
  const utcFrom = new Date(from).toISOString()
  const utcTo = new Date(to).toISOString()
  return {
    rootId,
    year,
    today,
    v,
    inYear: (column) => sql`${column} >= ${from}::timestamptz AND ${column} < ${to}::timestamptz`,
    // The expressions of the JSON-date indexes, written alike so that the planner uses them.
    inYearAsText: (expression) => sql`(${expression}) COLLATE "C" >= ${utcFrom} AND (${expression}) COLLATE "C" < ${utcTo}`,
    // OFFSET 0 keeps the planner from flattening the lateral read into a hash join over the whole
    // table: each unit of the subtree reads its own rows through its grid_unit_id index.
    perUnit: (rows, condition) => sql`${units.from} CROSS JOIN LATERAL (
        SELECT ${rows.name}.* FROM ${rows.from}
        WHERE ${rows.columns.gridUnitId} = ${units.columns.id} AND ${rows.columns.deletedAt} IS NULL AND ${condition} OFFSET 0) ${rows.name}
      WHERE ${pathUnder(rootId, units.columns.path)}`,
  }
}
