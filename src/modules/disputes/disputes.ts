import type { RuleViolation } from '../../core/problems.js'
import { anyOf, dateRange, equalsFlag, openLongerThan, whether } from '../../db/filters.js'
import { sortBy, timeSorts } from '../../db/keyset.js'
import { disputes } from '../../db/schema/index.js'
import { defineResource, ownedByUnit, type WritableOf } from '../../records/define-resource.js'
import { OVERDUE_AFTER_DAYS, Dispute, DisputeCreate, DisputeUpdate, disputeComponents, disputeFilters, openStatuses, transitions } from './schema.js'

/**
 * `resolution-required`: a resolved dispute says how it was settled.
 * `resolution-after-report`: nothing is settled before it was reported, whatever the status.
 */
export function disputeRules(next: WritableOf<typeof DisputeCreate>): RuleViolation[] {
  const violations: RuleViolation[] = []
  const { resolution } = next
  if (next.status === 'resolved' && !resolution) {
    violations.push({ rule: 'resolution-required', pointer: '/resolution', message: 'a resolved dispute needs a resolution (method, summary, agreementReached, resolvedAt)' })
  }
  if (resolution && Date.parse(resolution.resolvedAt) < Date.parse(next.reportedAt)) {
    violations.push({ rule: 'resolution-after-report', pointer: '/resolution/resolvedAt', message: `resolution.resolvedAt ${resolution.resolvedAt} is before reportedAt ${next.reportedAt}` })
  }
  return violations
}

const DAY_MS = 24 * 60 * 60 * 1000
const isOpen = (status: string | undefined) => (openStatuses as readonly string[]).includes(status ?? 'reported')
const overdue = openLongerThan(disputes.status, openStatuses, disputes.reportedAt, OVERDUE_AFTER_DAYS)

export const disputesResource = defineResource({
  collection: 'disputes',
  noun: 'dispute',
  names: { one: 'Dispute', many: 'Disputes' },
  label: '矛盾纠纷',
  tag: { name: 'Disputes', description: '矛盾纠纷: the grid-based investigation and mediation register.' },
  schemas: { create: DisputeCreate, update: DisputeUpdate, record: Dispute, filters: disputeFilters, components: disputeComponents },
  table: disputes,
  owner: ownedByUnit(disputes.gridUnitId),
  lifecycle: { transitions },
  rules: disputeRules,
  derive: (doc, now) => ({ overdue: isOpen(doc.status) && Date.parse(doc.reportedAt) < now - OVERDUE_AFTER_DAYS * DAY_MS }),
  sorts: {
    reportedAt: sortBy(disputes.reportedAt, { perUnitIndex: true }),
    ...timeSorts(disputes),
  },
  defaultSort: '-reportedAt',
  filters: (query) => [
    ...anyOf(disputes.status, query.status),
    ...anyOf(disputes.category, query.category),
    ...anyOf(disputes.source, query.source),
    ...equalsFlag(disputes.isPetitionBacklog, query.isPetitionBacklog),
    ...dateRange(disputes.reportedAt, query.reportedFrom, query.reportedTo),
    ...whether(overdue, query.overdue),
  ],
  docs: {
    list:
      'Filters: `status`, `category`, `source` (each repeatable), `isPetitionBacklog`, `overdue`, `reportedFrom`/`reportedTo` (inclusive; a plain date is that whole day in UTC+8), ' +
      '`gridUnitId` (the unit and its whole subtree), `q` (title, description, mediator; Chinese substrings of any length), `updatedSince`.',
    create: 'A record sent already resolved must carry its resolution.',
    update: '`overdue` is read-only (400).',
    rules:
      '`resolved` needs a `resolution` (`resolution-required`), and a resolution’s `resolvedAt` is never before `reportedAt` (`resolution-after-report`).',
  },
  sheet: {
    headers: {
      title: '纠纷名称',
      gridUnitCode: '网格编码',
      gridUnitName: '所属单位',
      category: '纠纷类别',
      source: '来源',
      reportedAt: '登记时间',
      parties: '当事人',
      description: '纠纷情况',
      isPetitionBacklog: '信访积案',
      mediator: '调解人',
      status: '状态',
      'resolution.method': '化解方式',
      'resolution.summary': '化解情况',
      'resolution.agreementReached': '达成协议',
      'resolution.resolvedAt': '化解时间',
      overdue: '超期未结',
      id: '记录编号',
      createdAt: '录入时间',
      updatedAt: '最后修改时间',
    },
    importable: true,
  },
})
