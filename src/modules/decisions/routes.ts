import type { FastifyInstance } from 'fastify'
import { registerRecordRoutes } from '../../http/record-routes.js'
import type { ModuleContext } from '../../records/record-service.js'
import { Decision, DecisionCreate, DecisionList, DecisionListQuery, DecisionUpdate } from './schema.js'
import { decisionService } from './service.js'

const rules =
  'Rules (重大行政决策程序暂行条例), each a 409 `rule-violation` naming it: ' +
  'a `collectiveDiscussion` needs a `legalityReview` concluding `lawful` or `lawful_with_revisions`, completed strictly before `heldAt` (`legality-review-before-discussion`); ' +
  '`adopted` needs `collectiveDiscussion.outcome = adopted` (`adoption-needs-discussion`); ' +
  '`rejected` needs `collectiveDiscussion.outcome = rejected` or `legalityReview.conclusion = unlawful` (`rejection-needs-grounds`); ' +
  'no step is completed or held before `proposedAt` (`steps-after-proposal`); ' +
  '`publishedAt` only on an adopted decision and not before `collectiveDiscussion.heldAt` (`publication-after-adoption`). ' +
  'Transitions: draft → under_review | withdrawn; under_review → draft | adopted | rejected | withdrawn; adopted, rejected and withdrawn are final (`status-transition`). ' +
  'The grid unit must exist (`grid-unit-exists`) and lie inside the key’s jurisdiction (403).'

export async function decisionRoutes(app: FastifyInstance, ctx: ModuleContext) {
  registerRecordRoutes(app, ctx, {
    collection: 'decisions',
    tag: 'Decisions',
    one: 'Decision',
    many: 'Decisions',
    label: '重大行政决策',
    schemas: { record: Decision, create: DecisionCreate, update: DecisionUpdate, list: DecisionList, query: DecisionListQuery },
    service: decisionService(ctx),
    notes: {
      list:
        'Filters: `status`, `category`, `legalityConclusion` (each repeatable), `proposedFrom`, `proposedTo`, `gridUnitId` (the unit and its whole subtree), `q` (title, summary, proposedBy), `updatedSince`. ' +
        'Sorts: `proposedAt` (default `-proposedAt`), `createdAt`, `updatedAt`.',
      create: rules,
      update: `${rules} A step object is merged member by member; the merged decision must be complete and meet every rule of its status.`,
    },
  })
}
