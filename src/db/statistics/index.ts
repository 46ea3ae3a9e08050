import { sql, type SQL } from 'drizzle-orm'
import { queryRows, type Executor } from '../client.js'
import { educationFigures, disputeFigures, unitFigures } from './community.js'
import { enforcementFigures, supervisionFigures } from './enforcement.js'
import { decisionFigures, legalServiceFigures, meetingFigures, publicityFigures, workPlanFigures } from './governance.js'
import { yearScope, type StatisticsVocabulary } from './scope.js'

export type { StatisticsVocabulary }

/** The statement's one row: a JSON object per section, in the API's shape but for rates (computed after). */
export type StatisticsRow = Record<(typeof sectionNames)[number], Record<string, unknown>>

const sections = {
  meetings: meetingFigures,
  workPlans: workPlanFigures,
  decisions: decisionFigures,
  legalServices: legalServiceFigures,
  publicity: publicityFigures,
  enforcement: enforcementFigures,
  supervision: supervisionFigures,
  legalEducation: educationFigures,
  disputes: disputeFigures,
  gridUnits: unitFigures,
}
const sectionNames = Object.keys(sections) as (keyof typeof sections)[]

/**
 * The one statement behind a unit's figures of a year: a column per section, one snapshot, one
 * round trip. Each section is an aggregate over one table, read unit by unit of the subtree through
 * that table's (grid_unit_id, date) index, so its cost follows the subtree-year, not the table.
 */
export function statisticsStatement(rootId: string, year: number, today: string, vocabulary: StatisticsVocabulary): SQL {
  const scope = yearScope(rootId, year, today, vocabulary)
  return sql`SELECT ${sql.join(sectionNames.map((name) => sql`(${sections[name](scope)}) AS ${sql.identifier(name)}`), sql`, `)}`
}

export async function readStatistics(ex: Executor, statement: SQL): Promise<StatisticsRow> {
  const [row] = await queryRows<StatisticsRow>(ex, statement)
  return row!
}
