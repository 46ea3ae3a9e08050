// The enum values the figures are broken down by come from the record modules' schemas, the one
// place each is defined; the report keeps its own wording where a report speaks differently from an
// API label (进农村 rather than 村).
import type { StatisticsVocabulary } from '../db/statistics.js'
import { legalityConclusionLabels, legalityConclusions } from '../modules/decisions/steps.js'
import { categories as disputeCategories, categoryLabels as disputeCategoryLabels, openStatuses as openDisputeStatuses } from '../modules/disputes/schema.js'
import { OVERDUE_AFTER_DAYS, decidedStatuses, lostReviewResults, openStatuses as openCaseStatuses } from '../modules/enforcement-cases/components.js'
import { levelLabels, levels } from '../modules/grid-units/schema.js'
import { venueTypes } from '../modules/legal-education-events/schema.js'

export { disputeCategories, disputeCategoryLabels, legalityConclusionLabels, legalityConclusions, levelLabels, levels, venueTypes }

export const venueTypeLabels = {
  village: '进农村',
  school: '进校园',
  enterprise: '进企业',
  community: '进社区',
  government: '进机关',
  online: '线上',
  other: '其他场所',
} as const satisfies Record<(typeof venueTypes)[number], string>

/** What the statistics statement breaks figures down by and counts as open, decided or lost. */
export const statisticsVocabulary: StatisticsVocabulary = {
  legalityConclusions,
  venueTypes,
  disputeCategories,
  openCaseStatuses,
  decidedCaseStatuses: decidedStatuses,
  lostReviewResults,
  openDisputeStatuses,
  caseOverdueDays: OVERDUE_AFTER_DAYS,
}
