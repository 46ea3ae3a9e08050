import type { FastifyInstance } from 'fastify'
import { registerRecordRoutes } from '../../http/record-routes.js'
import type { ModuleContext } from '../../records/record-service.js'
import { Dispute, DisputeCreate, DisputeList, DisputeListQuery, DisputeUpdate } from './schema.js'
import { disputeService } from './service.js'

const rules =
  'Rules: status moves only along reported → mediating | resolved | escalated | unresolved; mediating → resolved | escalated | unresolved; ' +
  'escalated → mediating | resolved | unresolved; resolved and unresolved are final (`status-transition`). ' +
  '`resolved` needs a `resolution` (`resolution-required`), and a resolution’s `resolvedAt` is never before `reportedAt` (`resolution-after-report`). ' +
  '`gridUnitId` names an existing unit (`grid-unit-exists`) inside the key’s jurisdiction (403 otherwise). Each broken rule is one entry of `violations` in a 409 `rule-violation`.'

export async function disputeRoutes(app: FastifyInstance, ctx: ModuleContext) {
  registerRecordRoutes(app, ctx, {
    collection: 'disputes',
    tag: 'Disputes',
    one: 'Dispute',
    many: 'Disputes',
    label: '矛盾纠纷',
    schemas: { record: Dispute, create: DisputeCreate, update: DisputeUpdate, list: DisputeList, query: DisputeListQuery },
    service: disputeService(ctx),
    notes: {
      list:
        'Filters: `status`, `category`, `source` (each repeatable), `isPetitionBacklog`, `reportedFrom`/`reportedTo` (inclusive; a plain date is that whole day in UTC+8), ' +
        '`gridUnitId` (the unit and its whole subtree), `q` (title, description, mediator; Chinese substrings of any length), `updatedSince`. ' +
        'Sorts: `reportedAt` (default `-reportedAt`), `createdAt`, `updatedAt`.',
      create: `A record sent already resolved must carry its resolution. ${rules}`,
      update: rules,
    },
  })
}
