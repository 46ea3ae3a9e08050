// The enum values the figures are broken down by, as the contract (API.md §4) fixes them. Kept
// here rather than imported from the record modules: the statistics read the tables directly and
// must not change shape when a module's API schema is refactored.

export const legalityConclusions = ['lawful', 'lawful_with_revisions', 'unlawful'] as const
export const legalityConclusionLabels = { lawful: '合法', lawful_with_revisions: '修改后合法', unlawful: '不合法' } as const

export const venueTypes = ['village', 'school', 'enterprise', 'community', 'government', 'online', 'other'] as const
export const venueTypeLabels = {
  village: '进农村',
  school: '进校园',
  enterprise: '进企业',
  community: '进社区',
  government: '进机关',
  online: '线上',
  other: '其他场所',
} as const

export const disputeCategories = [
  'land',
  'neighborhood',
  'marriage_family',
  'labor',
  'contract',
  'property_management',
  'damages',
  'village_affairs',
  'other',
] as const
export const disputeCategoryLabels = {
  land: '土地',
  neighborhood: '邻里',
  marriage_family: '婚姻家庭',
  labor: '劳资',
  contract: '合同',
  property_management: '物业',
  damages: '损害赔偿',
  village_affairs: '村务',
  other: '其他',
} as const

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
