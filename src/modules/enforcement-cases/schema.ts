import { Type } from 'typebox'
import { DateOrDateTime, DateTime, Nullable, RecordOf, Ref, RepeatableEnum, Text, Uuid } from '../../core/schemas.js'
import {
  Domain,
  EnforcementDecision,
  EnforcementDecisionPatch,
  EnforcementLegalReview,
  EnforcementLegalReviewPatch,
  EnforcementOfficer,
  EnforcementParty,
  EnforcementPartyPatch,
  EnforcementRecording,
  EnforcementReview,
  Status,
  domainLabels,
  domains,
  statusLabels,
  statuses,
} from './components.js'

const fields = {
  gridUnitId: Uuid({ description: 'The grid unit (e.g. the town) whose agency handles the case.' }),
  caseNumber: Text(100, { pattern: '^\\S(.*\\S)?$', description: '案件编号, unique among live cases.', examples: ['杭后团综执立字〔2025〕第012号'] }),
  title: Text(200, { examples: ['张某某违法占用耕地建房案'] }),
  domain: Domain,
  isMajor: Type.Boolean({ description: '重大执法决定: needs an approved legal review before `decided` (行政处罚法 第五十八条).' }),
  party: Ref(EnforcementParty),
  officers: Type.Array(Ref(EnforcementOfficer), { maxItems: 10, description: '执法人员, at most 10; from `investigating` on at least two with distinct certificates.' }),
  registeredAt: DateTime({ description: '立案时间' }),
  status: Status,
  legalReview: Ref(EnforcementLegalReview),
  decision: Ref(EnforcementDecision),
  publishedAt: DateTime({ description: '公示时间 (行政执法公示制度).' }),
  recordings: Type.Array(Ref(EnforcementRecording), { maxItems: 200, description: '全过程记录, at most 200; `closed` needs at least one.' }),
  reviews: Type.Array(Ref(EnforcementReview), { maxItems: 10, description: '行政复议、行政诉讼, at most 10.' }),
}

const example = {
  gridUnitId: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  caseNumber: '杭后团综执立字〔2025〕第012号',
  title: '张某某违法占用耕地建房案',
  domain: 'land_resources',
  isMajor: true,
  party: { type: 'person', name: '张某某', idNumber: '150826198805121234', phone: '13804785678' },
  officers: [
    { name: '王海军', certificateNumber: '15082619001' },
    { name: '李春梅', certificateNumber: '15082619007' },
  ],
  registeredAt: '2025-03-10T01:30:00.000Z',
  status: 'decided',
  legalReview: { reviewer: '刘志强', conclusion: 'approved', opinion: '事实清楚，证据确凿，适用法律正确，程序合法。', completedAt: '2025-04-18T07:00:00.000Z' },
  decision: { type: 'fine', fineAmountFen: 2_000_000, documentNumber: '杭后团综执罚决字〔2025〕第012号', decidedAt: '2025-04-25T02:00:00.000Z' },
  publishedAt: '2025-04-30T01:00:00.000Z',
  recordings: [{ kind: 'body_camera', uri: 'https://evidence.example.gov.cn/2025/012/body-cam-01.mp4', recordedAt: '2025-03-10T02:15:00.000Z' }],
  reviews: [],
}
const { legalReview: _review, decision: _decision, publishedAt: _published, ...registeredPart } = example
const createExample = { ...registeredPart, status: 'registered' }
// Shown as a `pii:read` key sees it: masked values (138****5678) are not valid values of the fields.
const recordExample = {
  id: '7c1d9e2a-5b3f-4a8e-9d6c-0e1f2a3b4c5d',
  version: 4,
  createdAt: '2025-03-10T01:35:00.000Z',
  updatedAt: '2025-04-30T01:00:00.000Z',
  ...example,
  overdue: false,
  lostOnReview: false,
}

