import { Type } from 'typebox'
import type { Transitions } from '../../core/lifecycle.js'
import { DateTime, IdNumber, Nullable, Phone, StatusEnum, StringEnum, Text } from '../../core/schemas.js'

// The enums and nested objects of an enforcement case, each a named OpenAPI component.

export const statuses = ['registered', 'investigating', 'legal_review', 'decided', 'closed', 'dismissed'] as const
export const domains = [
  'urban_management', 'land_resources', 'environment', 'safety_production', 'market_regulation', 'agriculture', 'transport', 'other',
] as const
export const decisionTypes = [
  'warning', 'fine', 'confiscation', 'suspension', 'license_revocation', 'order_to_correct', 'no_penalty', 'other',
] as const
export const reviewResults = ['pending', 'upheld', 'revoked', 'modified', 'confirmed_unlawful', 'dismissed', 'withdrawn', 'settled'] as const
export type CaseStatus = (typeof statuses)[number]

export const transitions = {
  registered: ['investigating', 'dismissed'],
  investigating: ['legal_review', 'decided', 'dismissed'],
  legal_review: ['investigating', 'decided'],
  decided: ['closed'],
  closed: [],
  dismissed: [],
} as const satisfies Transitions<CaseStatus>

/** Not yet decided and not final: the statuses the partial index `enforcement_cases_open_registered_idx` keeps. */
export const openStatuses = ['registered', 'investigating', 'legal_review'] as const satisfies readonly CaseStatus[]
export const decidedStatuses = ['decided', 'closed'] as const satisfies readonly CaseStatus[]
/** Review results that mean the agency lost (败诉). */
export const lostReviewResults = ['revoked', 'modified', 'confirmed_unlawful'] as const satisfies readonly (typeof reviewResults)[number][]
/** A case not decided this many days after registration is overdue (API.md §4). */
export const OVERDUE_AFTER_DAYS = 90

/** 1 000 000 000 000 fen = 100 亿元: above any penalty a county could impose, far below 2^53. */
export const MAX_FINE_FEN = 1_000_000_000_000

export const statusLabels = { registered: '立案', investigating: '调查', legal_review: '法制审核', decided: '决定', closed: '结案', dismissed: '撤销' } as const
export const domainLabels = {
  urban_management: '城市管理', land_resources: '自然资源', environment: '生态环境', safety_production: '安全生产',
  market_regulation: '市场监管', agriculture: '农业农村', transport: '交通运输', other: '其他',
} as const

export const Status = StatusEnum(statuses, statusLabels, transitions)
export const Domain = StringEnum(domains, domainLabels, { description: '执法领域 domain' })
const PartyType = StringEnum(['person', 'organization'], { person: '个人', organization: '单位' }, { description: '当事人类型 type' })
const ReviewConclusion = StringEnum(['approved', 'returned'], { approved: '同意', returned: '退回' }, { description: '审核结论 conclusion' })
const DecisionType = StringEnum(
  decisionTypes,
  {
    warning: '警告', fine: '罚款', confiscation: '没收违法所得、没收非法财物', suspension: '暂扣许可证件、责令停产停业',
    license_revocation: '吊销许可证件', order_to_correct: '责令改正', no_penalty: '不予处罚', other: '其他',
  },
  { description: '决定类型 type' },
)

const partyFields = {
  type: PartyType,
  name: Text(100, { description: '当事人姓名或单位名称', examples: ['张某某'] }),
  idNumber: IdNumber(),
  phone: Phone(),
}
const legalReviewFields = {
  reviewer: Text(50, { description: '法制审核人员', examples: ['刘志强'] }),
  conclusion: ReviewConclusion,
  opinion: Text(2000, { description: '审核意见' }),
  completedAt: DateTime({ description: '审核完成时间' }),
}
const decisionFields = {
  type: DecisionType,
  fineAmountFen: Type.Integer({ minimum: 0, maximum: MAX_FINE_FEN, description: '罚款金额, in fen (分): 2000 元 is 200000.' }),
  documentNumber: Text(100, { description: '决定书文号', examples: ['杭后团综执罚决字〔2025〕第012号'] }),
  decidedAt: DateTime({ description: '决定作出时间; not before `registeredAt`.' }),
}

