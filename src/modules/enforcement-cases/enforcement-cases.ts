import { sameJson } from '../../core/documents.js'
import type { RuleViolation } from '../../core/problems.js'
import { anyOf, dateRange, equalsFlag, openLongerThan, whether } from '../../db/filters.js'
import { sortBy, timeSorts } from '../../db/keyset.js'
import { enforcementCases } from '../../db/schema/index.js'
import { defineResource, ownedByUnit, type StoredOf, type WritableOf } from '../../records/define-resource.js'
import {
  OVERDUE_AFTER_DAYS,
  decidedStatuses,
  enforcementCaseComponents,
  lostReviewResults,
  openStatuses,
  transitions,
  type CaseStatus,
} from './components.js'
import { EnforcementCase, EnforcementCaseCreate, EnforcementCaseUpdate, enforcementCaseFilters } from './schema.js'

type Case = WritableOf<typeof EnforcementCaseCreate>
const DAY_MS = 24 * 60 * 60 * 1000
const isIn = <T extends string>(list: readonly T[], value: string): boolean => (list as readonly string[]).includes(value)
/** A closed case still accepts later reviews and the publicity date; leaving `closed` is the transition rule's to refuse. */
const openWhenClosed = new Set(['reviews', 'publishedAt', 'status'])

/** The rules of the status a case is in; a case created straight into a later status meets them too. */
export function caseRules(next: Case, current: StoredOf<typeof EnforcementCase> | null): RuleViolation[] {
  const violations: RuleViolation[] = []
  const { status, legalReview, decision } = next
  const registeredAt = Date.parse(next.registeredAt)

  // 行政处罚法 第四十二条: investigation and every step after it by at least two certified officers.
  const certificates = new Set((next.officers ?? []).map((o) => o.certificateNumber))
  if (status !== 'registered' && certificates.size < 2) {
    violations.push({ rule: 'min-two-certified-officers', pointer: '/officers', message: `a case in ${status} needs at least two officers with distinct certificate numbers` })
  }
  if (decision && Date.parse(decision.decidedAt) < registeredAt) {
    violations.push({ rule: 'decision-after-registration', pointer: '/decision/decidedAt', message: 'decision.decidedAt lies before registeredAt' })
  }
  const decided = isIn(decidedStatuses, status ?? 'registered')
  if (decided && !decision) violations.push({ rule: 'decision-required', pointer: '/decision', message: `a ${status} case needs a decision` })
  // 行政处罚法 第五十八条: a major decision only after the legal review approved it.
  if (next.isMajor === true && decided) {
    if (legalReview?.conclusion !== 'approved') {
      violations.push({ rule: 'major-case-legal-review', pointer: '/legalReview', message: 'a major case needs an approved legalReview before it is decided' })
    } else if (decision && Date.parse(legalReview.completedAt) > Date.parse(decision.decidedAt)) {
      violations.push({ rule: 'major-case-legal-review', pointer: '/legalReview/completedAt', message: 'legalReview.completedAt lies after decision.decidedAt' })
    }
  }
  if (status === 'closed' && (next.recordings ?? []).length === 0) {
    violations.push({ rule: 'full-process-recording', pointer: '/recordings', message: 'a closed case needs at least one recording (全过程记录)' })
  }
  if (current?.status === 'closed') {
    const before = current as Record<string, unknown>
    const after = next as Record<string, unknown>
    const changed = Object.keys(EnforcementCaseCreate.properties).filter(
      (key) => !openWhenClosed.has(key) && !sameJson(after[key] ?? null, before[key] ?? null),
    )
    if (changed.length > 0) {
      violations.push({ rule: 'closed-case-frozen', message: `a closed case accepts only reviews and publishedAt, not ${changed.join(', ')}` })
    }
  }
  return violations
}

