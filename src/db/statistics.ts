import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { yearBounds } from '../core/china-time.js'
import { queryRows, type Executor } from './client.js'
import { openLongerThan, pathUnder } from './filters.js'
import { decisions, disputes, enforcementCases, gridUnits, legalEducationEvents } from './schema/index.js'
import { aliased } from './statements.js'

/** The enum values the figures are broken down by, from the modules that define them. */
export interface StatisticsVocabulary {
  legalityConclusions: readonly string[]
  venueTypes: readonly string[]
  disputeCategories: readonly string[]
  openCaseStatuses: readonly string[]
  decidedCaseStatuses: readonly string[]
  lostReviewResults: readonly string[]
  openDisputeStatuses: readonly string[]
  caseOverdueDays: number
}

export type Counts = Record<string, number>
export interface StatisticsRow {
  decisions: { total: number; steps: Counts; adopted: number }
  enforcement: { cases: Counts; reviews: Counts }
  legal_education: Counts
  disputes: Counts
  grid_units: Counts
}

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `)
const counted = (condition: SQL, name: string) => sql`count(*) FILTER (WHERE ${condition}) AS ${sql.identifier(name)}`
const perValue = (column: SQL, values: readonly string[]) => sql.join(values.map((v) => counted(sql`${column} = ${v}`, v)), sql`, `)

type Owned = { gridUnitId: AnyColumn; deletedAt: AnyColumn }

const units = aliased(gridUnits, 'u')
const u = units.columns
const decisionRows = aliased(decisions, 'd')
const d = decisionRows.columns
const caseRows = aliased(enforcementCases, 'c')
const c = caseRows.columns
const eventRows = aliased(legalEducationEvents, 'e')
const e = eventRows.columns
const disputeRows = aliased(disputes, 'p')
const p = disputeRows.columns

/** The year and subtree every section reads: index ranges of the year, unit by unit. */
interface YearScope {
  rootId: string
  v: StatisticsVocabulary
  inYear(column: SQL): SQL
  /** The same, for an RFC 3339 UTC text inside JSON, compared as bytes. */
  inYearAsText(expression: SQL): SQL
  /** `units CROSS JOIN LATERAL (the unit's live rows meeting condition)`; filter it with `underRoot`. */
  perUnit(rows: { columns: Owned; from: SQL; name: SQL }, condition: SQL): SQL
  underRoot: SQL
}

/**
 * Each section is an aggregate over one table. The main date of every record is a timestamptz
 * column with a (grid_unit_id, date) index, so the year's rows of the subtree are an index range per
 * unit: the cost follows the subtree-year, not the table. Dates kept inside JSON are RFC 3339 UTC
 * text, compared as bytes (`COLLATE "C"`, the order of time for that form): a decision's legality
 * review and adoption are index ranges per unit too (decisions_grid_reviewed_idx,
 * decisions_grid_adopted_idx). A case's reviews, an array, are read from the subtree's cases that
 * have any, unit by unit (enforcement_cases_grid_reviewed_idx), whatever their year.
 */
function yearScope(rootId: string, year: number, v: StatisticsVocabulary): YearScope {
  const { from, to } = yearBounds(year)
  const utcFrom = new Date(from).toISOString()
  const utcTo = new Date(to).toISOString()
  return {
    rootId,
    v,
    inYear: (column) => sql`${column} >= ${from}::timestamptz AND ${column} < ${to}::timestamptz`,
    // The expressions of the decisions indexes, written alike so that the planner uses them.
    inYearAsText: (expression) => sql`(${expression}) COLLATE "C" >= ${utcFrom} AND (${expression}) COLLATE "C" < ${utcTo}`,
    // OFFSET 0 keeps the planner from flattening the lateral read into a hash join over the whole
    // table: each unit of the subtree reads its own rows through the grid_unit_id index.
    perUnit: (rows, condition) =>
      sql`${units.from} CROSS JOIN LATERAL (
        SELECT ${rows.name}.* FROM ${rows.from}
        WHERE ${rows.columns.gridUnitId} = ${u.id} AND ${rows.columns.deletedAt} IS NULL AND ${condition} OFFSET 0) ${rows.name}`,
    underRoot: pathUnder(rootId, u.path),
  }
}

function decisionFigures({ inYear, inYearAsText, perUnit, underRoot, v }: YearScope): SQL {
  return sql`
    SELECT json_build_object(
      'total', (SELECT count(*) FROM ${perUnit(decisionRows, inYear(sql`${d.proposedAt}`))} WHERE ${underRoot}),
      'steps', (SELECT row_to_json(s) FROM (
        SELECT count(*) AS "legalityReviewed", ${perValue(sql`${d.legalityReview} ->> 'conclusion'`, v.legalityConclusions)}
        FROM ${perUnit(decisionRows, sql`${d.legalityReview} IS NOT NULL AND ${inYearAsText(sql`${d.legalityReview} ->> 'completedAt'`)}`)}
        WHERE ${underRoot}) s),
      'adopted', (SELECT count(*)
        FROM ${perUnit(decisionRows, sql`${d.status} = 'adopted' AND ${inYearAsText(sql`${d.collectiveDiscussion} ->> 'heldAt'`)}`)}
        WHERE ${underRoot}))`
}

