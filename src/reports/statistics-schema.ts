import { Type, type Static, type TObject } from 'typebox'
import { Count, CountMap, Rate } from './figures-schema.js'
import { Ref, StringEnum, Uuid } from '../core/schemas.js'
import { LegalServiceFigures, MeetingFigures, PublicityFigures, SupervisionFigures, WorkPlanFigures, ledgerFigureSchemas } from './ledger-figures-schema.js'
import { demoStatisticsExample } from './statistics-example.js'
import {
  disputeCategories,
  disputeCategoryLabels,
  facilityKindLabels,
  facilityKinds,
  legalityConclusionLabels,
  legalityConclusions,
  levelLabels,
  levels,
  venueTypeLabels,
  venueTypes,
} from './vocabulary.js'

export const StatisticsGridUnit = Type.Object(
  {
    id: Uuid(),
    name: Type.String({ maxLength: 100, examples: ['团结镇'] }),
    level: StringEnum(levels, levelLabels),
  },
  { $id: 'StatisticsGridUnit', additionalProperties: false, description: 'The unit whose subtree the figures cover.' },
)

export const DecisionFigures = Type.Object(
  {
    total: Count('重大行政决策: decisions proposed in the year (by `proposedAt`).'),
    legalityReviewed: Count('合法性审查: legality reviews completed in the year (by `legalityReview.completedAt`), every conclusion counted, `unlawful` included.'),
    byConclusion: CountMap(legalityConclusions, legalityConclusionLabels, 'Those reviews by conclusion'),
    adopted: Count('Decisions now `adopted` whose collective discussion was held in the year (by `collectiveDiscussion.heldAt`).'),
    published: Count('公布: decisions of the year (by `proposedAt`) with a `publishedAt`.'),
  },
  { $id: 'DecisionFigures', additionalProperties: false, description: '规范行政决策.' },
)

export const EnforcementFigures = Type.Object(
  {
    registered: Count('立案: cases registered in the year (by `registeredAt`).'),
    decided: Count('Cases of the year now `decided` or `closed`.'),
    majorLegallyReviewed: Count('法制审核: major cases of the year whose legal review concluded `approved`.'),
    withRecordings: Count('全过程记录: cases of the year with at least one recording.'),
    published: Count('行政执法公示: cases of the year with a `publishedAt`.'),
    overdue: Count('Cases of the year still registered, investigating or in legal review 90 days after registration (as of now).'),
    reconsiderations: Count('行政复议: reviews of kind `reconsideration` filed in the year (by `filedAt`), whatever the case’s year.'),
    litigations: Count('行政诉讼: reviews of kind `litigation` filed in the year (by `filedAt`).'),
    lost: Count('败诉: reviews closed in the year (by `closedAt`) with result `revoked`, `modified` or `confirmed_unlawful`.'),
  },
  { $id: 'EnforcementFigures', additionalProperties: false, description: '严格规范执法.' },
)

export const OutreachFigures = Type.Object(
  {
    events: Count('法治进乡村、进社区、进学校、进企业: events of the year at venue `village`, `community`, `school` or `enterprise`.'),
    materialsDistributed: Count('Materials handed out at those events.'),
    attendance: Count('Attendance (人次) of those events.'),
  },
  { $id: 'OutreachFigures', additionalProperties: false, description: '法治宣传“进村入户”: the outreach events and their reach.' },
)

export const LegalEducationFigures = Type.Object(
  {
    events: Count('普法活动: events starting in the year (by `startsAt`).'),
    byVenueType: CountMap(venueTypes, venueTypeLabels, 'Those events by venue type'),
    outreach: Ref(OutreachFigures),
    materialsDistributed: Count('宣传资料: materials handed out at those events.'),
    attendance: Count('受教育人次: attendance of those events.'),
    mediaItems: Count('短视频及图文: media items made.'),
    cadreTrainings: Count('干部法治培训: events with audience `cadres` and format `training`.'),
    officerTrainings: Count('执法人员业务培训: events with audience `enforcement_officers` and format `training`.'),
    studySessions: Count('学法会: events of format `study_session`.'),
  },
  { $id: 'LegalEducationFigures', additionalProperties: false, description: '普法宣传.' },
)

