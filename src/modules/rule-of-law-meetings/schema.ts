import { Type } from 'typebox'
import { DateOrDateTime, DateTime, Nullable, RecordOf, Ref, RepeatableEnum, StringEnum, Text, Uuid } from '../../core/schemas.js'

export const kinds = ['special_meeting', 'central_group_study', 'executive_study', 'other'] as const
export const kindLabels = {
  special_meeting: '法治专题会议',
  central_group_study: '党委理论学习中心组学法',
  executive_study: '政府常务会议学法',
  other: '其他',
} as const
export const issueStatuses = ['open', 'resolved'] as const
const issueStatusLabels = { open: '未解决', resolved: '已解决' } as const

export const MeetingIssue = Type.Object(
  {
    title: Text(200, { description: '重点难点问题', examples: ['农村土地承包经营权流转纠纷多发'] }),
    status: StringEnum(issueStatuses, issueStatusLabels, { description: '状态 status' }),
    resolvedAt: Type.Optional(DateTime({ description: '解决时间: only on a resolved issue, not before the meeting’s `heldAt`.' })),
  },
  {
    $id: 'MeetingIssue',
    additionalProperties: false,
    description: '会议研究的重点难点问题: a resolved one has `resolvedAt` (not before `heldAt`), an open one none (`issue-resolution`).',
    examples: [{ title: '农村土地承包经营权流转纠纷多发', status: 'resolved', resolvedAt: '2025-05-20T08:00:00.000Z' }],
  },
)

const fields = {
  gridUnitId: Uuid({ description: '召开会议的单位 the grid unit (usually a town) that held the meeting.' }),
  title: Text(200, { description: '会议名称', examples: ['团结镇2025年第一次法治专题会议'] }),
  kind: StringEnum(kinds, kindLabels, { description: '类型 kind' }),
  heldAt: DateTime({ description: '召开时间: the year a meeting counts in (UTC+8).' }),
  chairedBy: Text(100, { description: '主持人', examples: ['镇党委书记 王建国'] }),
  chairIsPrincipal: Type.Boolean({ description: '党政主要负责人主持 chaired by the party or government principal.' }),
  attendance: Type.Integer({ minimum: 0, maximum: 100_000, description: '参会人数; an integer 0..100000.', examples: [32] }),
  summary: Text(4000, { description: '会议内容' }),
  issues: Type.Array(Ref(MeetingIssue), { maxItems: 50, description: '研究解决的重点难点问题, at most 50.' }),
}

const example = {
  gridUnitId: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  title: '团结镇2025年第一次法治专题会议',
  kind: 'special_meeting',
  heldAt: '2025-03-18T01:30:00.000Z',
  chairedBy: '镇党委书记 王建国',
  chairIsPrincipal: true,
  attendance: 32,
  summary: '传达学习习近平法治思想，研究部署2025年法治政府建设重点任务',
  issues: [
    { title: '农村土地承包经营权流转纠纷多发', status: 'resolved', resolvedAt: '2025-05-20T08:00:00.000Z' },
    { title: '行政执法人员持证率不高', status: 'resolved', resolvedAt: '2025-06-30T08:00:00.000Z' },
  ],
}
const recordExample = { id: '1b7e4c2a-9d3f-4e8a-b6c5-2f0e1d3c4b5a', version: 1, createdAt: '2025-03-18T06:00:00.000Z', updatedAt: '2025-03-18T06:00:00.000Z', ...example }

export const RuleOfLawMeetingCreate = Type.Object(
  {
    gridUnitId: fields.gridUnitId,
    title: fields.title,
    kind: fields.kind,
    heldAt: fields.heldAt,
    chairedBy: fields.chairedBy,
    chairIsPrincipal: Type.Optional({ ...fields.chairIsPrincipal, default: false }),
    attendance: Type.Optional({ ...fields.attendance, default: 0 }),
    summary: Type.Optional(fields.summary),
    issues: Type.Optional({ ...fields.issues, default: [] }),
  },
  { $id: 'RuleOfLawMeetingCreate', additionalProperties: false, description: 'A new meeting or study session.', examples: [example] },
)

export const RuleOfLawMeetingUpdate = Type.Object(
  {
    gridUnitId: Type.Optional(fields.gridUnitId),
    title: Type.Optional(fields.title),
    kind: Type.Optional(fields.kind),
    heldAt: Type.Optional(fields.heldAt),
    chairedBy: Type.Optional(fields.chairedBy),
    chairIsPrincipal: Type.Optional(fields.chairIsPrincipal),
    attendance: Type.Optional(fields.attendance),
    summary: Type.Optional(Nullable(fields.summary)),
    issues: Type.Optional(fields.issues),
  },
  {
    $id: 'RuleOfLawMeetingUpdate',
    additionalProperties: false,
    description: 'JSON Merge Patch of a meeting: only the fields to change; null clears `summary`; `issues` is replaced whole.',
    examples: [{ issues: [{ title: '农村土地承包经营权流转纠纷多发', status: 'resolved', resolvedAt: '2025-05-20T08:00:00Z' }] }],
  },
)

export const RuleOfLawMeeting = RecordOf(
  'RuleOfLawMeeting',
  {
    gridUnitId: fields.gridUnitId,
    title: fields.title,
    kind: fields.kind,
    heldAt: fields.heldAt,
    chairedBy: fields.chairedBy,
    chairIsPrincipal: fields.chairIsPrincipal,
    attendance: fields.attendance,
    summary: Type.Optional(fields.summary),
    issues: fields.issues,
  },
  { description: '法治会议与学法: a 法治专题会议, a 党委理论学习中心组 study of law, a government executive meeting’s study, and the 重点难点问题 it took up.', example: recordExample },
)

export const ruleOfLawMeetingFilters = {
  kind: RepeatableEnum(kinds, 'Only these kinds (repeatable)', kindLabels),
  heldFrom: Type.Optional(DateOrDateTime('Only meetings held at or after this.')),
  heldTo: Type.Optional(DateOrDateTime('Only meetings held at or before this.')),
}
