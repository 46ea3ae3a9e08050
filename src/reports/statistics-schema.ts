import { Type, type Static, type TInteger, type TObject } from 'typebox'
import { Ref, StringEnum, Uuid } from '../core/schemas.js'
import { demoStatisticsExample } from './statistics-example.js'
import {
  disputeCategories,
  disputeCategoryLabels,
  legalityConclusionLabels,
  legalityConclusions,
  levelLabels,
  levels,
  venueTypeLabels,
  venueTypes,
} from './vocabulary.js'

const Count = (description: string) => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description })
const Rate = (description: string) =>
  Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: `${description} A fraction 0..1; null when there is nothing to divide.` })

/** One count per enum value, zeros included, so a caller never has to guess a missing key. */
function CountMap<const V extends readonly string[]>(values: V, labels: Partial<Record<V[number], string>>, description: string) {
  const properties = Object.fromEntries(values.map((v) => [v, Count(labels[v as V[number]] ?? v)])) as Record<V[number], TInteger>
  return Type.Object(properties, { additionalProperties: false, description: `${description}; every value is listed, zeros included.` }) as TObject<Record<V[number], TInteger>>
}

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
  },
  { $id: 'DecisionFigures', additionalProperties: false, description: '规范行政决策.' },
)

export const EnforcementFigures = Type.Object(
  {
    registered: Count('立案: cases registered in the year (by `registeredAt`).'),
    decided: Count('Cases of the year now `decided` or `closed`.'),
    majorLegallyReviewed: Count('法制审核: major cases of the year whose legal review concluded `approved`.'),
    withRecordings: Count('全过程记录: cases of the year with at least one recording.'),
    overdue: Count('Cases of the year still registered, investigating or in legal review 90 days after registration (as of now).'),
    reconsiderations: Count('行政复议: reviews of kind `reconsideration` filed in the year (by `filedAt`), whatever the case’s year.'),
    litigations: Count('行政诉讼: reviews of kind `litigation` filed in the year (by `filedAt`).'),
    lost: Count('败诉: reviews closed in the year (by `closedAt`) with result `revoked`, `modified` or `confirmed_unlawful`.'),
  },
  { $id: 'EnforcementFigures', additionalProperties: false, description: '严格规范执法.' },
)

export const LegalEducationFigures = Type.Object(
  {
    events: Count('普法活动: events starting in the year (by `startsAt`).'),
    byVenueType: CountMap(venueTypes, venueTypeLabels, 'Those events by venue type'),
    materialsDistributed: Count('宣传资料: materials handed out at those events.'),
    attendance: Count('受教育人次: attendance of those events.'),
    mediaItems: Count('短视频及图文: media items made.'),
    cadreTrainings: Count('干部法治培训: events with audience `cadres` and format `training`.'),
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
    byCategory: CountMap(disputeCategories, disputeCategoryLabels, 'Those disputes by category'),
    petitionBacklogResolved: Count('信访积案化解: of those, petition-backlog disputes now `resolved`.'),
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
  },
  { $id: 'GridUnitFigures', additionalProperties: false, description: '基层治理: the units and workers as of now, not per year.' },
)

const statisticsProperties = {
  year: Type.Integer({ minimum: 1990, maximum: 2100 }),
  gridUnit: Ref(StatisticsGridUnit),
  decisions: Ref(DecisionFigures),
  enforcement: Ref(EnforcementFigures),
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

export const statisticsSchemas = [StatisticsGridUnit, DecisionFigures, EnforcementFigures, LegalEducationFigures, DisputeFigures, GridUnitFigures, Statistics]
