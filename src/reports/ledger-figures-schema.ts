import { Type } from 'typebox'
import { Count, CountMap } from './figures-schema.js'
import {
  publicityCategories,
  publicityCategoryLabels,
  publicityChannelLabels,
  publicityChannels,
  serviceKindLabels,
  serviceKinds,
} from './vocabulary.js'

// The figures of the report's other ledgers (API.md §5): meetings, work plans, legal services,
// publicity and supervision.

export const MeetingFigures = Type.Object(
  {
    specialMeetings: Count('法治专题会议: meetings of kind `special_meeting` held in the year (by `heldAt`).'),
    centralGroupStudies: Count('党委理论学习中心组学法: meetings of kind `central_group_study`.'),
    executiveStudies: Count('政府常务会议学法: meetings of kind `executive_study`.'),
    principalChaired: Count('党政主要负责人主持: meetings of the year of the three named kinds with `chairIsPrincipal` (an `other` meeting is in none of the report\'s counts).'),
    issuesStudied: Count('研究重点难点问题: the issues of those meetings.'),
    issuesResolved: Count('解决: those issues now `resolved`.'),
  },
  { $id: 'MeetingFigures', additionalProperties: false, description: '强化政治引领: rule-of-law meetings and study sessions.' },
)

export const WorkPlanFigures = Type.Object(
  {
    adopted: Count('年度工作方案: plans for the year (by `year`) now `adopted`.'),
    tasks: Count('Tasks of those plans.'),
    tasksDone: Count('Of those, done (with `doneAt`).'),
    tasksOverdue: Count('Of those, not done with `dueOn` before today (UTC+8).'),
  },
  { $id: 'WorkPlanFigures', additionalProperties: false, description: '年度工作方案 and its task list.' },
)

export const LegalServiceFigures = Type.Object(
  {
    governmentServices: Count('法律顾问为政府提供法律服务: Σ `quantity` of the year’s services with recipient `government`.'),
    legalOpinions: Count('出具法律意见书: entries with `opinionIssued`.'),
    publicServed: Count('为群众提供法律服务（咨询、调解指引）: Σ `quantity` with recipient `public`.'),
    byKind: CountMap(serviceKinds, serviceKindLabels, 'Σ `quantity` by kind, over both recipients'),
  },
  { $id: 'LegalServiceFigures', additionalProperties: false, description: '法律服务 by the legal advisers, the service window and the judicial office.' },
)

export const PublicityFigures = Type.Object(
  {
    items: Count('政务公开: items published in the year (by `publishedAt`).'),
    byCategory: CountMap(publicityCategories, publicityCategoryLabels, 'Those items by category'),
    byChannel: CountMap(publicityChannels, publicityChannelLabels, 'Those items by channel (an item counts once under each of its channels)'),
  },
  { $id: 'PublicityFigures', additionalProperties: false, description: '政务公开.' },
)

export const SupervisionFigures = Type.Object(
  {
    specialInspections: Count('执法专项检查: inspections of kind `special_inspection` started in the year (by `startedAt`).'),
    caseFileReviews: Count('案卷评查: kind `case_file_review`.'),
    selfInspections: Count('执法自查: kind `self_inspection`.'),
    riskScreenings: Count('风险排查: kind `risk_screening`.'),
    findings: Count('问题: the findings of those inspections.'),
    rectified: Count('整改: those findings with `rectifiedAt`.'),
  },
  { $id: 'SupervisionFigures', additionalProperties: false, description: '执法监督: inspections and their findings put right.' },
)

export const ledgerFigureSchemas = [MeetingFigures, WorkPlanFigures, LegalServiceFigures, PublicityFigures, SupervisionFigures]
