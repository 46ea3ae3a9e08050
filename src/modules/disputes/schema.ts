import { Type, type Static } from 'typebox'
import type { Transitions } from '../../core/lifecycle.js'
import { DateOrDateTime, DateTime, Nullable, Phone, RecordOf, Ref, RepeatableEnum, StatusEnum, StringEnum, Text, Uuid } from '../../core/schemas.js'

export const categories = [
  'land', 'neighborhood', 'marriage_family', 'labor', 'contract', 'property_management', 'damages', 'village_affairs', 'other',
] as const
export const categoryLabels = {
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

export const sources = ['grid_inspection', 'petition', 'hotline', 'walk_in', 'referral', 'other'] as const
const sourceLabels = { grid_inspection: '网格排查', petition: '信访', hotline: '热线', walk_in: '来访', referral: '转办', other: '其他' } as const

export const statuses = ['reported', 'mediating', 'resolved', 'escalated', 'unresolved'] as const
export type DisputeStatus = (typeof statuses)[number]
const statusLabels = { reported: '已登记', mediating: '调解中', resolved: '已化解', escalated: '已上报', unresolved: '未化解' } as const

/** The status graph of the contract (API.md §4); resolved and unresolved are final. */
export const transitions = {
  reported: ['mediating', 'resolved', 'escalated', 'unresolved'],
  mediating: ['resolved', 'escalated', 'unresolved'],
  escalated: ['mediating', 'resolved', 'unresolved'],
  resolved: [],
  unresolved: [],
} as const satisfies Transitions<DisputeStatus>
/** Still being handled: the statuses that are not final. */
export const openStatuses = ['reported', 'mediating', 'escalated'] as const satisfies readonly DisputeStatus[]
/** Days after which an open dispute is overdue (《人民调解工作若干规定》第三十三条: settled within a month as a rule). */
export const OVERDUE_AFTER_DAYS = 30

const partyRoles = ['applicant', 'respondent', 'third_party'] as const
const partyRoleLabels = { applicant: '申请人', respondent: '被申请人', third_party: '第三人' } as const

const resolutionMethods = ['people_mediation', 'administrative_mediation', 'judicial_confirmation', 'legal_aid', 'litigation_guidance', 'other'] as const
const resolutionMethodLabels = {
  people_mediation: '人民调解',
  administrative_mediation: '行政调解',
  judicial_confirmation: '司法确认',
  legal_aid: '法律援助',
  litigation_guidance: '引导诉讼',
  other: '其他',
} as const

const Category = StringEnum(categories, categoryLabels, { description: '纠纷类别 category' })
const Source = StringEnum(sources, sourceLabels, { description: '来源 source' })
const Status = StatusEnum(statuses, statusLabels, transitions)
const ResolutionMethod = StringEnum(resolutionMethods, resolutionMethodLabels, { description: '化解方式 method' })

export const DisputeParty = Type.Object(
  {
    name: Text(100, { description: '当事人姓名或单位名称', examples: ['张福'] }),
    role: StringEnum(partyRoles, partyRoleLabels, { description: '当事人身份 role' }),
    phone: Type.Optional(Phone()),
  },
  { $id: 'DisputeParty', additionalProperties: false, description: '当事人 a party to the dispute.' },
)

const resolutionFields = {
  method: ResolutionMethod,
  summary: Text(2000, { description: '化解情况 what was agreed or done', examples: ['经村调委会调解，双方按原合同面积重新丈量，承包方补交流转费 3600 元'] }),
  agreementReached: Type.Boolean({ description: '是否达成调解协议' }),
  resolvedAt: DateTime({ description: '化解时间; not before `reportedAt`.' }),
}

export const DisputeResolution = Type.Object(resolutionFields, {
  $id: 'DisputeResolution',
  additionalProperties: false,
  description: '化解结果 how the dispute was settled. Required for `resolved`; `resolvedAt` is never before `reportedAt`.',
})

// A merge patch merges into a nested object (RFC 7396 §2), so a change may name only some members;
// the merged resolution must then be complete.
export const DisputeResolutionPatch = Type.Object(
  {
    method: Type.Optional(resolutionFields.method),
    summary: Type.Optional(resolutionFields.summary),
    agreementReached: Type.Optional(resolutionFields.agreementReached),
    resolvedAt: Type.Optional(resolutionFields.resolvedAt),
  },
  {
    $id: 'DisputeResolutionPatch',
    additionalProperties: false,
    description: 'Merge patch of a resolution: the members given replace the stored ones; the merged resolution must be complete.',
  },
)

const example = {
  gridUnitId: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  title: '团结村三组土地流转纠纷',
  description: '承包户张福与种植合作社因流转土地面积和流转费结算发生争议，网格员入户排查时发现。',
  category: 'land',
  source: 'grid_inspection',
  isPetitionBacklog: false,
  parties: [
    { name: '张福', role: 'applicant', phone: '13847815678' },
    { name: '杭锦后旗丰源种植专业合作社', role: 'respondent', phone: '04787612345' },
  ],
  reportedAt: '2025-04-08T02:30:00.000Z',
  mediator: '团结镇人民调解委员会 王建国',
  status: 'resolved',
  resolution: {
    method: 'people_mediation',
    summary: '经村调委会调解，双方按原合同面积重新丈量，合作社补交流转费 3600 元',
    agreementReached: true,
    resolvedAt: '2025-04-15T07:00:00.000Z',
  },
}
const recordExample = {
  id: '8c4e2b1a-7d3f-4a6e-9b2c-5e1f0a3d7c94',
  version: 3,
  createdAt: '2025-04-08T03:05:12.000Z',
  updatedAt: '2025-04-15T07:20:41.000Z',
  ...example,
  overdue: false,
}
const createExample = {
  gridUnitId: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  title: '新华社区邻里宅基地纠纷',
  description: '两户因翻建院墙越过宅基地界线约 0.5 米发生争执，经 12345 热线转入网格。',
  category: 'neighborhood',
  source: 'hotline',
  parties: [
    { name: '李桂兰', role: 'applicant', phone: '15047812345' },
    { name: '赵永胜', role: 'respondent' },
  ],
  reportedAt: '2025-06-03T01:15:00Z',
  mediator: '新华社区调解员 刘丽',
}

const fields = {
  gridUnitId: Uuid({ description: '发现纠纷的网格 the grid unit that owns the dispute; inside the key’s jurisdiction.' }),
  title: Text(200, { description: '纠纷名称', examples: ['团结村三组土地流转纠纷'] }),
  description: Text(4000, { description: '纠纷情况' }),
  category: Category,
  source: Source,
  isPetitionBacklog: Type.Boolean({ description: '信访积案 a backlog petition case.' }),
  parties: Type.Array(Ref(DisputeParty), { minItems: 1, maxItems: 50, description: '当事人, 1 to 50.' }),
  reportedAt: DateTime({ description: '发现或登记时间 when the dispute was found or reported.' }),
  mediator: Text(100, { description: '调解人或调解组织', examples: ['团结镇人民调解委员会 王建国'] }),
  status: Status,
}

export const DisputeCreate = Type.Object(
  {
    gridUnitId: fields.gridUnitId,
    title: fields.title,
    description: Type.Optional(fields.description),
    category: fields.category,
    source: fields.source,
    isPetitionBacklog: Type.Optional({ ...fields.isPetitionBacklog, default: false }),
    parties: fields.parties,
    reportedAt: fields.reportedAt,
    mediator: Type.Optional(fields.mediator),
    status: Type.Optional({ ...fields.status, default: 'reported' }),
    resolution: Type.Optional(Ref(DisputeResolution)),
  },
  {
    $id: 'DisputeCreate',
    additionalProperties: false,
    description: 'A new dispute. `status` defaults to `reported`; a later status must meet that status’s rules (`resolved` needs a `resolution`).',
    examples: [createExample, example],
  },
)

export const DisputeUpdate = Type.Object(
  {
    gridUnitId: Type.Optional(fields.gridUnitId),
    title: Type.Optional(fields.title),
    description: Type.Optional(Nullable(fields.description)),
    category: Type.Optional(fields.category),
    source: Type.Optional(fields.source),
    isPetitionBacklog: Type.Optional(fields.isPetitionBacklog),
    parties: Type.Optional(fields.parties),
    reportedAt: Type.Optional(fields.reportedAt),
    mediator: Type.Optional(Nullable(fields.mediator)),
    status: Type.Optional(fields.status),
    resolution: Type.Optional(Nullable(Ref(DisputeResolutionPatch))),
  },
  {
    $id: 'DisputeUpdate',
    additionalProperties: false,
    description: 'JSON Merge Patch of a dispute: only the fields to change; null clears `description`, `mediator` or `resolution`; `parties` is replaced whole.',
    examples: [
      { status: 'mediating', mediator: '团结镇人民调解委员会 王建国' },
      { status: 'resolved', resolution: { method: 'people_mediation', summary: '双方签订调解协议，院墙退回原界线', agreementReached: true, resolvedAt: '2025-06-10T08:00:00Z' } },
    ],
  },
)

export const Dispute = RecordOf(
  'Dispute',
  {
    gridUnitId: fields.gridUnitId,
    title: fields.title,
    description: Type.Optional(fields.description),
    category: fields.category,
    source: fields.source,
    isPetitionBacklog: fields.isPetitionBacklog,
    parties: fields.parties,
    reportedAt: fields.reportedAt,
    mediator: Type.Optional(fields.mediator),
    status: fields.status,
    resolution: Type.Optional(Ref(DisputeResolution)),
    overdue: Type.Boolean({
      readOnly: true,
      description: `Read-only: not resolved or unresolved ${OVERDUE_AFTER_DAYS} days after \`reportedAt\` (《人民调解工作若干规定》第三十三条: a mediation is settled within a month as a rule).`,
    }),
  },
  {
    description:
      '矛盾纠纷: a dispute found by grid investigation (网格排查) or reported otherwise, and its mediation. ' +
      'Phone numbers are masked (`138****5678`) for keys without `pii:read`; the example shows them as a `pii:read` key sees them.',
    example: recordExample,
  },
)

export const disputeFilters = {
  status: RepeatableEnum(statuses, 'Only these statuses (repeatable)', statusLabels),
  category: RepeatableEnum(categories, 'Only these categories (repeatable)', categoryLabels),
  source: RepeatableEnum(sources, 'Only these sources (repeatable)', sourceLabels),
  isPetitionBacklog: Type.Optional(Type.Boolean({ description: 'Only backlog petition cases (true) or only the others (false).' })),
  reportedFrom: Type.Optional(DateOrDateTime('Only disputes reported at or after this.')),
  reportedTo: Type.Optional(DateOrDateTime('Only disputes reported at or before this.')),
  overdue: Type.Optional(Type.Boolean({ description: `Only overdue (true) or not overdue (false) disputes: still open ${OVERDUE_AFTER_DAYS} days after reportedAt.` })),
}

export type DisputeCreate = Static<typeof DisputeCreate>
export const disputeComponents = [DisputeParty, DisputeResolution, DisputeResolutionPatch]
