import { Type } from 'typebox'
import { Day, Nullable, Phone, RecordOf, Ref, RepeatableEnum, StringEnum, Text, Uuid, UuidFilter } from '../../core/schemas.js'

export const levels = ['county', 'town', 'village', 'community', 'grid'] as const
export const levelLabels = { county: '旗县', town: '乡镇', village: '村', community: '社区', grid: '网格' } as const
export type Level = (typeof levels)[number]
export const workerRoles = ['grid_leader', 'grid_worker', 'legal_adviser', 'legal_literate', 'mediator', 'police', 'other'] as const

const Level = StringEnum(levels, levelLabels, { description: '层级 level' })

export const facilityKinds = ['rule_of_law_square', 'legal_service_window', 'mediation_room', 'legal_library', 'other'] as const
export const facilityKindLabels = {
  rule_of_law_square: '法治文化广场',
  legal_service_window: '法治服务窗口',
  mediation_room: '调解室',
  legal_library: '法治书屋',
  other: '其他',
} as const

export const GridFacility = Type.Object(
  {
    kind: StringEnum(facilityKinds, facilityKindLabels, { description: '类型 kind' }),
    name: Text(100, { examples: ['团结村法治文化广场'] }),
    establishedOn: Day({ description: '建成日期 (YYYY-MM-DD): the year it counts as established in.', examples: ['2025-07-01'] }),
  },
  {
    $id: 'GridFacility',
    additionalProperties: false,
    description: '法治阵地: a rule-of-law square, a service window, a mediation room, a legal library in the unit.',
    examples: [{ kind: 'rule_of_law_square', name: '团结村法治文化广场', establishedOn: '2025-07-01' }],
  },
)

export const GridWorker = Type.Object(
  {
    name: Text(50, { examples: ['王建国'] }),
    role: StringEnum(
      workerRoles,
      { grid_leader: '网格长', grid_worker: '网格员', legal_adviser: '法律顾问', legal_literate: '法律明白人', mediator: '调解员', police: '民警', other: '其他' },
      { description: '角色 role' },
    ),
    phone: Type.Optional(Phone()),
  },
  {
    $id: 'GridWorker',
    additionalProperties: false,
    description: '网格工作人员 a person working in the unit; `phone` is masked (138****2345) for keys without `pii:read`.',
    examples: [{ name: '王建国', role: 'grid_leader', phone: '13847812345' }],
  },
)

const example = {
  code: '150826103',
  name: '团结镇',
  level: 'town',
  parentId: '0b6d2a7e-4c1f-4f5e-9a3b-1d2e3f4a5b6c',
  description: '杭锦后旗团结镇，辖 9 个村、2 个社区，划分 76 个网格',
  workers: [
    { name: '王建国', role: 'grid_leader', phone: '13847812345' },
    { name: '李秀英', role: 'legal_adviser', phone: '13904781234' },
  ],
  facilities: [{ kind: 'legal_service_window', name: '团结镇公共法律服务工作站', establishedOn: '2019-05-10' }],
}
// Shown as a `pii:read` key sees it: a masked phone (138****2345) is not a valid value of the field.
const recordExample = {
  id: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  version: 1,
  createdAt: '2025-01-06T01:30:00.000Z',
  updatedAt: '2025-01-06T01:30:00.000Z',
  ...example,
}

const fields = {
  code: Text(64, { pattern: '^\\S(.*\\S)?$', description: '编码, unique among live units (e.g. the statistical division code).', examples: ['150826103'] }),
  name: Text(100, { examples: ['团结镇'] }),
  level: Level,
  description: Text(2000),
  workers: Type.Array(Ref(GridWorker), { maxItems: 200, description: '网格员、法律顾问、法律明白人…, at most 200.' }),
  facilities: Type.Array(Ref(GridFacility), { maxItems: 50, description: '法治阵地, at most 50.' }),
}

export const GridUnitCreate = Type.Object(
  {
    code: fields.code,
    name: fields.name,
    level: fields.level,
    parentId: Type.Optional(Nullable(Uuid({ description: 'Parent unit, at any higher level; null or absent only for a root.' }))),
    description: Type.Optional(fields.description),
    workers: Type.Optional({ ...fields.workers, default: [] }),
    facilities: Type.Optional({ ...fields.facilities, default: [] }),
  },
  { $id: 'GridUnitCreate', additionalProperties: false, description: 'A new grid unit; `parentId` is absent or null only for a root (a county).', examples: [example] },
)

export const GridUnitUpdate = Type.Object(
  {
    code: Type.Optional(fields.code),
    name: Type.Optional(fields.name),
    level: Type.Optional(fields.level),
    parentId: Type.Optional(Nullable(Uuid())),
    description: Type.Optional(Nullable(fields.description)),
    workers: Type.Optional(fields.workers),
    facilities: Type.Optional(fields.facilities),
  },
  {
    $id: 'GridUnitUpdate',
    additionalProperties: false,
    description: 'JSON Merge Patch of a grid unit: only the fields to change; null clears `description` or makes a unit a root.',
    examples: [{ name: '团结镇人民政府', workers: [{ name: '张丽', role: 'legal_literate' }] }],
  },
)

export const GridUnit = RecordOf(
  'GridUnit',
  {
    code: fields.code,
    name: fields.name,
    level: fields.level,
    parentId: Nullable(Uuid({ description: 'Parent unit; null for a root.' })),
    description: Type.Optional(fields.description),
    workers: fields.workers,
    facilities: fields.facilities,
  },
  {
    description:
      '网格单元: a county, town, village, community or grid. Workers’ phone numbers are masked (`138****2345`) for keys without `pii:read`; ' +
      'the example shows them as a `pii:read` key sees them.',
    example: recordExample,
  },
)

export const gridUnitFilters = {
  level: RepeatableEnum(levels, 'Only these levels (repeatable)', levelLabels),
  parentId: Type.Optional(UuidFilter('Only the direct children of this unit.')),
}