function enforcementFigures({ inYear, perUnit, underRoot, v }: YearScope): SQL {
  const filedIn = (member: string) => inYear(sql`(r ->> ${member})::timestamptz`)
  return sql`
    SELECT json_build_object(
      'cases', (SELECT row_to_json(s) FROM (
        SELECT count(*) AS "registered",
               ${counted(sql`${c.status} IN (${list(v.decidedCaseStatuses)})`, 'decided')},
               ${counted(sql`${c.isMajor} AND ${c.legalReview} ->> 'conclusion' = 'approved'`, 'majorLegallyReviewed')},
               ${counted(sql`jsonb_array_length(${c.recordings}) > 0`, 'withRecordings')},
               ${counted(openLongerThan(c.status, v.openCaseStatuses, c.registeredAt, v.caseOverdueDays), 'overdue')}
        FROM ${perUnit(caseRows, inYear(sql`${c.registeredAt}`))} WHERE ${underRoot}) s),
      'reviews', (SELECT row_to_json(s) FROM (
        SELECT ${counted(sql`r ->> 'kind' = 'reconsideration' AND ${filedIn('filedAt')}`, 'reconsiderations')},
               ${counted(sql`r ->> 'kind' = 'litigation' AND ${filedIn('filedAt')}`, 'litigations')},
               ${counted(sql`r ->> 'result' IN (${list(v.lostReviewResults)}) AND ${filedIn('closedAt')}`, 'lost')}
        FROM ${perUnit(caseRows, sql`${c.reviews} <> '[]'::jsonb`)} CROSS JOIN LATERAL jsonb_array_elements(${c.reviews}) AS r
        WHERE ${underRoot}) s))`
}

function educationFigures({ inYear, perUnit, underRoot, v }: YearScope): SQL {
  return sql`
    SELECT row_to_json(s) FROM (
      SELECT count(*) AS "events",
             ${perValue(sql`${e.venueType}`, v.venueTypes)},
             coalesce(sum(${e.materialsDistributed}), 0) AS "materialsDistributed",
             coalesce(sum(${e.attendance}), 0) AS "attendance",
             coalesce(sum(${e.mediaItems}), 0) AS "mediaItems",
             ${counted(sql`${e.audience} = 'cadres' AND ${e.format} = 'training'`, 'cadreTrainings')},
             ${counted(sql`${e.format} = 'study_session'`, 'studySessions')}
      FROM ${perUnit(eventRows, inYear(sql`${e.startsAt}`))} WHERE ${underRoot}) s`
}

function disputeFigures({ inYear, perUnit, underRoot, v }: YearScope): SQL {
  return sql`
    SELECT row_to_json(s) FROM (
      SELECT count(*) AS "total",
             ${counted(sql`${p.status} = 'resolved'`, 'resolved')},
             ${counted(sql`${p.status} IN (${list(v.openDisputeStatuses)})`, 'open')},
             ${perValue(sql`${p.category}`, v.disputeCategories)},
             ${counted(sql`${p.isPetitionBacklog} AND ${p.status} = 'resolved'`, 'petitionBacklogResolved')}
      FROM ${perUnit(disputeRows, inYear(sql`${p.reportedAt}`))} WHERE ${underRoot}) s`
}

const below = aliased(gridUnits, 'below')

/** As of now, not per year: the units and workers are today's. */
function unitFigures({ rootId }: YearScope): SQL {
  return sql`
    WITH units AS (
      SELECT ${gridUnits.id} AS id, ${gridUnits.level} AS level, ${gridUnits.workers} AS workers FROM ${gridUnits}
      WHERE ${pathUnder(rootId)} AND ${gridUnits.deletedAt} IS NULL
    ), roles AS (
      SELECT w ->> 'role' AS role FROM units CROSS JOIN LATERAL jsonb_array_elements(units.workers) AS w
    )
    SELECT json_build_object(
      'grids', (SELECT count(*) FROM units WHERE level = 'grid'),
      'gridWorkers', (SELECT count(*) FROM roles WHERE role = 'grid_worker'),
      'legalLiterates', (SELECT count(*) FROM roles WHERE role = 'legal_literate'),
      'villagesAndCommunities', (SELECT count(*) FROM units WHERE level IN ('village', 'community')),
      'withLegalAdviser', (
        SELECT count(*) FROM units v
        WHERE v.level IN ('village', 'community') AND EXISTS (
          SELECT 1 FROM ${below.from}
          WHERE ${pathUnder(sql`v.id`, below.columns.path)} AND ${below.columns.deletedAt} IS NULL
            AND ${below.columns.workers} @> '[{"role": "legal_adviser"}]'::jsonb)))`
}

/** The one statement behind the figures: a row of JSON columns, one per section (one snapshot). */
export function statisticsStatement(rootId: string, year: number, vocabulary: StatisticsVocabulary): SQL {
  const scope = yearScope(rootId, year, vocabulary)
  return sql`SELECT (${decisionFigures(scope)}) AS decisions, (${enforcementFigures(scope)}) AS enforcement,
                    (${educationFigures(scope)}) AS legal_education, (${disputeFigures(scope)}) AS disputes, (${unitFigures(scope)}) AS grid_units`
}

export async function readStatistics(ex: Executor, statement: SQL): Promise<StatisticsRow> {
  const [row] = await queryRows<StatisticsRow>(ex, statement)
  return row!
}
