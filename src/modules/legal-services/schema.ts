import { Type } from 'typebox'
import { DateOrDateTime, DateTime, Nullable, RecordOf, RepeatableEnum, StringEnum, Text, Uuid } from '../../core/schemas.js'

export const providers = ['government_legal_adviser', 'village_legal_adviser', 'service_window', 'judicial_office', 'other'] as const
export const providerLabels = {
  government_legal_adviser: '政府法律顾问',
  village_legal_adviser: '村（社区）法律顾问',
  service_window: '法治服务窗口',
  judicial_office: '司法所',
  other: '其他',
} as const
export const recipients = ['government', 'public'] as const
export const recipientLabels = { government: '政府及其部门', public: '群众' } as const
export const kinds = ['contract_review', 'major_matter_consultation', 'petition_case', 'legal_consultation', 'mediation_guidance', 'legal_aid_referral', 'other'] as const
export const kindLabels = {
  contract_review: '合同审查',
  major_matter_consultation: '重大事项法律咨询',
  petition_case: '信访案件化解',
  legal_consultation: '法律咨询',
  mediation_guidance: '调解指引',
  legal_aid_referral: '法律援助转介',
  other: '其他',
} as const

/** 100 000 件 or 人次 in one entry: far above a service window's day, low enough to catch a typo. */
export const MAX_QUANTITY = 100_000

const fields = {
  gridUnitId: Uuid({ description: '接受服务的单位或服务所在地 the grid unit the service was given in.' }),
  subject: Text(200, { description: '服务事项', examples: ['审查团结镇农村人居环境整治项目施工合同'] }),
  provider: StringEnum(providers, providerLabels, { description: '服务提供者 provider' }),
  providerName: Text(100, { description: '律师事务所、律师', examples: ['内蒙古河套律师事务所 李明'] }),
  recipient: StringEnum(recipients, recipientLabels, { description: '服务对象 recipient: the government (and its offices) or the public' }),
  kind: StringEnum(kinds, kindLabels, { description: '服务类型 kind' }),
  servedAt: DateTime({ description: '服务时间: the year an entry counts in (UTC+8).' }),
  quantity: Type.Integer({
    minimum: 1,
    maximum: MAX_QUANTITY,
    description: `件数或人次 how many services this entry stands for (a service window may log a day at once); 1..${MAX_QUANTITY}.`,
    examples: [1],
  }),
  opinionIssued: Type.Boolean({ description: '出具法律意见书 a written legal opinion was issued.' }),
  notes: Text(2000, { description: '备注' }),
}

const example = {
  gridUnitId: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  subject: '审查团结镇农村人居环境整治项目施工合同',
  provider: 'government_legal_adviser',
  providerName: '内蒙古河套律师事务所 李明',
  recipient: 'government',
  kind: 'contract_review',
  servedAt: '2025-04-11T02:00:00.000Z',
  quantity: 1,
  opinionIssued: true,
  notes: '提出修改意见 6 条，均被采纳',
}
const recordExample = { id: '3d9a6e4c-1f5b-4a0c-b8e7-4b2a3f5e6d7c', version: 1, createdAt: '2025-04-11T06:00:00.000Z', updatedAt: '2025-04-11T06:00:00.000Z', ...example }

export const LegalServiceCreate = Type.Object(
  {
    gridUnitId: fields.gridUnitId,
    subject: fields.subject,
    provider: fields.provider,
    providerName: Type.Optional(fields.providerName),
    recipient: fields.recipient,
    kind: fields.kind,
    servedAt: fields.servedAt,
    quantity: Type.Optional({ ...fields.quantity, default: 1 }),
    opinionIssued: Type.Optional({ ...fields.opinionIssued, default: false }),
    notes: Type.Optional(fields.notes),
  },
  {
    $id: 'LegalServiceCreate',
    additionalProperties: false,
    description: 'A legal service given, or a day of them at the service window (`quantity`).',
    examples: [example, { gridUnitId: example.gridUnitId, subject: '法治服务窗口接待群众法律咨询', provider: 'service_window', recipient: 'public', kind: 'legal_consultation', servedAt: '2025-06-16T01:00:00Z', quantity: 12 }],
  },
)

export const LegalServiceUpdate = Type.Object(
  {
    gridUnitId: Type.Optional(fields.gridUnitId),
    subject: Type.Optional(fields.subject),
    provider: Type.Optional(fields.provider),
    providerName: Type.Optional(Nullable(fields.providerName)),
    recipient: Type.Optional(fields.recipient),
    kind: Type.Optional(fields.kind),
    servedAt: Type.Optional(fields.servedAt),
    quantity: Type.Optional(fields.quantity),
    opinionIssued: Type.Optional(fields.opinionIssued),
    notes: Type.Optional(Nullable(fields.notes)),
  },
  {
    $id: 'LegalServiceUpdate',
    additionalProperties: false,
    description: 'JSON Merge Patch of a legal service: only the fields to change; null clears `providerName` or `notes`.',
    examples: [{ opinionIssued: true, notes: '出具书面法律意见书' }],
  },
)

export const LegalService = RecordOf(
  'LegalService',
  {
    gridUnitId: fields.gridUnitId,
    subject: fields.subject,
    provider: fields.provider,
    providerName: Type.Optional(fields.providerName),
    recipient: fields.recipient,
    kind: fields.kind,
    servedAt: fields.servedAt,
    quantity: fields.quantity,
    opinionIssued: fields.opinionIssued,
    notes: Type.Optional(fields.notes),
  },
  { description: '法律服务台账: a service of a legal adviser, the service window or the judicial office, to the government or to the public.', example: recordExample },
)

export const legalServiceFilters = {
  provider: RepeatableEnum(providers, 'Only these providers (repeatable)', providerLabels),
  recipient: RepeatableEnum(recipients, 'Only these recipients (repeatable)', recipientLabels),
  kind: RepeatableEnum(kinds, 'Only these kinds (repeatable)', kindLabels),
  servedFrom: Type.Optional(DateOrDateTime('Only services given at or after this.')),
  servedTo: Type.Optional(DateOrDateTime('Only services given at or before this.')),
}
