import type { FieldError, RuleViolation } from '../../core/problems.js'
import { anyOf, dateRange } from '../../db/filters.js'
import { sortBy, timeSorts } from '../../db/keyset.js'
import { inspections } from '../../db/schema/index.js'
import { defineResource, ownedByUnit, type WritableOf } from '../../records/define-resource.js'
import { Inspection, InspectionCreate, InspectionFinding, InspectionUpdate, inspectionFilters, transitions } from './schema.js'

type Check = WritableOf<typeof InspectionCreate>

/** `endedAt` not before `startedAt`: a cross-field check of the input (400), as for events. */
function endsAfterStart({ startedAt, endedAt }: Check): FieldError[] {
  return endedAt !== undefined && Date.parse(endedAt) < Date.parse(startedAt)
    ? [{ in: 'body', pointer: '/endedAt', message: `must not be before startedAt (${startedAt})` }]
    : []
}

/**
 * `closing-date`: a closed inspection has ended. `findings-rectified`: nothing is closed with a
 * finding still open. `rectification-after-start`: nothing is put right before the inspection began.
 */
export function inspectionRules(next: Check): RuleViolation[] {
  const violations: RuleViolation[] = []
  const findings = next.findings ?? []
  if (next.status === 'closed') {
    if (next.endedAt === undefined) violations.push({ rule: 'closing-date', pointer: '/endedAt', message: 'a closed inspection needs endedAt' })
    const open = findings.flatMap((f, i) => (f.rectifiedAt === undefined ? [i] : []))
    if (open.length > 0) violations.push({ rule: 'findings-rectified', pointer: `/findings/${open[0]}/rectifiedAt`, message: `findings ${open.join(', ')} are not rectified yet` })
  }
  const early = findings.flatMap((f, i) => (f.rectifiedAt !== undefined && Date.parse(f.rectifiedAt) < Date.parse(next.startedAt) ? [i] : []))
  if (early.length > 0) violations.push({ rule: 'rectification-after-start', pointer: `/findings/${early[0]}/rectifiedAt`, message: `findings ${early.join(', ')} were rectified before startedAt` })
  return violations
}

export const inspectionsResource = defineResource({
  collection: 'inspections',
  noun: 'inspection',
  names: { one: 'Inspection', many: 'Inspections' },
  label: '执法监督检查',
  tag: { name: 'Enforcement supervision', description: '执法监督检查: special inspections, case-file reviews and their findings put right.' },
  schemas: { create: InspectionCreate, update: InspectionUpdate, record: Inspection, filters: inspectionFilters, components: [InspectionFinding] },
  table: inspections,
  owner: ownedByUnit(inspections.gridUnitId),
  lifecycle: { transitions },
  checks: endsAfterStart,
  rules: inspectionRules,
  sorts: { startedAt: sortBy(inspections.startedAt, { perUnitIndex: true }), ...timeSorts(inspections) },
  defaultSort: '-startedAt',
  filters: (query) => [
    ...anyOf(inspections.kind, query.kind),
    ...anyOf(inspections.domain, query.domain),
    ...anyOf(inspections.status, query.status),
    ...dateRange(inspections.startedAt, query.startedFrom, query.startedTo),
  ],
  docs: {
    list: 'Filters: `kind`, `domain`, `status` (each repeatable), `startedFrom`, `startedTo` (inclusive; a plain date is that whole day in UTC+8), `gridUnitId` (the unit and its whole subtree), `q` (title), `updatedSince`.',
    rules:
      '`closed` needs `endedAt` (`closing-date`) and every finding rectified (`findings-rectified`); no finding is rectified before `startedAt` (`rectification-after-start`). ' +
      '`endedAt` before `startedAt` is a 400 `validation-error` pointing at `/endedAt`.',
  },
  sheet: {
    headers: {
      title: '检查名称',
      gridUnitCode: '网格编码',
      gridUnitName: '所属单位',
      kind: '类型',
      domain: '执法领域',
      startedAt: '开始时间',
      endedAt: '结束时间',
      casesReviewed: '检查案卷数',
      findings: '问题与整改',
      status: '状态',
      id: '记录编号',
      createdAt: '录入时间',
      updatedAt: '最后修改时间',
    },
  },
})
