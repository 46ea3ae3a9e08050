import { sql, type SQL } from 'drizzle-orm'
import { openLongerThan, pathUnder } from '../filters.js'
import { disputes, gridUnits, legalEducationEvents } from '../schema/index.js'
import { aliased } from '../statements.js'
import { countWhere, list, object, perValue, sumOf, type YearScope } from './scope.js'

// 四、深化普法宣传 and 五、坚持法治为民: the events, the disputes, the units and their people.

const eventRows = aliased(legalEducationEvents, 'e')
const e = eventRows.columns
const disputeRows = aliased(disputes, 'p')
const p = disputeRows.columns
const below = aliased(gridUnits, 'below')

export function educationFigures({ inYear, perUnit, v }: YearScope): SQL {
  const outreach = sql`${e.venueType} IN (${list(v.outreachVenues)})`
  return sql`SELECT ${object({
    events: sql`count(*)`,
    byVenueType: perValue(v.venueTypes, (venue) => countWhere(sql`${e.venueType} = ${venue}`)),
    outreach: object({
      events: countWhere(outreach),
      materialsDistributed: sumOf(e.materialsDistributed, outreach),
      attendance: sumOf(e.attendance, outreach),
    }),
    materialsDistributed: sumOf(e.materialsDistributed),
    attendance: sumOf(e.attendance),
    mediaItems: sumOf(e.mediaItems),
    cadreTrainings: countWhere(sql`${e.audience} = 'cadres' AND ${e.format} = 'training'`),
    officerTrainings: countWhere(sql`${e.audience} = 'enforcement_officers' AND ${e.format} = 'training'`),
    studySessions: countWhere(sql`${e.format} = 'study_session'`),
  })} FROM ${perUnit(eventRows, inYear(e.startsAt))}`
}

/**
 * Disputes by their report in the year; petition backlogs (信访积案) by the year they were resolved,
 * whenever reported, read per unit through disputes_grid_backlog_resolved_idx.
 */
export function disputeFigures({ inYear, inYearAsText, perUnit, v }: YearScope): SQL {
  const backlogResolved = perUnit(disputeRows, sql`${p.isPetitionBacklog} AND ${p.status} = 'resolved' AND ${inYearAsText(sql`${p.resolution} ->> 'resolvedAt'`)}`)
  const open = sql`${p.status} IN (${list(v.openDisputeStatuses)})`
  return sql`SELECT ${object({
    total: sql`count(*)`,
    resolved: countWhere(sql`${p.status} = 'resolved'`),
    open: countWhere(open),
    overdue: countWhere(openLongerThan(p.status, v.openDisputeStatuses, p.reportedAt, v.disputeOverdueDays)),
    byCategory: perValue(v.disputeCategories, (category) => countWhere(sql`${p.category} = ${category}`)),
    petitionBacklogResolved: sql`(SELECT count(*) FROM ${backlogResolved})`,
  })} FROM ${perUnit(disputeRows, inYear(p.reportedAt))}`
}

/** As of now, not per year (but for the facilities established in it): the units and workers are today's. */
export function unitFigures({ rootId, year, v }: YearScope): SQL {
  const established = sql`f ->> 'establishedOn' >= ${`${year}-01-01`} AND f ->> 'establishedOn' <= ${`${year}-12-31`}`
  return sql`
    WITH units AS (
      SELECT ${gridUnits.id} AS id, ${gridUnits.level} AS level, ${gridUnits.workers} AS workers, ${gridUnits.facilities} AS facilities
      FROM ${gridUnits} WHERE ${pathUnder(rootId)} AND ${gridUnits.deletedAt} IS NULL
    ), roles AS (
      SELECT w ->> 'role' AS role FROM units CROSS JOIN LATERAL jsonb_array_elements(units.workers) AS w
    ), facilities AS (
      SELECT f FROM units CROSS JOIN LATERAL jsonb_array_elements(units.facilities) AS f
    )
    SELECT ${object({
      grids: sql`(SELECT count(*) FROM units WHERE level = 'grid')`,
      gridWorkers: sql`(SELECT count(*) FROM roles WHERE role = 'grid_worker')`,
      legalLiterates: sql`(SELECT count(*) FROM roles WHERE role = 'legal_literate')`,
      villagesAndCommunities: sql`(SELECT count(*) FROM units WHERE level IN ('village', 'community'))`,
      withLegalAdviser: sql`(
        SELECT count(*) FROM units v
        WHERE v.level IN ('village', 'community') AND EXISTS (
          SELECT 1 FROM ${below.from}
          WHERE ${pathUnder(sql`v.id`, below.columns.path)} AND ${below.columns.deletedAt} IS NULL
            AND ${below.columns.workers} @> '[{"role": "legal_adviser"}]'::jsonb))`,
      facilities: sql`(SELECT ${perValue(v.facilityKinds, (kind) => countWhere(sql`f ->> 'kind' = ${kind}`))} FROM facilities)`,
      facilitiesEstablished: sql`(SELECT ${perValue(v.facilityKinds, (kind) => countWhere(sql`f ->> 'kind' = ${kind} AND ${established}`))} FROM facilities)`,
    })}`
}