export const DisputeFigures = Type.Object(
  {
    total: Count('矛盾纠纷: disputes reported in the year (by `reportedAt`).'),
    resolved: Count('Of those, now `resolved`.'),
    resolutionRate: Rate('化解率: `resolved / total`.'),
    open: Count('Of those, still `reported`, `mediating` or `escalated`.'),
    overdue: Count('Of the open ones, those now overdue: open 30 days after `reportedAt`.'),
    byCategory: CountMap(disputeCategories, disputeCategoryLabels, 'Those disputes by category'),
    petitionBacklogResolved: Count(
      '信访积案化解: petition-backlog disputes now `resolved` whose `resolution.resolvedAt` falls in the year, whenever they were reported (a 积案 is old by nature).',
    ),
  },
  { $id: 'DisputeFigures', additionalProperties: false, description: '矛盾纠纷排查化解.' },
)

export const GridUnitFigures = Type.Object(
  {
    grids: Count('网格: units of level `grid` in the subtree.'),
    gridWorkers: Count('网格员: workers with role `grid_worker`.'),
    legalLiterates: Count('法律明白人: workers with role `legal_literate`.'),
    villagesAndCommunities: Count('村（社区）: units of level `village` or `community`.'),
    withLegalAdviser: Count('Villages and communities where the unit itself or a unit below it has a worker with role `legal_adviser`.'),
    legalAdviserCoverage: Rate('法律顾问覆盖率: `withLegalAdviser / villagesAndCommunities`.'),
    facilities: CountMap(facilityKinds, facilityKindLabels, '法治阵地 of the subtree by kind, as of now'),
    facilitiesEstablished: CountMap(facilityKinds, facilityKindLabels, 'Those whose `establishedOn` falls in the year'),
  },
  { $id: 'GridUnitFigures', additionalProperties: false, description: '基层治理: the units and workers as of now, not per year.' },
)

const statisticsProperties = {
  year: Type.Integer({ minimum: 1990, maximum: 2100 }),
  gridUnit: Ref(StatisticsGridUnit),
  meetings: Ref(MeetingFigures),
  workPlans: Ref(WorkPlanFigures),
  decisions: Ref(DecisionFigures),
  legalServices: Ref(LegalServiceFigures),
  publicity: Ref(PublicityFigures),
  enforcement: Ref(EnforcementFigures),
  supervision: Ref(SupervisionFigures),
  legalEducation: Ref(LegalEducationFigures),
  disputes: Ref(DisputeFigures),
  gridUnits: Ref(GridUnitFigures),
}
/** The figures object (its example, the demo's 团结镇 2025, is typed by it). */
export type Statistics = Static<TObject<typeof statisticsProperties>>

export const Statistics = Type.Object(
  statisticsProperties,
  {
    $id: 'Statistics',
    additionalProperties: false,
    description:
      'The year’s figures of a unit and every unit below it. A record counts in the year of its date in China Standard Time (UTC+8); ' +
      'deleted records never count; grid-unit figures are as of now.',
    examples: [demoStatisticsExample],
  },
)

export const StatisticsQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 1990, maximum: 2100, description: 'Required. The calendar year, reckoned in China Standard Time (UTC+8).', examples: [2025] }),
    gridUnitId: Type.Optional(
      Uuid({
        description:
          'The unit whose subtree is counted. Defaults to the unit the API key is bound to; required (400) for a key not bound to a unit. ' +
          'A unit that does not exist or lies outside the key’s jurisdiction answers 404.',
      }),
    ),
  },
  { additionalProperties: false },
)
export type StatisticsQuery = Static<typeof StatisticsQuery>

export const statisticsSchemas = [
  StatisticsGridUnit,
  ...ledgerFigureSchemas,
  DecisionFigures,
  EnforcementFigures,
  OutreachFigures,
  LegalEducationFigures,
  DisputeFigures,
  GridUnitFigures,
  Statistics,
]
