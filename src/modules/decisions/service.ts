import { sql, type SQL } from 'drizzle-orm'
import { anyOf, dateRange } from '../../db/filters.js'
import { decisions } from '../../db/schema/index.js'
import { recordService, type CommonListQuery, type ModuleContext } from '../../records/record-service.js'
import { decisionRules } from './rules.js'
import { DecisionCreate, transitions } from './schema.js'

/** Written exactly as the expression of `decisions_conclusion_proposed_idx`, so the planner uses that index. */
export const legalityConclusionOf = sql`(${decisions.legalityReview} ->> 'conclusion')`

export function decisionFilters(query: CommonListQuery): SQL[] {
  return [
    ...anyOf(decisions.status, query.status as string[] | undefined),
    ...anyOf(decisions.category, query.category as string[] | undefined),
    ...anyOf(legalityConclusionOf, query.legalityConclusion as string[] | undefined),
    ...dateRange(decisions.proposedAt, query.proposedFrom as string | undefined, query.proposedTo as string | undefined),
  ]
}

export function decisionService(ctx: ModuleContext) {
  return recordService(ctx, {
    resourceType: 'decisions',
    noun: 'decision',
    table: decisions,
    writable: DecisionCreate,
    ownerColumn: decisions.gridUnitId,
    ownerOf: (doc) => doc.gridUnitId as string,
    lifecycle: { initial: 'draft', transitions },
    rules: (next) => decisionRules(next),
    sorts: {
      proposedAt: { column: decisions.proposedAt, kind: 'timestamp', ownerIndexed: true },
      createdAt: { column: decisions.createdAt, kind: 'timestamp' },
      updatedAt: { column: decisions.updatedAt, kind: 'timestamp' },
    },
    filters: decisionFilters,
  })
}
