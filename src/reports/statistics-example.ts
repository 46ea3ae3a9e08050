import { renderAnnualReport } from './annual-report.js'
import type { Statistics } from './statistics-schema.js'

/** What the demo county (`npm run seed:demo`) answers for 团结镇 in 2025: the figures of its real report. */
export const demoStatisticsExample: Statistics = {
  year: 2025,
  gridUnit: { id: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60', name: '团结镇', level: 'town' },
  meetings: { specialMeetings: 2, centralGroupStudies: 2, executiveStudies: 0, principalChaired: 4, issuesStudied: 8, issuesResolved: 8 },
  workPlans: { adopted: 1, tasks: 12, tasksDone: 12, tasksOverdue: 0 },
  decisions: { total: 4, legalityReviewed: 4, byConclusion: { lawful: 3, lawful_with_revisions: 1, unlawful: 0 }, adopted: 4, published: 4 },
  legalServices: {
    governmentServices: 8,
    legalOpinions: 2,
    publicServed: 156,
    byKind: { contract_review: 3, major_matter_consultation: 4, petition_case: 1, legal_consultation: 132, mediation_guidance: 24, legal_aid_referral: 0, other: 0 },
  },
  publicity: {
    items: 310,
    byCategory: { policy_document: 20, fiscal: 68, enforcement: 24, decision: 9, village_affairs: 165, other: 24 },
    byChannel: { government_platform: 101, notice_board: 263, grid_group: 181, website: 0, wechat: 0, other: 0 },
  },
  enforcement: { registered: 5, decided: 5, majorLegallyReviewed: 1, withRecordings: 5, published: 5, overdue: 0, reconsiderations: 1, litigations: 0, lost: 0 },
  supervision: { specialInspections: 2, caseFileReviews: 2, selfInspections: 0, riskScreenings: 0, findings: 6, rectified: 6 },
  legalEducation: {
    events: 13,
    byVenueType: { village: 2, school: 1, enterprise: 1, community: 0, government: 8, online: 1, other: 0 },
    outreach: { events: 4, materialsDistributed: 2150, attendance: 4350 },
    materialsDistributed: 2470,
    attendance: 4722,
    mediaItems: 12,
    cadreTrainings: 4,
    officerTrainings: 4,
    studySessions: 0,
  },
  disputes: {
    total: 29,
    resolved: 29,
    resolutionRate: 1,
    open: 0,
    overdue: 0,
    byCategory: { land: 8, neighborhood: 6, marriage_family: 4, labor: 3, contract: 2, property_management: 2, damages: 2, village_affairs: 2, other: 0 },
    petitionBacklogResolved: 2,
  },
  gridUnits: {
    grids: 76,
    gridWorkers: 202,
    legalLiterates: 86,
    villagesAndCommunities: 11,
    withLegalAdviser: 11,
    legalAdviserCoverage: 1,
    facilities: { rule_of_law_square: 1, legal_service_window: 1, mediation_room: 11, legal_library: 0, other: 0 },
    facilitiesEstablished: { rule_of_law_square: 1, legal_service_window: 0, mediation_room: 0, legal_library: 0, other: 0 },
  },
}

export const demoReportExample = renderAnnualReport(demoStatisticsExample)
