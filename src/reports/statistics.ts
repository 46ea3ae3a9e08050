import { sql, type SQL } from 'drizzle-orm'
import { queryRows, type Executor } from '../db/client.js'
import {
  OVERDUE_AFTER_DAYS,
  decidedCaseStatuses,
  disputeCategories,
  legalityConclusions,
  lostReviewResults,
  openCaseStatuses,
  openDisputeStatuses,
  venueTypes,
  type DisputeCategory,
  type LegalityConclusion,
  type VenueType,
} from './vocabulary.js'

export interface StatisticsUnit {
  id: string
  name: string
  level: string
}

/** The year's figures of one unit's subtree, exactly the members of API.md §5. */
export interface Statistics {
  year: number
  gridUnit: StatisticsUnit
  decisions: { total: number; legalityReviewed: number; byConclusion: Record<LegalityConclusion, number>; adopted: number }
  enforcement: {
    registered: number
    decided: number
    majorLegallyReviewed: number
    withRecordings: number
    overdue: number
    reconsiderations: number
    litigations: number
    lost: number
  }
  legalEducation: {
    events: number
    byVenueType: Record<VenueType, number>
    materialsDistributed: number
    attendance: number
    mediaItems: number
    cadreTrainings: number
    studySessions: number
  }
  disputes: {
    total: number
    resolved: number
    resolutionRate: number | null
    open: number
    byCategory: Record<DisputeCategory, number>
    petitionBacklogResolved: number
  }
  gridUnits: {
    grids: number
    gridWorkers: number
    legalLiterates: number
    villagesAndCommunities: number
    withLegalAdviser: number
    legalAdviserCoverage: number | null
  }
}

