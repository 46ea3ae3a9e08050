import { eq, sql, type SQL } from 'drizzle-orm'
import { anyOf, dateRange } from '../../db/filters.js'
import { enforcementCases } from '../../db/schema/index.js'
import type { RuleViolation } from '../../core/problems.js'
import { canonicalJson } from '../../core/documents.js'
import { recordService, type ApiRecord, type Doc, type ModuleContext } from '../../records/record-service.js'
import type { CaseStatus } from './components.js'
import { EnforcementCaseCreate } from './schema.js'

const OVERDUE_DAYS = 90
const DAY_MS = 24 * 60 * 60 * 1000
/** Not yet decided and not final: the statuses the partial index `enforcement_cases_open_registered_idx` keeps. */
const openStatuses: readonly CaseStatus[] = ['registered', 'investigating', 'legal_review']
const decidedStatuses: readonly CaseStatus[] = ['decided', 'closed']
const lostResults = new Set(['revoked', 'modified', 'confirmed_unlawful'])
/** A closed case still accepts later reviews and the publicity date; leaving `closed` is the transition rule's to refuse. */
const openWhenClosed = new Set(['reviews', 'publishedAt', 'status'])

const transitions: Record<CaseStatus, readonly CaseStatus[]> = {
  registered: ['investigating', 'dismissed'],
  investigating: ['legal_review', 'decided', 'dismissed'],
  legal_review: ['investigating', 'decided'],
  decided: ['closed'],
  closed: [],
  dismissed: [],
}

type Officer = { certificateNumber: string }
type LegalReview = { conclusion: string; completedAt: string }
type Decision = { decidedAt: string }
type Review = { result: string }

/** The rules of the status a case is in; a case created straight into a later status meets them too. */
export function caseRules(next: Doc, current: ApiRecord | null): RuleViolation[] {
  const violations: RuleViolation[] = []
  const status = next.status as CaseStatus
  const registeredAt = Date.parse(next.registeredAt as string)
  const officers = (next.officers as Officer[] | undefined) ?? []
  const legalReview = next.legalReview as LegalReview | undefined
  const decision = next.decision as Decision | undefined

  // 行政处罚法 第四十二条: investigation and every step after it by at least two certified officers.
  const certificates = new Set(officers.map((o) => o.certificateNumber))
  if (status !== 'registered' && certificates.size < 2) {
    violations.push({ rule: 'min-two-certified-officers', message: `a case in ${status} needs at least two officers with distinct certificate numbers` })
  }
  if (decision && Date.parse(decision.decidedAt) < registeredAt) {
    violations.push({ rule: 'decision-after-registration', message: 'decision.decidedAt lies before registeredAt' })
  }
  if (decidedStatuses.includes(status) && !decision) {
    violations.push({ rule: 'decision-required', message: `a ${status} case needs a decision` })
  }
  // 行政处罚法 第五十八条: a major decision only after the legal review approved it.
  if (next.isMajor === true && decidedStatuses.includes(status)) {
    if (legalReview?.conclusion !== 'approved') {
      violations.push({ rule: 'major-case-legal-review', message: 'a major case needs an approved legalReview before it is decided' })
    } else if (decision && Date.parse(legalReview.completedAt) > Date.parse(decision.decidedAt)) {
      violations.push({ rule: 'major-case-legal-review', message: 'legalReview.completedAt lies after decision.decidedAt' })
    }
  }
  if (status === 'closed' && ((next.recordings as unknown[] | undefined) ?? []).length === 0) {
    violations.push({ rule: 'full-process-recording', message: 'a closed case needs at least one recording (全过程记录)' })
  }
  if (current?.status === 'closed') {
    const changed = Object.keys(EnforcementCaseCreate.properties).filter(
      (key) => !openWhenClosed.has(key) && canonicalJson(next[key] ?? null) !== canonicalJson(current[key] ?? null),
    )
    if (changed.length > 0) {
      violations.push({ rule: 'closed-case-frozen', message: `a closed case accepts only reviews and publishedAt, not ${changed.join(', ')}` })
    }
  }
  return violations
}

/** Read-only fields, computed on every read so that a case turns overdue as time passes. */
export function deriveCase(row: Doc, now = Date.now()): Doc {
  const registeredAt = new Date(row.registeredAt as string | Date).getTime()
  const reviews = (row.reviews as Review[] | null) ?? []
  return {
    overdue: openStatuses.includes(row.status as CaseStatus) && registeredAt < now - OVERDUE_DAYS * DAY_MS,
    lostOnReview: reviews.some((r) => lostResults.has(r.result)),
  }
}

// Literal statuses and interval, not parameters, so the planner can prove the partial index applies.
const openList = sql.raw(openStatuses.map((s) => `'${s}'`).join(', '))
const overdueCondition = sql`(${enforcementCases.status} IN (${openList}) AND ${enforcementCases.registeredAt} < now() - interval '${sql.raw(String(OVERDUE_DAYS))} days')`

function overdueFilter(overdue: boolean | undefined): SQL[] {
  if (overdue === undefined) return []
  return [overdue ? overdueCondition : sql`NOT ${overdueCondition}`]
}

export function enforcementCaseService(ctx: ModuleContext) {
  return recordService(ctx, {
    resourceType: 'enforcement-cases',
    noun: 'enforcement case',
    table: enforcementCases,
    writable: EnforcementCaseCreate,
    ownerColumn: enforcementCases.gridUnitId,
    ownerOf: (doc) => doc.gridUnitId as string,
    lifecycle: { initial: 'registered', transitions },
    rules: caseRules,
    derive: (row) => deriveCase(row),
    uniqueFields: { enforcement_cases_case_number_live_key: 'caseNumber' },
    sorts: {
      registeredAt: { column: enforcementCases.registeredAt, kind: 'timestamp', ownerIndexed: true },
      caseNumber: { column: enforcementCases.caseNumber, kind: 'text' },
      createdAt: { column: enforcementCases.createdAt, kind: 'timestamp' },
      updatedAt: { column: enforcementCases.updatedAt, kind: 'timestamp' },
    },
    filters: (query) => [
      ...anyOf(enforcementCases.status, query.status as string[] | undefined),
      ...anyOf(enforcementCases.domain, query.domain as string[] | undefined),
      ...(query.isMajor === undefined ? [] : [eq(enforcementCases.isMajor, query.isMajor as boolean)]),
      ...overdueFilter(query.overdue as boolean | undefined),
      ...dateRange(enforcementCases.registeredAt, query.registeredFrom as string | undefined, query.registeredTo as string | undefined),
    ],
  })
}