export const EnforcementCaseCreate = Type.Object(
  {
    gridUnitId: fields.gridUnitId,
    caseNumber: fields.caseNumber,
    title: fields.title,
    domain: fields.domain,
    isMajor: Type.Optional({ ...fields.isMajor, default: false }),
    party: fields.party,
    officers: Type.Optional({ ...fields.officers, default: [] }),
    registeredAt: fields.registeredAt,
    status: Type.Optional({ ...fields.status, default: 'registered' }),
    legalReview: Type.Optional(fields.legalReview),
    decision: Type.Optional(fields.decision),
    publishedAt: Type.Optional(fields.publishedAt),
    recordings: Type.Optional({ ...fields.recordings, default: [] }),
    reviews: Type.Optional({ ...fields.reviews, default: [] }),
  },
  {
    $id: 'EnforcementCaseCreate',
    additionalProperties: false,
    description: 'A new case. `status` defaults to `registered`; a later status must meet every rule of that status.',
    examples: [createExample],
  },
)

export const EnforcementCaseUpdate = Type.Object(
  {
    gridUnitId: Type.Optional(fields.gridUnitId),
    caseNumber: Type.Optional(fields.caseNumber),
    title: Type.Optional(fields.title),
    domain: Type.Optional(fields.domain),
    isMajor: Type.Optional(fields.isMajor),
    party: Type.Optional(Ref(EnforcementPartyPatch)),
    officers: Type.Optional(fields.officers),
    registeredAt: Type.Optional(fields.registeredAt),
    status: Type.Optional(fields.status),
    legalReview: Type.Optional(Nullable(Ref(EnforcementLegalReviewPatch))),
    decision: Type.Optional(Nullable(Ref(EnforcementDecisionPatch))),
    publishedAt: Type.Optional(Nullable(fields.publishedAt)),
    recordings: Type.Optional(fields.recordings),
    reviews: Type.Optional(fields.reviews),
  },
  {
    $id: 'EnforcementCaseUpdate',
    additionalProperties: false,
    description: 'JSON Merge Patch of a case: only the fields to change; null clears `legalReview`, `decision`, `publishedAt` or an optional member of them or of `party`; arrays are replaced whole. A closed case accepts only `reviews` and `publishedAt`.',
    examples: [{ status: 'closed', recordings: example.recordings, reviews: [{ kind: 'reconsideration', filedAt: '2025-05-20T02:00:00.000Z', result: 'pending' }] }],
  },
)

export const EnforcementCase = RecordOf(
  'EnforcementCase',
  {
    gridUnitId: fields.gridUnitId,
    caseNumber: fields.caseNumber,
    title: fields.title,
    domain: fields.domain,
    isMajor: fields.isMajor,
    party: fields.party,
    officers: fields.officers,
    registeredAt: fields.registeredAt,
    status: fields.status,
    legalReview: Type.Optional(fields.legalReview),
    decision: Type.Optional(fields.decision),
    publishedAt: Type.Optional(fields.publishedAt),
    recordings: fields.recordings,
    reviews: fields.reviews,
    overdue: Type.Boolean({ readOnly: true, description: 'Read-only: still `registered`, `investigating` or `legal_review` more than 90 days after `registeredAt`.' }),
    lostOnReview: Type.Boolean({ readOnly: true, description: 'Read-only: a review ended `revoked`, `modified` or `confirmed_unlawful`.' }),
  },
  {
    description:
      '行政执法案件: an administrative enforcement case. The party’s `idNumber` and `phone` are masked (`150826********1234`, `138****5678`) ' +
      'for keys without `pii:read`; the example shows them as a `pii:read` key sees them.',
    example: recordExample,
  },
)

export const enforcementCaseFilters = {
  status: RepeatableEnum(statuses, 'Only cases in these statuses (repeatable)', statusLabels),
  domain: RepeatableEnum(domains, 'Only cases of these domains (repeatable)', domainLabels),
  isMajor: Type.Optional(Type.Boolean({ description: 'Only major (true) or ordinary (false) cases.' })),
  overdue: Type.Optional(Type.Boolean({ description: 'Only overdue (true) or not overdue (false) cases.' })),
  registeredFrom: Type.Optional(DateOrDateTime('Only cases registered at or after this.')),
  registeredTo: Type.Optional(DateOrDateTime('Only cases registered at or before this.')),
}
