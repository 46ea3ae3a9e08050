import { sql, type SQL } from 'drizzle-orm'
import { openLongerThan } from '../filters.js'
import { enforcementCases, inspections } from '../schema/index.js'
import { aliased } from '../statements.js'
import { countWhere, list, object, sumOf, type YearScope } from './scope.js'

// 三、严格规范执法: the cases, their reviews, and the inspections of enforcement.

const caseRows = aliased(enforcementCases, 'c')
const c = caseRows.columns
const inspectionRows = aliased(inspections, 'n')
const n = inspectionRows.columns

/**
 * Cases by their registration in the year. A case's reviews, an array, are read from the subtree's
 * cases that have any, unit by unit (enforcement_cases_grid_reviewed_idx), whatever their year:
 * each review counts in the year of its own dates.
 */
export function enforcementFigures({ inYear, perUnit, v }: YearScope): SQL {
  const reviewed = perUnit(caseRows, sql`${c.reviews} <> '[]'::jsonb`)
  const reviewIn = (member: string) => inYear(sql`(r ->> ${member})::timestamptz`)
  const reviews = sql`(SELECT ${object({
    reconsiderations: countWhere(sql`r ->> 'kind' = 'reconsideration' AND ${reviewIn('filedAt')}`),
    litigations: countWhere(sql`r ->> 'kind' = 'litigation' AND ${reviewIn('filedAt')}`),
    lost: countWhere(sql`r ->> 'result' IN (${list(v.lostReviewResults)}) AND ${reviewIn('closedAt')}`),
  })} FROM (SELECT ${c.reviews} AS reviews FROM ${reviewed}) rc CROSS JOIN LATERAL jsonb_array_elements(rc.reviews) AS r)`
  return sql`SELECT ${object({
    cases: object({
      registered: sql`count(*)`,
      decided: countWhere(sql`${c.status} IN (${list(v.decidedCaseStatuses)})`),
      majorLegallyReviewed: countWhere(sql`${c.isMajor} AND ${c.legalReview} ->> 'conclusion' = 'approved'`),
      withRecordings: countWhere(sql`jsonb_array_length(${c.recordings}) > 0`),
      published: countWhere(sql`${c.publishedAt} IS NOT NULL`),
      overdue: countWhere(openLongerThan(c.status, v.openCaseStatuses, c.registeredAt, v.caseOverdueDays)),
    }),
    reviews,
  })} FROM ${perUnit(caseRows, inYear(c.registeredAt))}`
}

export function supervisionFigures({ inYear, perUnit }: YearScope): SQL {
  const kind = (value: string) => countWhere(sql`${n.kind} = ${value}`)
  return sql`SELECT ${object({
    specialInspections: kind('special_inspection'),
    caseFileReviews: kind('case_file_review'),
    selfInspections: kind('self_inspection'),
    riskScreenings: kind('risk_screening'),
    findings: sumOf(sql`jsonb_array_length(${n.findings})`),
    rectified: sumOf(sql`(SELECT count(*) FROM jsonb_array_elements(${n.findings}) finding WHERE finding ? 'rectifiedAt')`),
  })} FROM ${perUnit(inspectionRows, inYear(n.startedAt))}`
}
