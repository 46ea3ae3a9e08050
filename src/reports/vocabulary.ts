// The enum values the figures are broken down by come from the record modules' schemas, the one
// place each is defined; the report keeps its own wording where a report speaks differently from an
// API label (进农村 rather than 村).
import { categories as disputeCategories, categoryLabels as disputeCategoryLabels } from '../modules/disputes/schema.js'
import { legalityConclusionLabels, legalityConclusions } from '../modules/decisions/steps.js'
import { venueTypes } from '../modules/legal-education-events/schema.js'

export { disputeCategories, disputeCategoryLabels, legalityConclusionLabels, legalityConclusions, venueTypes }

export const venueTypeLabels = {
  village: '进农村',
  school: '进校园',
  enterprise: '进企业',
  community: '进社区',
  government: '进机关',
  online: '线上',
  other: '其他场所',
} as const satisfies Record<(typeof venueTypes)[number], string>

/** Case statuses that are still being handled; `decided` is not final but is no longer overdue. */
export const openCaseStatuses = ['registered', 'investigating', 'legal_review'] as const
export const decidedCaseStatuses = ['decided', 'closed'] as const
/** Review results that mean the administration lost (败诉). */
export const lostReviewResults = ['revoked', 'modified', 'confirmed_unlawful'] as const
export const openDisputeStatuses = ['reported', 'mediating', 'escalated'] as const

/** A case not decided this many days after registration is overdue (API.md §4, enforcement cases). */
export const OVERDUE_AFTER_DAYS = 90

export type LegalityConclusion = (typeof legalityConclusions)[number]
export type VenueType = (typeof venueTypes)[number]
export type DisputeCategory = (typeof disputeCategories)[number]
