import { sameJson } from '../../core/documents.js'
import type { RuleViolation } from '../../core/problems.js'
import { anyOf, equalTo } from '../../db/filters.js'
import { sortBy, timeSorts } from '../../db/keyset.js'
import { annualReports } from '../../db/schema/index.js'
import { defineResource, ownedByUnit, type StoredOf, type WritableOf } from '../../records/define-resource.js'
import {
  AnnualReport,
  AnnualReportCreate,
  AnnualReportNarrative,
  AnnualReportNarrativePatch,
  AnnualReportUpdate,
  annualReportFilters,
  filedStatuses,
  transitions,
} from './schema.js'

type Report = WritableOf<typeof AnnualReportCreate>
const isFiled = (status: string | undefined) => (filedStatuses as readonly string[]).includes(status ?? 'draft')
/** What may still change once a report is filed (frozen-after-submission); returned, it also loses its submission date. */
const openWhenFiled = (next: Report) => new Set(['status', 'publishedAt', ...(next.status === 'draft' ? ['submittedAt'] : [])])

/** 1 March of the next year, 00:00 UTC+8 (《法治政府建设与责任落实督察工作规定》第二十五条: reported before 1 March). */
export const dueAt = (year: number) => new Date(`${year + 1}-03-01T00:00:00+08:00`).toISOString()

/**
 * `late`: a filed report by its submission date (on or after `dueAt`), a draft by the clock (still a
 * draft past it). A draft may carry a submittedAt another system sent; it is not filed, so it does not count.
 */
export function isLate(report: { year: number; status?: string; submittedAt?: string | null }, now: number): boolean {
  const due = Date.parse(dueAt(report.year))
  if (isFiled(report.status) && report.submittedAt) return Date.parse(report.submittedAt) >= due
  return now >= due
}

/** The submission's date is the service's when none is given; a report returned for revision has none. */
export function settleReport(next: Report, current: StoredOf<typeof AnnualReport> | null, now: number): Report {
  if (isFiled(next.status) && next.submittedAt === undefined) return { ...next, submittedAt: new Date(now).toISOString() }
  if (next.status === 'draft' && current && isFiled(current.status)) {
    const { submittedAt: _returned, ...rest } = next
    return rest
  }
  return next
}

/**
 * `narrative-complete`: a filed report states at least one problem and one next step.
 * `frozen-after-submission`: a filed report's words do not change (only its status and publication).
 * `publication-date`: a published report says when.
 */
export function reportRules(next: Report, current: StoredOf<typeof AnnualReport> | null): RuleViolation[] {
  const violations: RuleViolation[] = []
  if (isFiled(next.status) && (next.narrative.shortcomings.length === 0 || next.narrative.nextSteps.length === 0)) {
    violations.push({ rule: 'narrative-complete', pointer: '/narrative', message: 'a submitted report needs at least one shortcomings and one nextSteps paragraph' })
  }
  if (current && isFiled(current.status)) {
    const before = current as Record<string, unknown>
    const after = next as Record<string, unknown>
    const open = openWhenFiled(next)
    const changed = Object.keys(AnnualReportCreate.properties).filter(
      (key) => !open.has(key) && !sameJson(after[key] ?? null, before[key] ?? null),
    )
    if (changed.length > 0) violations.push({ rule: 'frozen-after-submission', message: `a filed report accepts only status and publishedAt, not ${changed.join(', ')}` })
  }
  if (next.status === 'published' && next.publishedAt === undefined) {
    violations.push({ rule: 'publication-date', pointer: '/publishedAt', message: 'a published report needs publishedAt' })
  }
  return violations
}

export const annualReportsResource = defineResource({
  collection: 'annual-reports',
  noun: 'annual report',
  names: { one: 'AnnualReport', many: 'AnnualReports' },
  // `getAnnualReport` is the published name of the quick view (GET /v1/reports/annual): an
  // operationId is unique in a document, and renaming a published one breaks its callers.
  operationIds: { get: 'getAnnualReportRecord' },
  label: '年度报告',
  tag: { name: 'Annual reports', description: '法治政府建设年度报告: drafted, frozen at submission, printed as the document the office files.' },
  schemas: {
    create: AnnualReportCreate,
    update: AnnualReportUpdate,
    record: AnnualReport,
    filters: annualReportFilters,
    components: [AnnualReportNarrative, AnnualReportNarrativePatch],
  },
  table: annualReports,
  owner: ownedByUnit(annualReports.gridUnitId),
  lifecycle: { transitions },
  settle: settleReport,
  rules: reportRules,
  derive: (doc, now) => ({ dueAt: dueAt(doc.year), late: isLate(doc, now) }),
  snapshot: { field: 'figures', source: 'annual-figures', frozenWhen: (doc) => isFiled(doc.status) },
  unique: { annual_reports_unit_year_live_key: 'gridUnitId and year' },
  sorts: { year: sortBy(annualReports.year, { perUnitIndex: true }), ...timeSorts(annualReports) },
  defaultSort: '-year',
  filters: (query) => [...equalTo(annualReports.year, query.year), ...anyOf(annualReports.status, query.status)],
  docs: {
    list: 'Filters: `year`, `status` (repeatable), `gridUnitId` (the unit and its whole subtree), `q` (title, addressee, issuer), `updatedSince`.',
    create: 'One live report per unit and year (409 `conflict`). `figures`, `dueAt` and `late` are read-only.',
    rules:
      '`submitted` needs at least one `shortcomings` and one `nextSteps` paragraph (`narrative-complete`) and takes the time of the request as `submittedAt` when none is given; ' +
      'while submitted or published only `status` and `publishedAt` change (`frozen-after-submission`); `published` needs `publishedAt` (`publication-date`). ' +
      'Returned to `draft`, a report loses its `submittedAt` and its figures are live again.',
  },
  sheet: {
    headers: {
      title: '报告标题',
      gridUnitCode: '网格编码',
      gridUnitName: '所属单位',
      year: '年度',
      addressee: '主送机关',
      issuer: '署名',
      status: '状态',
      submittedAt: '报送时间',
      publishedAt: '公开时间',
      dueAt: '报送期限',
      late: '逾期',
      id: '记录编号',
      createdAt: '录入时间',
      updatedAt: '最后修改时间',
    },
  },
})
