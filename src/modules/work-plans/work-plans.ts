import { chinaToday } from '../../core/china-time.js'
import type { RuleViolation } from '../../core/problems.js'
import { anyOf, equalTo } from '../../db/filters.js'
import { sortBy, timeSorts } from '../../db/keyset.js'
import { workPlans } from '../../db/schema/index.js'
import { defineResource, ownedByUnit, type WritableOf } from '../../records/define-resource.js'
import { WorkPlan, WorkPlanCreate, WorkPlanTask, WorkPlanTaskState, WorkPlanUpdate, transitions, workPlanFilters } from './schema.js'

type Plan = WritableOf<typeof WorkPlanCreate>

/** `adoption-date`: an adopted plan says when it was adopted (印发). */
export function workPlanRules(next: Plan): RuleViolation[] {
  return next.status === 'adopted' && next.adoptedAt === undefined
    ? [{ rule: 'adoption-date', pointer: '/adoptedAt', message: 'an adopted work plan needs adoptedAt' }]
    : []
}

/** Each task's `overdue` and the plan's count of them, as of today in UTC+8: a plan turns late as days pass. */
export function deriveTasks(plan: Plan, now: number) {
  const today = chinaToday(now)
  const tasks = (plan.tasks ?? []).map((task) => ({ ...task, overdue: task.doneAt === undefined && task.dueOn < today }))
  return { tasks, tasksOverdue: tasks.filter((task) => task.overdue).length }
}

export const workPlansResource = defineResource({
  collection: 'work-plans',
  noun: 'work plan',
  names: { one: 'WorkPlan', many: 'WorkPlans' },
  label: '年度工作方案',
  tag: { name: 'Work plans', description: '年度工作方案: the year’s rule-of-law work plan and its task list.' },
  schemas: { create: WorkPlanCreate, update: WorkPlanUpdate, record: WorkPlan, filters: workPlanFilters, components: [WorkPlanTask, WorkPlanTaskState] },
  table: workPlans,
  owner: ownedByUnit(workPlans.gridUnitId),
  lifecycle: { transitions },
  rules: workPlanRules,
  derive: deriveTasks,
  sorts: { year: sortBy(workPlans.year, { perUnitIndex: true }), ...timeSorts(workPlans) },
  defaultSort: '-year',
  filters: (query) => [...equalTo(workPlans.year, query.year), ...anyOf(workPlans.status, query.status)],
  docs: {
    list: 'Filters: `year`, `status` (repeatable), `gridUnitId` (the unit and its whole subtree), `q` (title), `updatedSince`.',
    rules: '`adopted` needs `adoptedAt` (`adoption-date`).',
    update: 'A task’s `overdue` and the plan’s `tasksOverdue` are read-only (400).',
  },
  sheet: {
    headers: {
      title: '方案名称',
      gridUnitCode: '网格编码',
      gridUnitName: '所属单位',
      year: '年度',
      status: '状态',
      adoptedAt: '印发时间',
      tasks: '任务清单',
      tasksOverdue: '逾期任务数',
      id: '记录编号',
      createdAt: '录入时间',
      updatedAt: '最后修改时间',
    },
  },
})
