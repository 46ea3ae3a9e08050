import type { FastifyInstance } from 'fastify'
import { registerRecordRoutes } from '../../http/record-routes.js'
import type { ModuleContext } from '../../records/record-service.js'
import { EnforcementCase, EnforcementCaseCreate, EnforcementCaseList, EnforcementCaseListQuery, EnforcementCaseUpdate } from './schema.js'
import { enforcementCaseService } from './service.js'

export async function enforcementCaseRoutes(app: FastifyInstance, ctx: ModuleContext) {
  registerRecordRoutes(app, ctx, {
    collection: 'enforcement-cases',
    tag: 'Enforcement cases',
    one: 'EnforcementCase',
    many: 'EnforcementCases',
    label: '行政执法案件',
    schemas: { record: EnforcementCase, create: EnforcementCaseCreate, update: EnforcementCaseUpdate, list: EnforcementCaseList, query: EnforcementCaseListQuery },
    service: enforcementCaseService(ctx),
    notes: {
      list:
        'Filters: `status`, `domain` (repeatable), `isMajor`, `overdue`, `registeredFrom`, `registeredTo`, `gridUnitId` (the unit and its whole subtree), `q` (case number, title), `updatedSince`. ' +
        'Sorts: `registeredAt` (default `-registeredAt`), `caseNumber`, `createdAt`, `updatedAt`.',
      create:
        'Transitions: registered → investigating | dismissed; investigating → legal_review | decided | dismissed; legal_review → investigating | decided; decided → closed; closed and dismissed are final (`status-transition`). ' +
        'Rules of each status (行政处罚法), also when a case is created straight into it: every status but `registered` needs two officers with distinct certificate numbers (`min-two-certified-officers`, 第四十二条); ' +
        '`decided` and `closed` need a `decision` (`decision-required`) whose `decidedAt` is not before `registeredAt` (`decision-after-registration`); ' +
        'a major case in `decided` or `closed` needs `legalReview.conclusion = approved`, completed no later than `decision.decidedAt` (`major-case-legal-review`, 第五十八条); ' +
        '`closed` needs at least one recording (`full-process-recording`). `caseNumber` is unique among live cases (409 `conflict`).',
      update:
        'The rules and transitions of create apply to the merged case. A closed case accepts changes to `reviews` and `publishedAt` only (`closed-case-frozen`). ' +
        '`overdue` and `lostOnReview` are read-only (400).',
    },
  })
}
