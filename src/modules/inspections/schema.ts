import { Type } from 'typebox'
import type { Transitions } from '../../core/lifecycle.js'
import { DateOrDateTime, DateTime, Nullable, RecordOf, Ref, RepeatableEnum, StatusEnum, StringEnum, Text, Uuid } from '../../core/schemas.js'
import { Domain, domainLabels, domains } from '../enforcement-cases/components.js'

export const kinds = ['special_inspection', 'case_file_review', 'self_inspection', 'risk_screening'] as const
export const kindLabels = {
  special_inspection: '执法专项检查',
  case_file_review: '案卷评查',
  self_inspection: '执法自查',
  risk_screening: '风险排查',
} as const
export const statuses = ['planned', 'in_progress', 'rectifying', 'closed'] as const
export type InspectionStatus = (typeof statuses)[number]
const statusLabels = { planned: '计划', in_progress: '实施中', rectifying: '整改中', closed: '已完结' } as const
export const transitions = {
  planned: ['in_progress'],
  in_progress: ['rectifying', 'closed'],
  rectifying: ['closed'],
  closed: [],
} as const satisfies Transitions<InspectionStatus>

export const InspectionFinding = Type.Object(
  {
    description: Text(2000, { description: '发现的问题', examples: ['3 件案卷缺少送达回证'] }),
    rectifiedAt: Type.Optional(DateTime({ description: '整改完成时间; not before the inspection’s `startedAt`.' })),
  },
  {
    $id: 'InspectionFinding',
    additionalProperties: false,
    description: '问题与整改: a finding and, once it is put right, when.',
    examples: [{ description: '3 件案卷缺少送达回证', rectifiedAt: '2025-09-30T08:00:00.000Z' }],
  },
)

const fields = {
  gridUnitId: Uuid({ description: '开展检查的单位 the grid unit whose enforcement was inspected.' }),
  title: Text(200, { description: '检查名称', examples: ['2025年安全生产领域执法专项检查'] }),
  kind: StringEnum(kinds, kindLabels, { description: '类型 kind' }),
  domain: Domain,
  startedAt: DateTime({ description: '开始时间: the year an inspection counts in (UTC+8).' }),
  endedAt: DateTime({ description: '结束时间; not before `startedAt` (400); required once `closed`.' }),
  casesReviewed: Type.Integer({ minimum: 0, maximum: 100_000, description: '检查或评查的案件数; an integer 0..100000.', examples: [24] }),
  findings: Type.Array(Ref(InspectionFinding), { maxItems: 100, description: '问题与整改, at most 100; `closed` needs every one rectified.' }),
  status: StatusEnum(statuses, statusLabels, transitions, '`closed` needs `endedAt` and every finding rectified'),
}

const example = {
  gridUnitId: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  title: '2025年安全生产领域执法专项检查',
  kind: 'special_inspection',
  domain: 'safety_production',
  startedAt: '2025-09-01T01:00:00.000Z',
  endedAt: '2025-10-15T09:00:00.000Z',
  casesReviewed: 24,
  findings: [{ description: '3 件案卷缺少送达回证', rectifiedAt: '2025-09-30T08:00:00.000Z' }],
  status: 'closed',
}
const recordExample = { id: '5f1c8a6e-3b7d-4c2e-8d9a-6d4c5b7a8f9e', version: 4, createdAt: '2025-08-25T02:00:00.000Z', updatedAt: '2025-10-15T09:10:00.000Z', ...example }
const createExample = { gridUnitId: example.gridUnitId, title: '2025年行政执法案卷评查', kind: 'case_file_review', domain: 'urban_management', startedAt: '2025-11-03T01:00:00Z' }

export const InspectionCreate = Type.Object(
  {
    gridUnitId: fields.gridUnitId,
    title: fields.title,
    kind: fields.kind,
    domain: fields.domain,
    startedAt: fields.startedAt,
    endedAt: Type.Optional(fields.endedAt),
    casesReviewed: Type.Optional({ ...fields.casesReviewed, default: 0 }),
    findings: Type.Optional({ ...fields.findings, default: [] }),
    status: Type.Optional({ ...fields.status, default: 'planned' }),
  },
  {
    $id: 'InspectionCreate',
    additionalProperties: false,
    description: 'A new inspection. `status` defaults to `planned`; a later status must meet its rules.',
    examples: [createExample, example],
  },
)

export const InspectionUpdate = Type.Object(
  {
    gridUnitId: Type.Optional(fields.gridUnitId),
    title: Type.Optional(fields.title),
    kind: Type.Optional(fields.kind),
    domain: Type.Optional(fields.domain),
    startedAt: Type.Optional(fields.startedAt),
    endedAt: Type.Optional(Nullable(fields.endedAt)),
    casesReviewed: Type.Optional(fields.casesReviewed),
    findings: Type.Optional(fields.findings),
    status: Type.Optional(fields.status),
  },
  {
    $id: 'InspectionUpdate',
    additionalProperties: false,
    description: 'JSON Merge Patch of an inspection: only the fields to change; `findings` is replaced whole; null clears `endedAt`.',
    examples: [{ status: 'rectifying', findings: [{ description: '3 件案卷缺少送达回证' }] }],
  },
)

export const Inspection = RecordOf(
  'Inspection',
  {
    gridUnitId: fields.gridUnitId,
    title: fields.title,
    kind: fields.kind,
    domain: fields.domain,
    startedAt: fields.startedAt,
    endedAt: Type.Optional(fields.endedAt),
    casesReviewed: fields.casesReviewed,
    findings: fields.findings,
    status: fields.status,
  },
  { description: '执法监督检查: a special inspection, a case-file review, a self-inspection or a risk screening, and its findings put right.', example: recordExample },
)

export const inspectionFilters = {
  kind: RepeatableEnum(kinds, 'Only these kinds (repeatable)', kindLabels),
  domain: RepeatableEnum(domains, 'Only these domains (repeatable)', domainLabels),
  status: RepeatableEnum(statuses, 'Only these statuses (repeatable)', statusLabels),
  startedFrom: Type.Optional(DateOrDateTime('Only inspections started at or after this.')),
  startedTo: Type.Optional(DateOrDateTime('Only inspections started at or before this.')),
}
