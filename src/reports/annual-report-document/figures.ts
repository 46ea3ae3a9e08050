// The statistics object of API.md §5, member for member, as the document reads it. It is written
// out here in one piece, with the enum keys of API.md §4 spelled inline, so the renderer depends on
// nothing but the contract; the statistics schema's own static type can take its place unchanged.

/** One unit's figures for one year (API.md §5, `GET /v1/statistics`); rates are fractions 0..1 or null. */
export type AnnualReportFigures = {
  year: number
  gridUnit: { id: string; name: string; level: 'county' | 'town' | 'village' | 'community' | 'grid' }
  meetings: {
    specialMeetings: number
    centralGroupStudies: number
    executiveStudies: number
    principalChaired: number
    issuesStudied: number
    issuesResolved: number
  }
  workPlans: { adopted: number; tasks: number; tasksDone: number; tasksOverdue: number }
  decisions: {
    total: number
    legalityReviewed: number
    byConclusion: Record<'lawful' | 'lawful_with_revisions' | 'unlawful', number>
    adopted: number
    published: number
  }
  legalServices: {
    governmentServices: number
    legalOpinions: number
    publicServed: number
    byKind: Record<
      | 'contract_review'
      | 'major_matter_consultation'
      | 'petition_case'
      | 'legal_consultation'
      | 'mediation_guidance'
      | 'legal_aid_referral'
      | 'other',
      number
    >
  }
  publicity: {
    items: number
    byCategory: Record<'policy_document' | 'fiscal' | 'enforcement' | 'decision' | 'village_affairs' | 'other', number>
    byChannel: Record<'government_platform' | 'notice_board' | 'grid_group' | 'website' | 'wechat' | 'other', number>
  }
  enforcement: {
    registered: number
    decided: number
    majorLegallyReviewed: number
    withRecordings: number
    published: number
    overdue: number
    reconsiderations: number
    litigations: number
    lost: number
  }
  supervision: {
    specialInspections: number
    caseFileReviews: number
    selfInspections: number
    riskScreenings: number
    findings: number
    rectified: number
  }
  legalEducation: {
    events: number
    byVenueType: Record<'village' | 'school' | 'enterprise' | 'community' | 'government' | 'online' | 'other', number>
    outreach: { events: number; materialsDistributed: number; attendance: number }
    materialsDistributed: number
    attendance: number
    mediaItems: number
    cadreTrainings: number
    officerTrainings: number
    studySessions: number
  }
  disputes: {
    total: number
    resolved: number
    resolutionRate: number | null
    open: number
    overdue: number
    byCategory: Record<
      | 'land'
      | 'neighborhood'
      | 'marriage_family'
      | 'labor'
      | 'contract'
      | 'property_management'
      | 'damages'
      | 'village_affairs'
      | 'other',
      number
    >
    petitionBacklogResolved: number
  }
  gridUnits: {
    grids: number
    gridWorkers: number
    legalLiterates: number
    villagesAndCommunities: number
    withLegalAdviser: number
    legalAdviserCoverage: number | null
    facilities: Record<'rule_of_law_square' | 'legal_service_window' | 'mediation_room' | 'legal_library' | 'other', number>
    facilitiesEstablished: Record<
      'rule_of_law_square' | 'legal_service_window' | 'mediation_room' | 'legal_library' | 'other',
      number
    >
  }
}
