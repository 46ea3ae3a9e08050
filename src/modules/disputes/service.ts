import { eq } from 'drizzle-orm'
import { anyOf, dateRange } from '../../db/filters.js'
import { disputes } from '../../db/schema/index.js'
import type { RuleViolation } from '../../core/problems.js'
import { recordService, type Doc, type ModuleContext } from '../../records/record-service.js'
import { DisputeCreate } from './schema.js'

/** The status graph of the HTTP contract; resolved and unresolved are final. */
export const disputeTransitions = {
  reported: ['mediating', 'resolved', 'escalated', 'unresolved'],
  mediating: ['resolved', 'escalated', 'unresolved'],
  escalated: ['mediating', 'resolved', 'unresolved'],
  resolved: [],
  unresolved: [],
} as const satisfies Record<string, readonly string[]>

interface Resolution {
  resolvedAt: string
}

/**
 * `resolution-required`: a resolved dispute says how it was settled.
 * `resolution-after-report`: nothing is settled before it was reported, whatever the status.
 */
export function disputeRules(next: Doc): RuleViolation[] {
  const violations: RuleViolation[] = []
  const resolution = next.resolution as Resolution | undefined
  if (next.status === 'resolved' && !resolution) {
    violations.push({ rule: 'resolution-required', message: 'a resolved dispute needs a resolution (method, summary, agreementReached, resolvedAt)' })
  }
  if (resolution && Date.parse(resolution.resolvedAt) < Date.parse(String(next.reportedAt))) {
    violations.push({
      rule: 'resolution-after-report',
      message: `resolution.resolvedAt ${resolution.resolvedAt} is before reportedAt ${String(next.reportedAt)}`,
    })
  }
  return violations
}

export function disputeService(ctx: ModuleContext) {
  return recordService(ctx, {
    resourceType: 'disputes',
    noun: 'dispute',
    table: disputes,
    writable: DisputeCreate,
    ownerColumn: disputes.gridUnitId,
    ownerOf: (doc) => doc.gridUnitId as string,
    lifecycle: { initial: 'reported', transitions: disputeTransitions },
    rules: disputeRules,
    sorts: {
      reportedAt: { column: disputes.reportedAt, kind: 'timestamp', ownerIndexed: true },
      createdAt: { column: disputes.createdAt, kind: 'timestamp' },
      updatedAt: { column: disputes.updatedAt, kind: 'timestamp' },
    },
    filters: (query) => [
      ...anyOf(disputes.status, query.status as string[] | undefined),
      ...anyOf(disputes.category, query.category as string[] | undefined),
      ...anyOf(disputes.source, query.source as string[] | undefined),
      ...(typeof query.isPetitionBacklog === 'boolean' ? [eq(disputes.isPetitionBacklog, query.isPetitionBacklog)] : []),
      ...dateRange(disputes.reportedAt, query.reportedFrom as string | undefined, query.reportedTo as string | undefined),
    ],
  })
}
