import { renderAnnualReport } from './annual-report.js'
import type { Statistics } from './statistics-schema.js'

/** What the demo county (`npm run seed:demo`) answers for 团结镇 in 2025: the figures of its real report. */
export const demoStatisticsExample: Statistics = {
  year: 2025,
  gridUnit: { id: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60', name: '团结镇', level: 'town' },
  decisions: { total: 4, legalityReviewed: 4, byConclusion: { lawful: 3, lawful_with_revisions: 1, unlawful: 0 }, adopted: 4 },
  enforcement: { registered: 5, decided: 5, majorLegallyReviewed: 1, withRecordings: 5, overdue: 0, reconsiderations: 1, litigations: 0, lost: 0 },
  legalEducation: {
    events: 11,
    byVenueType: { village: 2, school: 1, enterprise: 1, community: 0, government: 6, online: 1, other: 0 },
    materialsDistributed: 2150,
    attendance: 4350,
    mediaItems: 12,
    cadreTrainings: 4,
    studySessions: 2,
  },
  disputes: {
    total: 29,
    resolved: 29,
    resolutionRate: 1,
    open: 0,
    byCategory: { land: 8, neighborhood: 6, marriage_family: 4, labor: 3, contract: 2, property_management: 2, damages: 2, village_affairs: 2, other: 0 },
    petitionBacklogResolved: 2,
  },
  gridUnits: { grids: 76, gridWorkers: 202, legalLiterates: 86, villagesAndCommunities: 11, withLegalAdviser: 11, legalAdviserCoverage: 1 },
}

export const demoReportExample = renderAnnualReport(demoStatisticsExample)