/** Year Y is [Y-01-01 00:00, Y+1-01-01 00:00) in China Standard Time (UTC+8), as everywhere in the service. */
export function yearBounds(year: number): { from: string; to: string } {
  const start = (y: number) => `${String(y).padStart(4, '0')}-01-01T00:00:00+08:00`
  return { from: start(year), to: start(year + 1) }
}

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `)
const counted = (condition: SQL, alias: string) => sql`count(*) FILTER (WHERE ${condition}) AS ${sql.identifier(alias)}`
const perValue = (column: SQL, values: readonly string[], extra?: SQL) =>
  sql.join(values.map((v) => counted(extra ? sql`${column} = ${v} AND ${extra}` : sql`${column} = ${v}`, v)), sql`, `)
const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null)

/**
 * Each section is an aggregate over one table. The main date of every record is a timestamptz
 * column with a (grid_unit_id, date) index, so the year's rows of the subtree are an index range per
 * unit: the cost follows the subtree-year, not the table. Dates kept inside JSON are RFC 3339 UTC
 * text, compared as bytes (`COLLATE "C"`, the order of time for that form): a decision's legality
 * review and adoption are index ranges per unit too (decisions_grid_reviewed_idx,
 * decisions_grid_adopted_idx). A case's reviews, an array, are read from the subtree's cases that
 * have any, unit by unit (enforcement_cases_grid_reviewed_idx), whatever their year: that cost
 * follows the subtree's reviewed cases, never the whole table.
 */
function sections(rootId: string, from: string, to: string) {
  const inYear = (column: SQL) => sql`${column} >= ${from}::timestamptz AND ${column} < ${to}::timestamptz`
  // OFFSET 0 keeps the planner from flattening the lateral read into a hash join over the whole
  // table: each unit of the subtree reads its own rows through the grid_unit_id index.
  const perUnit = (table: string, alias: string, condition: SQL) => sql`
    grid_units u CROSS JOIN LATERAL (
      SELECT ${sql.raw(alias)}.* FROM ${sql.raw(table)} ${sql.raw(alias)}
      WHERE ${sql.raw(alias)}.grid_unit_id = u.id AND ${sql.raw(alias)}.deleted_at IS NULL AND ${condition} OFFSET 0) ${sql.raw(alias)}`
  const underRoot = sql`u.path @> ARRAY[${rootId}]::uuid[]`

  const utcFrom = new Date(from).toISOString()
  const utcTo = new Date(to).toISOString()
  // The expressions of the two decisions indexes, written alike so that the planner uses them.
  const inYearAsText = (expression: SQL) => sql`(${expression}) COLLATE "C" >= ${utcFrom} AND (${expression}) COLLATE "C" < ${utcTo}`
  const decisions = sql`
    SELECT json_build_object(
      'total', (SELECT count(*) FROM ${perUnit('decisions', 'd', inYear(sql`d.proposed_at`))} WHERE ${underRoot}),
      'steps', (SELECT row_to_json(s) FROM (
        SELECT count(*) AS "legalityReviewed",
               ${perValue(sql`d.legality_review ->> 'conclusion'`, legalityConclusions)}
        FROM ${perUnit('decisions', 'd', sql`d.legality_review IS NOT NULL AND ${inYearAsText(sql`d.legality_review ->> 'completedAt'`)}`)}
        WHERE ${underRoot}) s),
      'adopted', (SELECT count(*)
        FROM ${perUnit('decisions', 'd', sql`d.status = 'adopted' AND ${inYearAsText(sql`d.collective_discussion ->> 'heldAt'`)}`)}
        WHERE ${underRoot}))`

  const enforcement = sql`
    SELECT json_build_object(
      'cases', (SELECT row_to_json(s) FROM (
        SELECT count(*) AS "registered",
               ${counted(sql`c.status IN (${list(decidedCaseStatuses)})`, 'decided')},
               ${counted(sql`c.is_major AND c.legal_review ->> 'conclusion' = 'approved'`, 'majorLegallyReviewed')},
               ${counted(sql`jsonb_array_length(c.recordings) > 0`, 'withRecordings')},
               ${counted(sql`c.status IN (${list(openCaseStatuses)}) AND c.registered_at < now() - ${sql.raw(`interval '${OVERDUE_AFTER_DAYS} days'`)}`, 'overdue')}
        FROM ${perUnit('enforcement_cases', 'c', inYear(sql`c.registered_at`))}
        WHERE ${underRoot}) s),
      'reviews', (SELECT row_to_json(s) FROM (
        SELECT ${counted(sql`r ->> 'kind' = 'reconsideration' AND ${inYear(sql`(r ->> 'filedAt')::timestamptz`)}`, 'reconsiderations')},
               ${counted(sql`r ->> 'kind' = 'litigation' AND ${inYear(sql`(r ->> 'filedAt')::timestamptz`)}`, 'litigations')},
               ${counted(sql`r ->> 'result' IN (${list(lostReviewResults)}) AND ${inYear(sql`(r ->> 'closedAt')::timestamptz`)}`, 'lost')}
        FROM ${perUnit('enforcement_cases', 'c', sql`c.reviews <> '[]'::jsonb`)} CROSS JOIN LATERAL jsonb_array_elements(c.reviews) AS r
        WHERE ${underRoot}) s))`

  const legalEducation = sql`
    SELECT row_to_json(s) FROM (
      SELECT count(*) AS "events",
             ${perValue(sql`e.venue_type`, venueTypes)},
             coalesce(sum(e.materials_distributed), 0) AS "materialsDistributed",
             coalesce(sum(e.attendance), 0) AS "attendance",
             coalesce(sum(e.media_items), 0) AS "mediaItems",
             ${counted(sql`e.audience = 'cadres' AND e.format = 'training'`, 'cadreTrainings')},
             ${counted(sql`e.format = 'study_session'`, 'studySessions')}
      FROM ${perUnit('legal_education_events', 'e', inYear(sql`e.starts_at`))}
      WHERE ${underRoot}) s`

  const disputes = sql`
    SELECT row_to_json(s) FROM (
      SELECT count(*) AS "total",
             ${counted(sql`p.status = 'resolved'`, 'resolved')},
             ${counted(sql`p.status IN (${list(openDisputeStatuses)})`, 'open')},
             ${perValue(sql`p.category`, disputeCategories)},
             ${counted(sql`p.is_petition_backlog AND p.status = 'resolved'`, 'petitionBacklogResolved')}
      FROM ${perUnit('disputes', 'p', inYear(sql`p.reported_at`))}
      WHERE ${underRoot}) s`

  // As of now, not per year: the units and workers are today's.
  const gridUnits = sql`
    WITH units AS (
      SELECT id, level, workers FROM grid_units WHERE path @> ARRAY[${rootId}]::uuid[] AND deleted_at IS NULL
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
          SELECT 1 FROM grid_units b
          WHERE b.path @> ARRAY[v.id] AND b.deleted_at IS NULL AND b.workers @> '[{"role": "legal_adviser"}]'::jsonb)))`

  return { decisions, enforcement, legalEducation, disputes, gridUnits }
}

/** The one statement behind the figures: a row of five JSON columns, one per section. */
export function statisticsQuery(rootId: string, year: number): SQL {
  const { from, to } = yearBounds(year)
  const s = sections(rootId, from, to)
  return sql`SELECT (${s.decisions}) AS decisions, (${s.enforcement}) AS enforcement, (${s.legalEducation}) AS legal_education,
                    (${s.disputes}) AS disputes, (${s.gridUnits}) AS grid_units`
}

type Counts = Record<string, number>

const pick = <K extends string>(counts: Counts, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, Number(counts[k] ?? 0)])) as Record<K, number>

/** The figures of `unit`'s subtree in `year`, in one statement (one snapshot, one round trip). */
export async function computeStatistics(ex: Executor, unit: StatisticsUnit, year: number): Promise<Statistics> {
  const [row] = await queryRows<Record<'decisions' | 'enforcement' | 'legal_education' | 'disputes' | 'grid_units', unknown>>(ex, statisticsQuery(unit.id, year))
  const decisions = row!.decisions as { total: number; steps: Counts; adopted: number }
  const enforcement = row!.enforcement as { cases: Counts; reviews: Counts }
  const education = row!.legal_education as Counts
  const disputes = row!.disputes as Counts
  const units = row!.grid_units as Counts
  const n = (counts: Counts, key: string) => Number(counts[key] ?? 0)

  const disputeTotal = n(disputes, 'total')
  const resolved = n(disputes, 'resolved')
  const villagesAndCommunities = n(units, 'villagesAndCommunities')
  const withLegalAdviser = n(units, 'withLegalAdviser')
  return {
    year,
    gridUnit: { id: unit.id, name: unit.name, level: unit.level },
    decisions: {
      total: Number(decisions.total),
      legalityReviewed: n(decisions.steps, 'legalityReviewed'),
      byConclusion: pick(decisions.steps, legalityConclusions),
      adopted: Number(decisions.adopted),
    },
    enforcement: {
      ...pick(enforcement.cases, ['registered', 'decided', 'majorLegallyReviewed', 'withRecordings', 'overdue'] as const),
      ...pick(enforcement.reviews, ['reconsiderations', 'litigations', 'lost'] as const),
    },
    legalEducation: {
      events: n(education, 'events'),
      byVenueType: pick(education, venueTypes),
      ...pick(education, ['materialsDistributed', 'attendance', 'mediaItems', 'cadreTrainings', 'studySessions'] as const),
    },
    disputes: {
      total: disputeTotal,
      resolved,
      resolutionRate: rate(resolved, disputeTotal),
      open: n(disputes, 'open'),
      byCategory: pick(disputes, disputeCategories),
      petitionBacklogResolved: n(disputes, 'petitionBacklogResolved'),
    },
    gridUnits: {
      ...pick(units, ['grids', 'gridWorkers', 'legalLiterates'] as const),
      villagesAndCommunities,
      withLegalAdviser,
      legalAdviserCoverage: rate(withLegalAdviser, villagesAndCommunities),
    },
  }
}