/** Read-only fields, computed on every read so that a case turns overdue as time passes. */
export function deriveCase(doc: Case, now: number): { overdue: boolean; lostOnReview: boolean } {
  return {
    overdue: isIn(openStatuses, doc.status ?? 'registered') && Date.parse(doc.registeredAt) < now - OVERDUE_AFTER_DAYS * DAY_MS,
    lostOnReview: (doc.reviews ?? []).some((r) => isIn(lostReviewResults, r.result)),
  }
}

const overdue = openLongerThan(enforcementCases.status, openStatuses, enforcementCases.registeredAt, OVERDUE_AFTER_DAYS)

export const enforcementCasesResource = defineResource({
  collection: 'enforcement-cases',
  noun: 'enforcement case',
  names: { one: 'EnforcementCase', many: 'EnforcementCases' },
  label: '行政执法案件',
  tag: { name: 'Enforcement cases', description: '行政执法案件: the case register under the 行政处罚法 and the three systems.' },
  schemas: { create: EnforcementCaseCreate, update: EnforcementCaseUpdate, record: EnforcementCase, filters: enforcementCaseFilters, components: enforcementCaseComponents },
  table: enforcementCases,
  owner: ownedByUnit(enforcementCases.gridUnitId),
  lifecycle: { transitions },
  rules: caseRules,
  derive: deriveCase,
  unique: { enforcement_cases_case_number_live_key: 'caseNumber' },
  sorts: {
    registeredAt: sortBy(enforcementCases.registeredAt, { perUnitIndex: true }),
    caseNumber: sortBy(enforcementCases.caseNumber),
    ...timeSorts(enforcementCases),
  },
  defaultSort: '-registeredAt',
  filters: (query) => [
    ...anyOf(enforcementCases.status, query.status),
    ...anyOf(enforcementCases.domain, query.domain),
    ...equalsFlag(enforcementCases.isMajor, query.isMajor),
    ...whether(overdue, query.overdue),
    ...dateRange(enforcementCases.registeredAt, query.registeredFrom, query.registeredTo),
  ],
  docs: {
    list: 'Filters: `status`, `domain` (repeatable), `isMajor`, `overdue`, `registeredFrom`, `registeredTo`, `gridUnitId` (the unit and its whole subtree), `q` (case number, title), `updatedSince`.',
    rules:
      'Rules of each status (行政处罚法), also when a case is created straight into it: every status but `registered` needs two officers with distinct certificate numbers (`min-two-certified-officers`, 第四十二条); ' +
      '`decided` and `closed` need a `decision` (`decision-required`) whose `decidedAt` is not before `registeredAt` (`decision-after-registration`); ' +
      'a major case in `decided` or `closed` needs `legalReview.conclusion = approved`, completed no later than `decision.decidedAt` (`major-case-legal-review`, 第五十八条); ' +
      '`closed` needs at least one recording (`full-process-recording`).',
    create: '`caseNumber` is unique among live cases (409 `conflict`).',
    update: 'A closed case accepts changes to `reviews` and `publishedAt` only (`closed-case-frozen`). `overdue` and `lostOnReview` are read-only (400).',
  },
  sheet: {
    headers: {
      title: '案件名称',
      caseNumber: '案件编号',
      gridUnitCode: '网格编码',
      gridUnitName: '所属单位',
      domain: '执法领域',
      isMajor: '重大执法决定',
      'party.type': '当事人类型',
      'party.name': '当事人',
      'party.idNumber': '证件号码',
      'party.phone': '当事人电话',
      officers: '执法人员',
      registeredAt: '立案时间',
      status: '状态',
      'legalReview.conclusion': '法制审核结论',
      'legalReview.completedAt': '法制审核时间',
      'decision.type': '处理决定',
      'decision.fineAmountFen': '罚款金额（分）',
      'decision.documentNumber': '决定书文号',
      'decision.decidedAt': '决定时间',
      publishedAt: '公示时间',
      overdue: '超期未决',
      lostOnReview: '复议诉讼败诉',
      id: '记录编号',
      createdAt: '录入时间',
      updatedAt: '最后修改时间',
    },
  },
})
