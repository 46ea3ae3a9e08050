import { Type, type TObject, type TSchema } from 'typebox'
import { DateTime, Nullable, StringEnum, Text } from '../../core/schemas.js'

// The five statutory steps of 重大行政决策程序暂行条例 (公众参与、专家论证、风险评估、合法性审查、
// 集体讨论决定), each a nested object that stays absent until the step is done.

export const participationMethods = ['hearing', 'solicitation', 'symposium', 'online', 'other'] as const
export const riskLevels = ['low', 'medium', 'high'] as const
export const legalityConclusions = ['lawful', 'lawful_with_revisions', 'unlawful'] as const
export const discussionOutcomes = ['adopted', 'rejected', 'deferred'] as const

export const legalityConclusionLabels = { lawful: '合法', lawful_with_revisions: '修改后合法', unlawful: '不合法' } as const

const stepSummary = Text(2000, { description: '情况说明 what the step found or produced' })

export const DecisionPublicParticipation = Type.Object(
  {
    method: StringEnum(
      participationMethods,
      { hearing: '听证会', solicitation: '公开征求意见', symposium: '座谈会', online: '网络征求意见', other: '其他' },
      { description: '参与方式 method' },
    ),
    completedAt: DateTime({ description: '完成时间; not before `proposedAt`.' }),
    summary: Type.Optional(stepSummary),
  },
  {
    $id: 'DecisionPublicParticipation',
    additionalProperties: false,
    description: '公众参与 public participation.',
    examples: [{ method: 'solicitation', completedAt: '2025-03-21T09:00:00.000Z', summary: '在镇政府网站和各村公示栏公开征求意见 15 天，收到意见 23 条，采纳 9 条' }],
  },
)

export const DecisionExpertArgumentation = Type.Object(
  {
    completedAt: DateTime({ description: '论证完成时间; not before `proposedAt`.' }),
    summary: Type.Optional(stepSummary),
  },
  {
    $id: 'DecisionExpertArgumentation',
    additionalProperties: false,
    description: '专家论证 expert argumentation.',
    examples: [{ completedAt: '2025-03-26T06:30:00.000Z', summary: '邀请旗农牧局、旗司法局专家及镇法律顾问召开论证会，一致认为办法必要可行' }],
  },
)

export const DecisionRiskAssessment = Type.Object(
  {
    level: StringEnum(riskLevels, { low: '低风险', medium: '中风险', high: '高风险' }, { description: '风险等级 level' }),
    completedAt: DateTime({ description: '评估完成时间; not before `proposedAt`.' }),
    summary: Type.Optional(stepSummary),
  },
  {
    $id: 'DecisionRiskAssessment',
    additionalProperties: false,
    description: '风险评估 risk assessment.',
    examples: [{ level: 'low', completedAt: '2025-03-28T08:00:00.000Z', summary: '社会稳定风险评估为低风险，已制定流转纠纷应急处置预案' }],
  },
)

export const DecisionLegalityReview = Type.Object(
  {
    reviewer: Text(100, { description: '审查机构或人员', examples: ['团结镇司法所'] }),
    conclusion: StringEnum(legalityConclusions, legalityConclusionLabels, { description: '审查结论 conclusion' }),
    opinion: Type.Optional(Text(4000, { description: '审查意见' })),
    completedAt: DateTime({ description: '审查完成时间; before `collectiveDiscussion.heldAt`, not before `proposedAt`.' }),
  },
  {
    $id: 'DecisionLegalityReview',
    additionalProperties: false,
    description: '合法性审查 legality review. A collective discussion needs a `lawful` or `lawful_with_revisions` review completed before it.',
    examples: [
      { reviewer: '团结镇司法所', conclusion: 'lawful_with_revisions', opinion: '建议删除第十二条关于收取流转服务费的规定，其余条款合法', completedAt: '2025-04-02T07:00:00.000Z' },
    ],
  },
)

export const DecisionCollectiveDiscussion = Type.Object(
  {
    meeting: Text(200, { description: '会议名称', examples: ['团结镇党委会 2025 年第 8 次会议'] }),
    heldAt: DateTime({ description: '会议时间; after `legalityReview.completedAt`.' }),
    outcome: StringEnum(discussionOutcomes, { adopted: '通过', rejected: '不予通过', deferred: '暂缓' }, { description: '讨论结果 outcome' }),
  },
  {
    $id: 'DecisionCollectiveDiscussion',
    additionalProperties: false,
    description: '集体讨论决定 collective discussion. Only after a lawful legality review.',
    examples: [{ meeting: '团结镇党委会 2025 年第 8 次会议', heldAt: '2025-04-10T02:00:00.000Z', outcome: 'adopted' }],
  },
)

/** The steps in statutory order, by their field names on a decision. */
export const steps = {
  publicParticipation: DecisionPublicParticipation,
  expertArgumentation: DecisionExpertArgumentation,
  riskAssessment: DecisionRiskAssessment,
  legalityReview: DecisionLegalityReview,
  collectiveDiscussion: DecisionCollectiveDiscussion,
}
export type StepName = keyof typeof steps
export const stepNames = Object.keys(steps) as StepName[]

/**
 * A merge patch merges into a nested object (RFC 7396 §2), so a change may name only some members
 * and clear an optional one with null; the merged step must then be complete.
 */
function stepPatch(step: TObject) {
  const required = new Set(step.required ?? [])
  const id = (step as { $id?: string }).$id!
  const properties = Object.fromEntries(
    Object.entries(step.properties).map(([name, schema]) => [name, Type.Optional(required.has(name) ? schema : Nullable(schema as TSchema))]),
  )
  return Type.Object(properties, {
    $id: `${id}Patch`,
    additionalProperties: false,
    description: `Merge patch of \`${id}\`: the members given replace the stored ones, null clears an optional one; the merged step must be complete.`,
  })
}

export const stepPatches = Object.fromEntries(stepNames.map((name) => [name, stepPatch(steps[name])])) as unknown as Record<StepName, TObject>
export const stepComponents = [...stepNames.map((name) => steps[name]), ...stepNames.map((name) => stepPatches[name])]
