import { Type } from 'typebox'
import { DateOrDateTime, DateTime, Nullable, RecordOf, RepeatableEnum, StringEnum, Text, Uuid } from '../../core/schemas.js'

export const formats = ['lecture', 'exhibition', 'consultation_desk', 'broadcast', 'short_video', 'performance', 'training', 'study_session', 'other'] as const
export const formatLabels = {
  lecture: '法治讲座',
  exhibition: '展板展览',
  consultation_desk: '法律咨询台',
  broadcast: '广播宣传',
  short_video: '短视频',
  performance: '文艺演出',
  training: '培训',
  study_session: '学法会（理论学习中心组）',
  other: '其他',
} as const

export const venueTypes = ['village', 'school', 'enterprise', 'community', 'government', 'online', 'other'] as const
export const venueTypeLabels = {
  village: '进村',
  school: '进校园',
  enterprise: '进企业',
  community: '进社区',
  government: '进机关',
  online: '线上',
  other: '其他',
} as const

export const audiences = ['villagers', 'students', 'enterprise_staff', 'cadres', 'enforcement_officers', 'legal_literates', 'general_public', 'other'] as const
export const audienceLabels = {
  villagers: '村民',
  students: '学生',
  enterprise_staff: '企业职工',
  cadres: '干部',
  enforcement_officers: '执法人员',
  legal_literates: '法律明白人',
  general_public: '社会公众',
  other: '其他',
} as const

// Bounds well above any township's figures, so a typo (an extra digit or three) is caught.
const MAX_PEOPLE_OR_COPIES = 10_000_000
const MAX_MEDIA_ITEMS = 100_000

const count = (description: string, maximum: number, examples: number[]) =>
  Type.Integer({ minimum: 0, maximum, description: `${description}; an integer 0..${maximum}.`, examples })

const fields = {
  gridUnitId: Uuid({ description: 'The grid unit that holds the event (a town for a town-wide campaign).' }),
  title: Text(200, { description: '活动名称', examples: ['民法典宣传月进村入户宣讲'] }),
  theme: Text(100, { description: '主题, e.g. 民法典宣传月, 国家宪法日, 宪法宣传周', examples: ['民法典宣传月'] }),
  format: StringEnum(formats, formatLabels, { description: '形式 format' }),
  venueType: StringEnum(venueTypes, venueTypeLabels, { description: '场所 venue type (the “八进” of outreach)' }),
  audience: StringEnum(audiences, audienceLabels, { description: '对象 audience' }),
  location: Text(200, { description: '地点', examples: ['团结镇团结村党群服务中心'] }),
  organizer: Text(100, { description: '主办单位', examples: ['团结镇司法所'] }),
  startsAt: DateTime({ description: '开始时间 (RFC 3339); the event counts in the year and day of this instant, reckoned in UTC+8.', examples: ['2025-05-08T01:30:00.000Z'] }),
  endsAt: DateTime({ description: '结束时间 (RFC 3339); not before `startsAt`.', examples: ['2025-05-08T04:00:00.000Z'] }),
  materialsDistributed: count('发放宣传资料（份）materials handed out', MAX_PEOPLE_OR_COPIES, [500]),
  attendance: count('参与人次 attendance (person-times)', MAX_PEOPLE_OR_COPIES, [1000]),
  mediaItems: count('制作短视频、图解等作品数 short videos and graphics made', MAX_MEDIA_ITEMS, [3]),
  notes: Text(2000, { description: '备注' }),
}

const example = {
  gridUnitId: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  title: '民法典宣传月进村入户宣讲',
  theme: '民法典宣传月',
  format: 'lecture',
  venueType: 'village',
  audience: 'villagers',
  location: '团结镇团结村党群服务中心',
  organizer: '团结镇司法所',
  startsAt: '2025-05-08T01:30:00.000Z',
  endsAt: '2025-05-08T04:00:00.000Z',
  materialsDistributed: 500,
  attendance: 1000,
  mediaItems: 3,
  notes: '法律顾问讲解婚姻家庭编和继承编，现场解答土地承包咨询 12 件',
}
const recordExample = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  version: 1,
  createdAt: '2025-05-08T08:10:00.000Z',
  updatedAt: '2025-05-08T08:10:00.000Z',
  ...example,
}

