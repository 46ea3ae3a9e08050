import type { SQL } from 'drizzle-orm'
import type { Executor } from '../db/client.js'
import { readStatistics, statisticsStatement, type Counts } from '../db/statistics.js'
import type { Statistics } from './statistics-schema.js'
import { disputeCategories, legalityConclusions, statisticsVocabulary, venueTypes } from './vocabulary.js'

export type { Statistics }
export type StatisticsUnit = Statistics['gridUnit']

/** The one statement behind the figures of `rootId`'s subtree in `year`. */
export const statisticsQuery = (rootId: string, year: number): SQL => statisticsStatement(rootId, year, statisticsVocabulary)

const pick = <K extends string>(counts: Counts, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, Number(counts[k] ?? 0)])) as Record<K, number>
const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null)

/** The figures of `unit`'s subtree in `year`, in one statement (one snapshot, one round trip). */
export async function computeStatistics(ex: Executor, unit: StatisticsUnit, year: number): Promise<Statistics> {
  const row = await readStatistics(ex, statisticsQuery(unit.id, year))
  const { decisions, enforcement, legal_education: education, disputes, grid_units: units } = row
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