export const EnforcementParty = Type.Object(
  { type: partyFields.type, name: partyFields.name, idNumber: Type.Optional(partyFields.idNumber), phone: Type.Optional(partyFields.phone) },
  { $id: 'EnforcementParty', additionalProperties: false, description: '当事人 party; `idNumber` and `phone` are masked without `pii:read`.' },
)
export const EnforcementOfficer = Type.Object(
  {
    name: Text(50, { examples: ['王海军'] }),
    certificateNumber: Text(32, { pattern: '^\\S(.*\\S)?$', description: '行政执法证号', examples: ['15082619001'] }),
  },
  { $id: 'EnforcementOfficer', additionalProperties: false, description: '执法人员 officer with an enforcement certificate (行政处罚法 第四十二条).' },
)
export const EnforcementLegalReview = Type.Object(
  { ...legalReviewFields, opinion: Type.Optional(legalReviewFields.opinion) },
  { $id: 'EnforcementLegalReview', additionalProperties: false, description: '法制审核 legal review (行政处罚法 第五十八条).' },
)
export const EnforcementDecision = Type.Object(
  {
    type: decisionFields.type,
    fineAmountFen: Type.Optional(decisionFields.fineAmountFen),
    documentNumber: Type.Optional(decisionFields.documentNumber),
    decidedAt: decisionFields.decidedAt,
  },
  { $id: 'EnforcementDecision', additionalProperties: false, description: '行政处罚决定 decision.' },
)
export const EnforcementRecording = Type.Object(
  {
    kind: StringEnum(
      ['body_camera', 'video', 'audio', 'photo', 'document'],
      { body_camera: '执法记录仪', video: '视频', audio: '录音', photo: '照片', document: '文书' },
      { description: '记录类型 kind' },
    ),
    uri: Text(2000, { format: 'uri', description: 'Where the recording is kept.', examples: ['https://evidence.example.gov.cn/2025/012/body-cam-01.mp4'] }),
    recordedAt: DateTime(),
    sha256: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{64}$', maxLength: 64, description: 'SHA-256 of the file, hex.' })),
  },
  { $id: 'EnforcementRecording', additionalProperties: false, description: '全过程记录 one recording of the case.' },
)
export const EnforcementReview = Type.Object(
  {
    kind: StringEnum(['reconsideration', 'litigation'], { reconsideration: '行政复议', litigation: '行政诉讼' }, { description: '类型 kind' }),
    filedAt: DateTime({ description: '申请或起诉时间' }),
    result: StringEnum(
      reviewResults,
      {
        pending: '审理中', upheld: '维持', revoked: '撤销', modified: '变更', confirmed_unlawful: '确认违法',
        dismissed: '驳回', withdrawn: '撤回', settled: '调解、和解',
      },
      { description: '结果 result; `revoked`, `modified` and `confirmed_unlawful` mean the agency lost' },
    ),
    closedAt: Type.Optional(DateTime({ description: '审结时间' })),
  },
  { $id: 'EnforcementReview', additionalProperties: false, description: '行政复议或行政诉讼 a review of the decision.' },
)

// Merge-patch shapes of the nested objects: each member optional, optional members clearable with null.
export const EnforcementPartyPatch = Type.Object(
  {
    type: Type.Optional(partyFields.type),
    name: Type.Optional(partyFields.name),
    idNumber: Type.Optional(Nullable(partyFields.idNumber)),
    phone: Type.Optional(Nullable(partyFields.phone)),
  },
  { $id: 'EnforcementPartyPatch', additionalProperties: false, description: 'Merge patch of `party`.' },
)
export const EnforcementLegalReviewPatch = Type.Object(
  {
    reviewer: Type.Optional(legalReviewFields.reviewer),
    conclusion: Type.Optional(legalReviewFields.conclusion),
    opinion: Type.Optional(Nullable(legalReviewFields.opinion)),
    completedAt: Type.Optional(legalReviewFields.completedAt),
  },
  { $id: 'EnforcementLegalReviewPatch', additionalProperties: false, description: 'Merge patch of `legalReview`; a new one must be whole.' },
)
export const EnforcementDecisionPatch = Type.Object(
  {
    type: Type.Optional(decisionFields.type),
    fineAmountFen: Type.Optional(Nullable(decisionFields.fineAmountFen)),
    documentNumber: Type.Optional(Nullable(decisionFields.documentNumber)),
    decidedAt: Type.Optional(decisionFields.decidedAt),
  },
  { $id: 'EnforcementDecisionPatch', additionalProperties: false, description: 'Merge patch of `decision`; a new one must be whole.' },
)

export const enforcementCaseComponents = [
  EnforcementParty, EnforcementOfficer, EnforcementLegalReview, EnforcementDecision, EnforcementRecording, EnforcementReview,
  EnforcementPartyPatch, EnforcementLegalReviewPatch, EnforcementDecisionPatch,
]