export const LegalEducationEventCreate = Type.Object(
  {
    gridUnitId: fields.gridUnitId,
    title: fields.title,
    theme: Type.Optional(fields.theme),
    format: fields.format,
    venueType: fields.venueType,
    audience: fields.audience,
    location: Type.Optional(fields.location),
    organizer: Type.Optional(fields.organizer),
    startsAt: fields.startsAt,
    endsAt: Type.Optional(fields.endsAt),
    materialsDistributed: Type.Optional({ ...fields.materialsDistributed, default: 0 }),
    attendance: Type.Optional({ ...fields.attendance, default: 0 }),
    mediaItems: Type.Optional({ ...fields.mediaItems, default: 0 }),
    notes: Type.Optional(fields.notes),
  },
  {
    $id: 'LegalEducationEventCreate',
    additionalProperties: false,
    description: 'A legal-education event as written. `endsAt`, when given, is not before `startsAt` (400 `validation-error` pointing at `/endsAt`).',
    examples: [example],
  },
)

export const LegalEducationEventUpdate = Type.Object(
  {
    gridUnitId: Type.Optional(fields.gridUnitId),
    title: Type.Optional(fields.title),
    theme: Type.Optional(Nullable(fields.theme)),
    format: Type.Optional(fields.format),
    venueType: Type.Optional(fields.venueType),
    audience: Type.Optional(fields.audience),
    location: Type.Optional(Nullable(fields.location)),
    organizer: Type.Optional(Nullable(fields.organizer)),
    startsAt: Type.Optional(fields.startsAt),
    endsAt: Type.Optional(Nullable(fields.endsAt)),
    materialsDistributed: Type.Optional(fields.materialsDistributed),
    attendance: Type.Optional(fields.attendance),
    mediaItems: Type.Optional(fields.mediaItems),
    notes: Type.Optional(Nullable(fields.notes)),
  },
  {
    $id: 'LegalEducationEventUpdate',
    additionalProperties: false,
    description: 'JSON Merge Patch of a legal-education event: only the fields to change; null clears `theme`, `location`, `organizer`, `endsAt` or `notes`. The merged event must still end no earlier than it starts.',
    examples: [{ attendance: 1260, materialsDistributed: 800, notes: null }],
  },
)

export const LegalEducationEvent = RecordOf(
  'LegalEducationEvent',
  {
    gridUnitId: fields.gridUnitId,
    title: fields.title,
    theme: Type.Optional(fields.theme),
    format: fields.format,
    venueType: fields.venueType,
    audience: fields.audience,
    location: Type.Optional(fields.location),
    organizer: Type.Optional(fields.organizer),
    startsAt: fields.startsAt,
    endsAt: Type.Optional(fields.endsAt),
    materialsDistributed: fields.materialsDistributed,
    attendance: fields.attendance,
    mediaItems: fields.mediaItems,
    notes: Type.Optional(fields.notes),
  },
  {
    description: '普法活动: an outreach campaign (民法典宣传月, 12·4 国家宪法日), a cadre training or a study session.',
    example: recordExample,
  },
)

export const legalEducationEventFilters = {
  format: RepeatableEnum(formats, 'Only these formats (repeatable)', formatLabels),
  venueType: RepeatableEnum(venueTypes, 'Only these venue types (repeatable)', venueTypeLabels),
  audience: RepeatableEnum(audiences, 'Only these audiences (repeatable)', audienceLabels),
  startsFrom: Type.Optional(DateOrDateTime('Only events starting at or after this.')),
  startsTo: Type.Optional(DateOrDateTime('Only events starting at or before this.')),
}
