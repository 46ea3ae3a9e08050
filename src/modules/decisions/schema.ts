import { Type } from 'typebox'
import type { Transitions } from '../../core/lifecycle.js'
import { DateOrDateTime, DateTime, Nullable, RecordOf, Ref, RepeatableEnum, StatusEnum, StringEnum, Text, Uuid, idOf } from '../../core/schemas.js'
import {
  DecisionCollectiveDiscussion,
  DecisionExpertArgumentation,
  DecisionLegalityReview,
  DecisionPublicParticipation,
  DecisionRiskAssessment,
  legalityConclusions,
  stepNames,
  stepPatches,
  steps,
} from './steps.js'

export const categories = ['major_matter', 'cadre_appointment', 'major_project', 'large_fund', 'normative_document', 'other'] as const
const categoryLabels = {
  major_matter: '重大事项',
  cadre_appointment: '干部任免',
  major_project: '重大项目',
  large_fund: '大额资金',
  normative_document: '规范性文件',
  other: '其他',
} as const

export const statuses = ['draft', 'under_review', 'adopted', 'rejected', 'withdrawn'] as const
export type DecisionStatus = (typeof statuses)[number]
const statusLabels = { draft: '草案', under_review: '审议中', adopted: '已通过', rejected: '未通过', withdrawn: '已撤回' } as const

export const transitions = {
  draft: ['under_review', 'withdrawn'],
  under_review: ['draft', 'adopted', 'rejected', 'withdrawn'],
  adopted: [],
  rejected: [],
  withdrawn: [],
} as const satisfies Transitions<DecisionStatus>

const Status = StatusEnum(
  statuses,
  statusLabels,
  transitions,
  '`adopted` needs a collective discussion that adopted it; `rejected` needs a collective discussion that rejected it, or a legality review that found it unlawful',
)

const fields = {
  gridUnitId: Uuid({ description: '决策机关所在的网格单元 the grid unit (usually a town) that owns the decision.' }),
  title: Text(200, { description: '决策事项名称', examples: ['关于团结镇土地流转管理办法的决策'] }),
  summary: Text(4000, { description: '决策内容摘要' }),
  category: StringEnum(categories, categoryLabels, { description: '决策类别 category' }),
  proposedBy: Text(100, { description: '承办单位', examples: ['团结镇农业综合服务中心'] }),
  proposedAt: DateTime({ description: '提出时间: the year a decision counts in.' }),
  status: Status,
  publishedAt: DateTime({ description: '公布时间: only on an adopted decision, not before `collectiveDiscussion.heldAt`.' }),
}

const stepFields = {
  publicParticipation: Type.Optional(Ref(DecisionPublicParticipation)),
  expertArgumentation: Type.Optional(Ref(DecisionExpertArgumentation)),
  riskAssessment: Type.Optional(Ref(DecisionRiskAssessment)),
  legalityReview: Type.Optional(Ref(DecisionLegalityReview)),
  collectiveDiscussion: Type.Optional(Ref(DecisionCollectiveDiscussion)),
}
const stepPatchFields = Object.fromEntries(stepNames.map((name) => [name, Type.Optional(Nullable(Type.Ref(idOf(stepPatches[name]))))]))

const example = {
  gridUnitId: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  title: '关于团结镇土地流转管理办法的决策',
  summary: '规范全镇农村土地经营权流转程序，明确流转合同备案、流转价格指导和流转纠纷调处办法',
  category: 'normative_document',
  proposedBy: '团结镇农业综合服务中心',
  proposedAt: '2025-03-03T01:00:00.000Z',
  status: 'adopted',
  ...Object.fromEntries(stepNames.map((name) => [name, (steps[name] as unknown as { examples: unknown[] }).examples[0]])),
  publishedAt: '2025-04-15T01:00:00.000Z',
}
const recordExample = {
  id: '6d1a9c3e-2b7f-4e8a-b5c4-0f3e7a9d1b26',
  version: 6,
  createdAt: '2025-03-03T01:12:40.000Z',
  updatedAt: '2025-04-15T01:05:09.000Z',
  ...example,
}
const createExample = {
  gridUnitId: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  title: '关于团结镇 2025 年农村人居环境整治项目资金安排的决策',
  category: 'large_fund',
  proposedBy: '团结镇财政所',
  proposedAt: '2025-05-06T01:30:00Z',
}

export const DecisionCreate = Type.Object(
  {
    gridUnitId: fields.gridUnitId,
    title: fields.title,
    summary: Type.Optional(fields.summary),
    category: fields.category,
    proposedBy: fields.proposedBy,
    proposedAt: fields.proposedAt,
    status: Type.Optional({ ...fields.status, default: 'draft' }),
    ...stepFields,
    publishedAt: Type.Optional(fields.publishedAt),
  },
  {
    $id: 'DecisionCreate',
    additionalProperties: false,
    description: '重大行政决策 as written by a caller. `status` defaults to `draft`; a later status must meet its rules.',
    examples: [createExample, example],
  },
)

export const DecisionUpdate = Type.Object(
  {
    gridUnitId: Type.Optional(fields.gridUnitId),
    title: Type.Optional(fields.title),
    summary: Type.Optional(Nullable(fields.summary)),
    category: Type.Optional(fields.category),
    proposedBy: Type.Optional(fields.proposedBy),
    proposedAt: Type.Optional(fields.proposedAt),
    status: Type.Optional(fields.status),
    ...stepPatchFields,
    publishedAt: Type.Optional(Nullable(fields.publishedAt)),
  },
  {
    $id: 'DecisionUpdate',
    additionalProperties: false,
    description:
      'JSON Merge Patch of a decision: only the fields to change. A step object merges member by member; null clears `summary`, `publishedAt`, a whole step, or an optional member of a step.',
    examples: [
      {
        status: 'under_review',
        legalityReview: { reviewer: '团结镇司法所', conclusion: 'lawful', completedAt: '2025-05-20T08:00:00Z' },
      },
    ],
  },
)

export const Decision = RecordOf(
  'Decision',
  {
    gridUnitId: fields.gridUnitId,
    title: fields.title,
    summary: Type.Optional(fields.summary),
    category: fields.category,
    proposedBy: fields.proposedBy,
    proposedAt: fields.proposedAt,
    status: fields.status,
    ...stepFields,
    publishedAt: Type.Optional(fields.publishedAt),
  },
  {
    description: '重大行政决策 a major administrative decision and the five statutory steps it has been through; a step is absent until done.',
    example: recordExample,
  },
)

export const decisionFilters = {
  status: RepeatableEnum(statuses, 'Only these statuses (repeatable)', statusLabels),
  category: RepeatableEnum(categories, 'Only these categories (repeatable)', categoryLabels),
  legalityConclusion: RepeatableEnum(
    legalityConclusions,
    'Only decisions whose legality review reached one of these conclusions (repeatable): `lawful` 合法 · `lawful_with_revisions` 修改后合法 · `unlawful` 不合法. A decision not yet reviewed matches none.',
  ),
  proposedFrom: Type.Optional(DateOrDateTime('Only decisions proposed at or after this.')),
  proposedTo: Type.Optional(DateOrDateTime('Only decisions proposed at or before this.')),
}
