import { Type } from 'typebox'
import { DateOrDateTime, DateTime, Nullable, RecordOf, RepeatableEnum, StringEnum, Text, Uuid } from '../../core/schemas.js'

export const categories = ['policy_document', 'fiscal', 'enforcement', 'decision', 'village_affairs', 'other'] as const
export const categoryLabels = {
  policy_document: '政策文件',
  fiscal: '财政信息',
  enforcement: '执法事项',
  decision: '重大决策',
  village_affairs: '村务',
  other: '其他',
} as const
export const channels = ['government_platform', 'notice_board', 'grid_group', 'website', 'wechat', 'other'] as const
export const channelLabels = {
  government_platform: '政务平台',
  notice_board: '公开栏',
  grid_group: '网格群',
  website: '门户网站',
  wechat: '微信公众号',
  other: '其他',
} as const

const fields = {
  gridUnitId: Uuid({ description: '公开信息的单位 the grid unit that published the item.' }),
  title: Text(200, { description: '公开事项', examples: ['团结镇2025年第一季度财政预算执行情况'] }),
  category: StringEnum(categories, categoryLabels, { description: '类别 category' }),
  channels: Type.Array(StringEnum(channels, channelLabels, { description: '公开渠道 channel' }), {
    minItems: 1,
    maxItems: channels.length,
    uniqueItems: true,
    description: '公开渠道, 1 to 6, each at most once.',
  }),
  publishedAt: DateTime({ description: '公开时间: the year an item counts in (UTC+8).' }),
  uri: Text(2000, { format: 'uri', description: 'Where the item can be read.', examples: ['https://www.hjhq.gov.cn/tjz/zwgk/2025/04/t20250410_1024.html'] }),
}

const example = {
  gridUnitId: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  title: '团结镇2025年第一季度财政预算执行情况',
  category: 'fiscal',
  channels: ['government_platform', 'notice_board'],
  publishedAt: '2025-04-10T02:00:00.000Z',
  uri: 'https://www.hjhq.gov.cn/tjz/zwgk/2025/04/t20250410_1024.html',
}
const recordExample = { id: '4e0b7f5d-2a6c-4b1d-9c8f-5c3b4a6f7e8d', version: 1, createdAt: '2025-04-10T02:10:00.000Z', updatedAt: '2025-04-10T02:10:00.000Z', ...example }

export const PublicityItemCreate = Type.Object(
  {
    gridUnitId: fields.gridUnitId,
    title: fields.title,
    category: fields.category,
    channels: fields.channels,
    publishedAt: fields.publishedAt,
    uri: Type.Optional(fields.uri),
  },
  { $id: 'PublicityItemCreate', additionalProperties: false, description: 'An item made public (政务公开), on one or more channels.', examples: [example] },
)

export const PublicityItemUpdate = Type.Object(
  {
    gridUnitId: Type.Optional(fields.gridUnitId),
    title: Type.Optional(fields.title),
    category: Type.Optional(fields.category),
    channels: Type.Optional(fields.channels),
    publishedAt: Type.Optional(fields.publishedAt),
    uri: Type.Optional(Nullable(fields.uri)),
  },
  {
    $id: 'PublicityItemUpdate',
    additionalProperties: false,
    description: 'JSON Merge Patch of a publicity item: only the fields to change; `channels` is replaced whole; null clears `uri`.',
    examples: [{ channels: ['government_platform', 'notice_board', 'grid_group'] }],
  },
)

export const PublicityItem = RecordOf(
  'PublicityItem',
  {
    gridUnitId: fields.gridUnitId,
    title: fields.title,
    category: fields.category,
    channels: fields.channels,
    publishedAt: fields.publishedAt,
    uri: Type.Optional(fields.uri),
  },
  { description: '政务公开: one item made public, and the channels it went out on.', example: recordExample },
)

export const publicityItemFilters = {
  category: RepeatableEnum(categories, 'Only these categories (repeatable)', categoryLabels),
  channel: RepeatableEnum(channels, 'Only items published on one of these channels (repeatable)', channelLabels),
  publishedFrom: Type.Optional(DateOrDateTime('Only items published at or after this.')),
  publishedTo: Type.Optional(DateOrDateTime('Only items published at or before this.')),
}
