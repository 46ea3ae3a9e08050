// The enum values the figures are broken down by come from the record modules' schemas, the one
// place each is defined; the report keeps its own wording where a report speaks differently from an
// API label (进农村 rather than 村).
import type { StatisticsVocabulary } from '../db/statistics/index.js'
import { legalityConclusionLabels, legalityConclusions } from '../modules/decisions/steps.js'
import {
  OVERDUE_AFTER_DAYS as DISPUTE_OVERDUE_AFTER_DAYS,
  categories as disputeCategories,
  categoryLabels as disputeCategoryLabels,
  openStatuses as openDisputeStatuses,
} from '../modules/disputes/schema.js'
import { OVERDUE_AFTER_DAYS, decidedStatuses, lostReviewResults, openStatuses as openCaseStatuses } from '../modules/enforcement-cases/components.js'
import { facilityKindLabels, facilityKinds, levelLabels, levels } from '../modules/grid-units/schema.js'
import { kinds as inspectionKinds } from '../modules/inspections/schema.js'
import { venueTypes } from '../modules/legal-education-events/schema.js'
import { kindLabels as serviceKindLabels, kinds as serviceKinds } from '../modules/legal-services/schema.js'
import {
  categories as publicityCategories,
  categoryLabels as publicityCategoryLabels,
  channelLabels as publicityChannelLabels,
  channels as publicityChannels,
} from '../modules/publicity-items/schema.js'
import { kinds as meetingKinds } from '../modules/rule-of-law-meetings/schema.js'

export {
  disputeCategories,
  disputeCategoryLabels,
  facilityKindLabels,
  facilityKinds,
  legalityConclusionLabels,
  legalityConclusions,
  levelLabels,
  levels,
  publicityCategories,
  publicityCategoryLabels,
  publicityChannelLabels,
  publicityChannels,
  serviceKindLabels,
  serviceKinds,
  venueTypes,
}

/** The venues of 法治进乡村、进社区、进学校、进企业. */
export const outreachVenues = ['village', 'community', 'school', 'enterprise'] as const satisfies readonly (typeof venueTypes)[number][]

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
  disputeOverdueDays: DISPUTE_OVERDUE_AFTER_DAYS,
  outreachVenues,
  meetingKinds,
  serviceKinds,
  publicityCategories,
  publicityChannels,
  inspectionKinds,
  facilityKinds,
}
