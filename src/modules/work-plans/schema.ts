import { Type } from 'typebox'
import type { Transitions } from '../../core/lifecycle.js'
import { DateTime, Day, Nullable, RecordOf, Ref, RepeatableEnum, StatusEnum, Text, Uuid } from '../../core/schemas.js'

export const statuses = ['draft', 'adopted', 'repealed'] as const
export type WorkPlanStatus = (typeof statuses)[number]
const statusLabels = { draft: '草案', adopted: '已印发', repealed: '已废止' } as const
export const transitions = {
  draft: ['adopted', 'repealed'],
  adopted: ['repealed'],
  repealed: [],
} as const satisfies Transitions<WorkPlanStatus>

const taskFields = {
  title: Text(200, { description: '任务', examples: ['落实重大行政决策合法性审查制度'] }),
  owner: Text(100, { description: '责任单位', examples: ['镇司法所'] }),
  dueOn: Day({ description: '完成时限 (YYYY-MM-DD): a task not done by the end of that day (UTC+8) is overdue.', examples: ['2025-06-30'] }),
  doneAt: DateTime({ description: '完成时间' }),
}

export const WorkPlanTask = Type.Object(
  { title: taskFields.title, owner: taskFields.owner, dueOn: taskFields.dueOn, doneAt: Type.Optional(taskFields.doneAt) },
  {
    $id: 'WorkPlanTask',
    additionalProperties: false,
    description: '任务清单中的一项: the task, who answers for it (责任分工) and its deadline (完成时限).',
    examples: [{ title: '落实重大行政决策合法性审查制度', owner: '镇司法所', dueOn: '2025-06-30', doneAt: '2025-06-20T08:00:00.000Z' }],
  },
)

export const WorkPlanTaskState = Type.Object(
  {
    title: taskFields.title,
    owner: taskFields.owner,
    dueOn: taskFields.dueOn,
    doneAt: Type.Optional(taskFields.doneAt),
    overdue: Type.Boolean({ readOnly: true, description: 'Read-only: not done, and `dueOn` is before today (UTC+8).' }),
  },
  {
    $id: 'WorkPlanTaskState',
    additionalProperties: false,
    description: 'A task as answered, with whether it is overdue today.',
    examples: [{ title: '落实重大行政决策合法性审查制度', owner: '镇司法所', dueOn: '2025-06-30', doneAt: '2025-06-20T08:00:00.000Z', overdue: false }],
  },
)

const fields = {
  gridUnitId: Uuid({ description: '印发方案的单位 the grid unit whose plan it is.' }),
  year: Type.Integer({ minimum: 2000, maximum: 2100, description: '方案年度 the year the plan is for.', examples: [2025] }),
  title: Text(200, { description: '方案名称', examples: ['团结镇2025年法治政府建设工作方案'] }),
  status: StatusEnum(statuses, statusLabels, transitions, '`adopted` needs `adoptedAt`'),
  adoptedAt: DateTime({ description: '印发时间: required once `adopted`.' }),
  tasks: Type.Array(Ref(WorkPlanTask), { maxItems: 200, description: '任务清单, at most 200.' }),
}

const tasks = [
  { title: '落实重大行政决策合法性审查制度', owner: '镇司法所', dueOn: '2025-06-30', doneAt: '2025-06-20T08:00:00.000Z' },
  { title: '开展行政执法案卷评查', owner: '镇综合行政执法队', dueOn: '2025-10-31', doneAt: '2025-10-15T08:00:00.000Z' },
]
const example = {
  gridUnitId: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  year: 2025,
  title: '团结镇2025年法治政府建设工作方案',
  status: 'adopted',
  adoptedAt: '2025-02-20T02:00:00.000Z',
  tasks,
}
const recordExample = {
  id: '2c8f5d3b-0e4a-4f9b-a7d6-3a1f2e4d5c6b',
  version: 2,
  createdAt: '2025-02-10T02:00:00.000Z',
  updatedAt: '2025-02-20T02:05:00.000Z',
  ...example,
  tasks: tasks.map((task) => ({ ...task, overdue: false })),
  tasksOverdue: 0,
}

export const WorkPlanCreate = Type.Object(
  {
    gridUnitId: fields.gridUnitId,
    year: fields.year,
    title: fields.title,
    status: Type.Optional({ ...fields.status, default: 'draft' }),
    adoptedAt: Type.Optional(fields.adoptedAt),
    tasks: Type.Optional({ ...fields.tasks, default: [] }),
  },
  {
    $id: 'WorkPlanCreate',
    additionalProperties: false,
    description: 'A new annual work plan. `status` defaults to `draft`; `adopted` needs `adoptedAt`.',
    examples: [{ ...example, status: 'draft', adoptedAt: undefined }, example].map((e) => JSON.parse(JSON.stringify(e))),
  },
)

export const WorkPlanUpdate = Type.Object(
  {
    gridUnitId: Type.Optional(fields.gridUnitId),
    year: Type.Optional(fields.year),
    title: Type.Optional(fields.title),
    status: Type.Optional(fields.status),
    adoptedAt: Type.Optional(Nullable(fields.adoptedAt)),
    tasks: Type.Optional(fields.tasks),
  },
  {
    $id: 'WorkPlanUpdate',
    additionalProperties: false,
    description: 'JSON Merge Patch of a work plan: only the fields to change; `tasks` is replaced whole (a task’s `overdue` is read-only).',
    examples: [{ status: 'adopted', adoptedAt: '2025-02-20T02:00:00Z' }],
  },
)

export const WorkPlan = RecordOf(
  'WorkPlan',
  {
    gridUnitId: fields.gridUnitId,
    year: fields.year,
    title: fields.title,
    status: fields.status,
    adoptedAt: Type.Optional(fields.adoptedAt),
    tasks: Type.Array(Ref(WorkPlanTaskState), { maxItems: 200, description: '任务清单, each with whether it is overdue today.' }),
    tasksOverdue: Type.Integer({ minimum: 0, readOnly: true, description: 'Read-only: tasks not done whose `dueOn` is before today (UTC+8).' }),
  },
  { description: '年度工作方案: the year’s rule-of-law work plan and its task list (任务清单、责任分工、完成时限).', example: recordExample },
)

export const workPlanFilters = {
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'Only plans for this year.' })),
  status: RepeatableEnum(statuses, 'Only these statuses (repeatable)', statusLabels),
}
